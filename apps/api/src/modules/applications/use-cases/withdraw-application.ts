import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../../common/request-context';
import type { ApplicationResponse } from '../application.dto';
import { ApplicationWorkflow, closeOpenRequirement } from './admissibility-support';

/**
 * The entity withdraws its presented application (submitted or correction_requested; a draft is deleted instead).
 * The officers are told.
 */
@Injectable()
export class WithdrawApplication {
  constructor(private readonly workflow: ApplicationWorkflow) {}

  execute(user: AuthUser, id: string): Promise<ApplicationResponse> {
    return this.workflow.run(user, id, {
      action: 'withdraw',
      ownEntityOnly: true,
      apply: async (m, app) => {
        await closeOpenRequirement(m, app.id);
        app.statusReason = null;
      },
      audit: 'application.withdrawn',
      emails: (m, app) => this.workflow.toOfficers(m, app, 'application_withdrawn'),
    });
  }
}
