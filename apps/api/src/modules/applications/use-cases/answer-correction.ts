import { Injectable } from '@nestjs/common';
import { applicationVersion, diffApplicationVersions } from '@cofinanca/domain';
import { In } from 'typeorm';
import { AppException, fieldError, type FieldIssues } from '../../../common/app.exception';
import type { AuthUser } from '../../../common/request-context';
import { DocumentEntity } from '../../documents/document.entity';
import { RequirementEntity } from '../requirement.entity';
import type { RequirementResponseDto } from '../requirement.dto';
import { ApplicationWorkflow, requirementTransition, todayInMadrid } from './admissibility-support';

/**
 * The entity's answer to a correction request, with documents uploaded beforehand. Accepted even after the due date
 * for as long as the application is correction_requested, i.e. until desistiment is declared (LPAC art. 73.3). The
 * application goes back to submitted, its documents are locked and the officers are told. The answer records what
 * the application's content and documents differ from the version as submitted (stored and audited).
 */
@Injectable()
export class AnswerCorrection {
  constructor(private readonly workflow: ApplicationWorkflow) {}

  execute(
    user: AuthUser,
    id: string,
    requirementId: string,
    dto: RequirementResponseDto,
  ): Promise<RequirementEntity> {
    let requirement!: RequirementEntity;
    return this.workflow.run(user, id, {
      action: 'answer_correction',
      ownEntityOnly: true,
      lock: async (m, app) => {
        const found = await m
          .getRepository(RequirementEntity)
          .findOneBy({ id: requirementId, applicationId: app.id });
        if (!found) throw AppException.notFound('correction request');
        requirement = found;
      },
      prepare: async (m, app) => {
        const answered = requirementTransition(requirement, 'answer');
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
        // What the application now differs from its submitted version (content and documents), kept with the answer.
        const current = await m
          .getRepository(DocumentEntity)
          .find({ where: { applicationId: app.id }, order: { createdAt: 'ASC', id: 'ASC' } });
        const changes = app.submittedVersion
          ? diffApplicationVersions(app.submittedVersion, applicationVersion(app, current))
          : null;
        const now = new Date();
        return {
          answered,
          documentIds,
          documents: found,
          changes,
          now,
          late: todayInMadrid(now) > requirement.dueDate,
        };
      },
      apply: async (m, app, { answered, documentIds, changes, now }) => {
        requirement.status = answered;
        requirement.responseMessage = dto.message;
        requirement.responseDocumentIds = documentIds;
        requirement.responseChanges = changes;
        requirement.respondedAt = now;
        requirement.respondedBy = user.id;
        requirement = await m.getRepository(RequirementEntity).save(requirement);
        // Back to submitted, the application is read-only again: every document it holds is locked.
        await m
          .createQueryBuilder()
          .update(DocumentEntity)
          .set({ lockedAt: now })
          .where('application_id = :id AND locked_at IS NULL', { id: app.id })
          .execute();
      },
      audit: 'application.correction_answered',
      auditAfter: (_app, { documents, late, changes }) => ({
        requirement: {
          id: requirement.id,
          dueDate: requirement.dueDate,
          late,
          message: dto.message,
          documents: documents.map((d) => ({
            id: d.id,
            type: d.type,
            fileName: d.fileName,
            sha256: d.sha256,
          })),
          changes,
        },
      }),
      emails: (m, app, { documentIds, late }) =>
        this.workflow.toOfficers(m, app, 'application_correction_answered', () => ({
          message: dto.message,
          documents: documentIds.length,
          dueDate: requirement.dueDate,
          late,
        })),
      answer: () => requirement,
    });
  }
}
