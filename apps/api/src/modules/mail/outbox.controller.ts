import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../common/decorators';
import { MailService } from './mail.service';
import { OutboxMessagePage, OutboxQuery, toOutboxMessageResponse } from './outbox.dto';

@ApiTags('outbox')
@Controller('v1/outbox')
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @Authorize('outbox.read', 'E-mails in the outbox, newest first')
  @ApiOkResponse({ type: OutboxMessagePage })
  async list(@Query() q: OutboxQuery): Promise<OutboxMessagePage> {
    const page = await this.mail.list(q);
    return { ...page, items: page.items.map(toOutboxMessageResponse) };
  }
}
