import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AppException, fieldError, type FieldIssues } from '../../../common/app.exception';
import type { AuthUser } from '../../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../audit/audit.service';
import { DocumentEntity } from '../../documents/document.entity';
import { MailService } from '../../mail/mail.service';
import { findApplicationFor, isOwnEntity } from '../application-access';
import { ApplicationEntity } from '../application.entity';
import { RequirementEntity } from '../requirement.entity';
import type { RequirementResponseDto } from '../requirement.dto';
import {
  APPLICATION_SUBJECT,
  applicationRef,
  loadCallAndEntity,
  localeOf,
  officerRecipients,
  requireTransition,
  stateSnapshot,
  todayInMadrid,
} from './admissibility-support';

/**
 * The entity's answer to a correction request, with documents uploaded beforehand. Accepted even after the due date
 * for as long as the application is correction_requested, i.e. until desistiment is declared (LPAC art. 73.3). The
 * application goes back to submitted, its documents are locked and the officers are told.
 */
@Injectable()
export class AnswerCorrection {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  execute(
    user: AuthUser,
    id: string,
    requirementId: string,
    dto: RequirementResponseDto,
  ): Promise<RequirementEntity> {
    return this.dataSource.transaction(async (m) => {
      const app = await findApplicationFor(m, user, id, { lock: true });
      if (!isOwnEntity(user, app)) throw AppException.notFound('application');
      const repo = m.getRepository(RequirementEntity);
      const requirement = await repo.findOneBy({ id: requirementId, applicationId: app.id });
      if (!requirement) throw AppException.notFound('correction request');
      const before = stateSnapshot(app);
      const next = requireTransition(app, 'answer_correction');
      if (requirement.status !== 'open') {
        throw AppException.conflict('INVALID_STATE', `This correction request is ${requirement.status}.`, {
          status: fieldError('WRONG_STATE', { status: requirement.status }),
        });
      }

      const documentIds = dto.documentIds ?? [];
      const found = documentIds.length
        ? await m.getRepository(DocumentEntity).findBy({ id: In(documentIds), applicationId: app.id })
        : [];
      const errors: FieldIssues = {};
      documentIds.forEach((docId, i) => {
        const doc = found.find((d) => d.id === docId);
        if (!doc) errors[`documentIds[${i}]`] = fieldError('UNKNOWN_DOCUMENT');
        else if (doc.lockedAt) errors[`documentIds[${i}]`] = fieldError('ALREADY_PRESENTED');
      });
      if (Object.keys(errors).length > 0) throw AppException.validation(errors);

      const now = new Date();
      requirement.status = 'answered';
      requirement.responseMessage = dto.message;
      requirement.responseDocumentIds = documentIds;
      requirement.respondedAt = now;
      requirement.respondedBy = user.id;
      const answered = await repo.save(requirement);
      // Back to submitted, the application is read-only again: every document it holds is locked.
      await m
        .createQueryBuilder()
        .update(DocumentEntity)
        .set({ lockedAt: now })
        .where('application_id = :id AND locked_at IS NULL', { id: app.id })
        .execute();

      app.status = next;
      const saved = await m.getRepository(ApplicationEntity).save(app);
      const late = todayInMadrid(now) > requirement.dueDate;
      await this.audit.record(m, {
        action: 'application.correction_answered',
        subjectType: APPLICATION_SUBJECT,
        subjectId: app.id,
        before,
        after: {
          ...stateSnapshot(saved),
          requirement: {
            id: requirement.id,
            dueDate: requirement.dueDate,
            late,
            message: dto.message,
            documents: found.map((d) => ({ id: d.id, type: d.type, fileName: d.fileName, sha256: d.sha256 })),
          },
        },
      });
      const { call, entity } = await loadCallAndEntity(m, saved);
      for (const officer of await officerRecipients(m)) {
        await this.mail.enqueue(m, officer.email, localeOf(officer), 'application_correction_answered', {
          ...applicationRef(this.config, saved, call, entity, officer),
          message: dto.message,
          documents: documentIds.length,
          dueDate: requirement.dueDate,
          late,
        });
      }
      return answered;
    });
  }
}
