import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException, fieldError } from '../../../common/app.exception';
import type { AuthUser } from '../../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../audit/audit.service';
import { CalendarService } from '../../calendar/calendar.service';
import { MailService } from '../../mail/mail.service';
import { findApplicationFor } from '../application-access';
import { ApplicationEntity } from '../application.entity';
import { RequirementEntity } from '../requirement.entity';
import type { CreateRequirementDto } from '../requirement.dto';
import {
  APPLICATION_SUBJECT,
  applicationRef,
  entityRecipients,
  loadCallAndEntity,
  localeOf,
  requireTransition,
  stateSnapshot,
  todayInMadrid,
} from './admissibility-support';

/**
 * A correction request (requeriment d'esmena, LPAC art. 68): its items, the notification date and the due date —
 * the call's `correctionDays` business days after it on the council's calendar, computed once and stored. The
 * application goes to correction_requested and the entity's users are e-mailed.
 */
@Injectable()
export class RequestCorrection {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly calendar: CalendarService,
  ) {}

  execute(user: AuthUser, id: string, dto: CreateRequirementDto): Promise<RequirementEntity> {
    return this.dataSource.transaction(async (m) => {
      const app = await findApplicationFor(m, user, id, { lock: true });
      const before = stateSnapshot(app);
      const next = requireTransition(app, 'request_correction');
      const open = await m
        .getRepository(RequirementEntity)
        .existsBy({ applicationId: app.id, status: 'open' });
      if (open) {
        throw AppException.conflict('INVALID_STATE', 'The application has an unanswered correction request.');
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

      const { call, entity } = await loadCallAndEntity(m, app);
      // The council's calendar (COUNCIL_MUNICIPALITY): the office counts the days where it sits.
      const dueDate = await this.calendar.dueDate(notifiedOn, call.correctionDays, undefined, m);
      const repo = m.getRepository(RequirementEntity);
      const requirement = await repo.save(
        repo.create({
          applicationId: app.id,
          items: dto.items.map((i) => ({ description: i.description })),
          notifiedOn,
          dueDate,
          status: 'open',
          responseMessage: null,
          responseDocumentIds: [],
          respondedAt: null,
          respondedBy: null,
          createdBy: user.id,
        }),
      );

      app.status = next;
      const saved = await m.getRepository(ApplicationEntity).save(app);
      await this.audit.record(m, {
        action: 'application.correction_requested',
        subjectType: APPLICATION_SUBJECT,
        subjectId: app.id,
        before,
        after: {
          ...stateSnapshot(saved),
          requirement: {
            id: requirement.id,
            items: requirement.items,
            notifiedOn,
            dueDate,
            correctionDays: call.correctionDays,
          },
        },
      });
      for (const recipient of await entityRecipients(m, app.entityId)) {
        await this.mail.enqueue(m, recipient.email, localeOf(recipient), 'application_correction_requested', {
          ...applicationRef(this.config, saved, call, entity, recipient),
          items: requirement.items.map((i) => i.description),
          notifiedOn,
          dueDate,
          days: call.correctionDays,
        });
      }
      return requirement;
    });
  }
}
