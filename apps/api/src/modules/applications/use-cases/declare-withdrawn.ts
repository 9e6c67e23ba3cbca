import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException, fieldError } from '../../../common/app.exception';
import type { AuthUser } from '../../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../audit/audit.service';
import { MailService } from '../../mail/mail.service';
import { findApplicationFor } from '../application-access';
import { applicationResponse, type ApplicationResponse } from '../application.dto';
import { ApplicationEntity } from '../application.entity';
import { RequirementEntity } from '../requirement.entity';
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
 * Desistiment (LPAC art. 68.1): an officer declares the application withdrawn because its correction request went
 * unanswered — only once the due date has passed (the day after it, in Europe/Madrid). The request is marked expired.
 */
@Injectable()
export class DeclareWithdrawn {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  execute(user: AuthUser, id: string, reason: string): Promise<ApplicationResponse> {
    return this.dataSource.transaction(async (m) => {
      const app = await findApplicationFor(m, user, id, { lock: true });
      const before = stateSnapshot(app);
      const next = requireTransition(app, 'declare_withdrawn');
      const repo = m.getRepository(RequirementEntity);
      const requirement = await repo.findOne({
        where: { applicationId: app.id, status: 'open' },
        order: { createdAt: 'DESC' },
      });
      if (!requirement) {
        throw AppException.conflict('INVALID_STATE', 'The application has no unanswered correction request.');
      }
      const today = todayInMadrid();
      if (today <= requirement.dueDate) {
        throw new AppException(
          422,
          'DEADLINE_NOT_PASSED',
          `The correction period ends on ${requirement.dueDate}: desistiment can be declared from the next day.`,
          { dueDate: fieldError('NOT_PASSED', { date: requirement.dueDate }) },
        );
      }
      requirement.status = 'expired';
      await repo.save(requirement);
      app.status = next;
      app.statusReason = reason;
      const saved = await m.getRepository(ApplicationEntity).save(app);
      await this.audit.record(m, {
        action: 'application.declared_withdrawn',
        subjectType: APPLICATION_SUBJECT,
        subjectId: app.id,
        before,
        after: { ...stateSnapshot(saved), requirement: { id: requirement.id, dueDate: requirement.dueDate } },
      });
      const { call, entity } = await loadCallAndEntity(m, saved);
      for (const recipient of await entityRecipients(m, app.entityId)) {
        await this.mail.enqueue(m, recipient.email, localeOf(recipient), 'application_declared_withdrawn', {
          ...applicationRef(this.config, saved, call, entity, recipient),
          reason,
          dueDate: requirement.dueDate,
        });
      }
      return applicationResponse(m, saved);
    });
  }
}
