import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../../common/request-context';
import type { ApplicationResponse } from '../application.dto';
import { ApplicationWorkflow, closeOpenRequirement } from './admissibility-support';

/** An officer declares an application inadmissible (inadmissió), with the reason the entity is told. */
@Injectable()
export class DeclareInadmissible {
  constructor(private readonly workflow: ApplicationWorkflow) {}

  execute(user: AuthUser, id: string, reason: string): Promise<ApplicationResponse> {
    return this.workflow.run(user, id, {
      action: 'declare_inadmissible',
      apply: async (m, app) => {
        await closeOpenRequirement(m, app.id);
        app.statusReason = reason;
      },
      audit: 'application.declared_inadmissible',
      emails: (m, app) =>
        this.workflow.toEntity(m, app, 'application_declared_inadmissible', () => ({ reason })),
    });
  }
}
