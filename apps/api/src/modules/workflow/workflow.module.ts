import { Global, Module } from '@nestjs/common';
import { RecipientsService } from './recipients.service';
import { TransitionRunner } from './transition-runner';

/** What every workflow shares: the transition runner and the recipients of its e-mails. */
@Global()
@Module({ providers: [TransitionRunner, RecipientsService], exports: [TransitionRunner, RecipientsService] })
export class WorkflowModule {}
