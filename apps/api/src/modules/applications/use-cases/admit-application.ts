import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../../common/request-context';
import type { ApplicationResponse } from '../application.dto';
import { ApplicationWorkflow } from './admissibility-support';

/** An officer admits a submitted application (admissió a tràmit): it can go on to evaluation. */
@Injectable()
export class AdmitApplication {
  constructor(private readonly workflow: ApplicationWorkflow) {}

  execute(user: AuthUser, id: string): Promise<ApplicationResponse> {
    return this.workflow.run(user, id, {
      action: 'admit',
      apply: (_m, app) => {
        app.statusReason = null;
      },
      audit: 'application.admitted',
      emails: (m, app) => this.workflow.toEntity(m, app, 'application_admitted'),
    });
  }
}
