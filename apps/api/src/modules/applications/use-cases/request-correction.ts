import { Injectable } from '@nestjs/common';
import { REQUIREMENT_MACHINE } from '@cofinanca/domain';
import { AppException, fieldError } from '../../../common/app.exception';
import type { AuthUser } from '../../../common/request-context';
import { CalendarService } from '../../calendar/calendar.service';
import { loadCallAndEntity } from '../application-access';
import { RequirementEntity } from '../requirement.entity';
import type { CreateRequirementDto } from '../requirement.dto';
import { ApplicationWorkflow, todayInMadrid } from './admissibility-support';

/**
 * A correction request (requeriment d'esmena, LPAC art. 68): its items, the notification date and the due date —
 * the call's `correctionDays` business days after it on the council's calendar, computed once and stored. The
 * application goes to correction_requested and the entity's users are e-mailed.
 */
@Injectable()
export class RequestCorrection {
  constructor(
    private readonly workflow: ApplicationWorkflow,
    private readonly calendar: CalendarService,
  ) {}

  execute(user: AuthUser, id: string, dto: CreateRequirementDto): Promise<RequirementEntity> {
    return this.workflow.run(user, id, {
      action: 'request_correction',
      prepare: async (m, app) => {
        const open = await m
          .getRepository(RequirementEntity)
          .existsBy({ applicationId: app.id, status: 'open' });
        if (open) {
          throw AppException.conflict(
            'INVALID_STATE',
            'The application has an unanswered correction request.',
          );
        }

        const today = todayInMadrid();
        const notifiedOn = dto.notifiedOn ?? today;
        const submittedOn = app.submittedAt ? todayInMadrid(app.submittedAt) : today;
        if (notifiedOn > today) {
          throw AppException.validation({ notifiedOn: fieldError('IN_THE_FUTURE') });
        }
        if (notifiedOn < submittedOn) {
          throw AppException.validation({
            notifiedOn: fieldError('NOT_BEFORE', { min: submittedOn }),
          });
        }

        const { call } = await loadCallAndEntity(m, app);
        // The council's calendar (COUNCIL_MUNICIPALITY): the office counts the days where it sits.
        const dueDate = await this.calendar.dueDate(notifiedOn, call.correctionDays, undefined, m);
        const repo = m.getRepository(RequirementEntity);
        const requirement = await repo.save(
          repo.create({
            applicationId: app.id,
            items: dto.items.map((i) => ({ description: i.description })),
            notifiedOn,
            dueDate,
            status: REQUIREMENT_MACHINE.initial,
            responseMessage: null,
            responseDocumentIds: [],
            respondedAt: null,
            respondedBy: null,
            createdBy: user.id,
          }),
        );
        return { requirement, correctionDays: call.correctionDays };
      },
      audit: 'application.correction_requested',
      auditAfter: (_app, { requirement, correctionDays }) => ({
        requirement: {
          id: requirement.id,
          items: requirement.items,
          notifiedOn: requirement.notifiedOn,
          dueDate: requirement.dueDate,
          correctionDays,
        },
      }),
      emails: (m, app, { requirement, correctionDays }) =>
        this.workflow.toEntity(m, app, 'application_correction_requested', () => ({
          items: requirement.items.map((i) => i.description),
          notifiedOn: requirement.notifiedOn,
          dueDate: requirement.dueDate,
          days: correctionDays,
        })),
      answer: (_m, _app, { requirement }) => requirement,
    });
  }
}
