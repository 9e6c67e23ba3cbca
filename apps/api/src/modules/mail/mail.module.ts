import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service';
import { OutboxController } from './outbox.controller';
import { OutboxWorker } from './outbox.worker';

@Global()
@Module({
  controllers: [OutboxController],
  providers: [MailService, OutboxWorker],
  exports: [MailService, OutboxWorker],
})
export class MailModule {}
