import { Injectable } from '@nestjs/common';
import { AppException, fieldError } from '../../../common/app.exception';
import type { AuthUser } from '../../../common/request-context';
import type { ApplicationResponse } from '../application.dto';
import { RequirementEntity } from '../requirement.entity';
import { ApplicationWorkflow, requirementTransition, todayInMadrid } from './admissibility-support';

/**
 * Desistiment (LPAC art. 68.1): an officer declares the application withdrawn because its correction request went
 * unanswered — only once the due date has passed (the day after it, in Europe/Madrid; the machine's guard). The
 * request is marked expired.
 */
@Injectable()
export class DeclareWithdrawn {
  constructor(private readonly workflow: ApplicationWorkflow) {}

  execute(user: AuthUser, id: string, reason: string): Promise<ApplicationResponse> {
    return this.workflow.run(user, id, {
      action: 'declare_withdrawn',
      prepare: async (m, app) => {
        const requirement = await m.getRepository(RequirementEntity).findOne({
          where: { applicationId: app.id, status: 'open' },
          order: { createdAt: 'DESC' },
        });
        if (!requirement) {
          throw AppException.conflict(
            'INVALID_STATE',
            'The application has no unanswered correction request.',
          );
        }
        return { requirement, today: todayInMadrid(), correctionDueDate: requirement.dueDate };
      },
      refuse: (_refusal, _app, { requirement }) =>
        new AppException(
          422,
          'DEADLINE_NOT_PASSED',
          `The correction period ends on ${requirement.dueDate}: desistiment can be declared from the next day.`,
          { dueDate: fieldError('NOT_PASSED', { date: requirement.dueDate }) },
        ),
      apply: async (m, app, { requirement }) => {
        requirement.status = requirementTransition(requirement, 'expire');
        await m.getRepository(RequirementEntity).save(requirement);
        app.statusReason = reason;
      },
      audit: 'application.declared_withdrawn',
      auditAfter: (_app, { requirement }) => ({
        requirement: { id: requirement.id, dueDate: requirement.dueDate },
      }),
      emails: (m, app, { requirement }) =>
        this.workflow.toEntity(m, app, 'application_declared_withdrawn', () => ({
          reason,
          dueDate: requirement.dueDate,
        })),
    });
  }
}
