import { Injectable } from '@nestjs/common';
import {
  applicationVersion,
  checkSubmission,
  PENDING_JUSTIFICATION_STATUSES,
  registryNumber,
  registryYear,
  type SubmissionRuleCode,
} from '@cofinanca/domain';
import { In, Not, type EntityManager } from 'typeorm';
import { AppException } from '../../../common/app.exception';
import type { AuthUser } from '../../../common/request-context';
import { toCallParameters } from '../../calls/call-parameters';
import { DocumentEntity } from '../../documents/document.entity';
import { loadCallAndEntity } from '../application-access';
import type { ApplicationResponse } from '../application.dto';
import { ApplicationEntity } from '../application.entity';
import { receiptData, storeRegistryReceipts, type ReceiptHashes } from '../registry-receipts';
import { ApplicationWorkflow } from './admissibility-support';

const RULE_MESSAGES: Record<SubmissionRuleCode, string> = {
  CALL_NOT_OPEN: 'The call is not open for applications.',
  DEADLINE_PASSED: 'The call has closed: the deadline has passed.',
  ENTITY_NOT_VALIDATED: 'The entity has not been validated by the office.',
  PENDING_JUSTIFICATION: 'The entity has an earlier grant whose justification is pending.',
  APPLICATION_INCOMPLETE: 'Some required fields are missing.',
  EXECUTION_TOO_LONG: 'The execution period is longer than the call allows.',
  AMOUNT_OVER_CAP: 'The requested amount is over the maximum per application.',
  COFINANCING_OVER_LIMIT:
    'The requested amount is over the maximum co-financing percentage of the total cost.',
  BUDGET_MISMATCH: 'The budget does not add up.',
  SECTORS_NOT_100: 'The sector percentages do not add up to 100.',
  GENDER_MARKER_REQUIRED: 'The call requires the DAC gender equality marker with significance 1 or 2.',
  MISSING_DOCUMENTS: 'A required document is missing.',
};

/**
 * The registry number for a submission at `at`: the next value of its year's sequence (Europe/Madrid). The upsert
 * locks the year's row until the transaction ends, so simultaneous submissions queue for consecutive numbers and a
 * rolled-back submission gives its number back: unique and gapless.
 */
export async function nextRegistryNumber(m: EntityManager, at: Date): Promise<string> {
  const year = registryYear(at);
  const rows: { last_value: number }[] = await m.query(
    `INSERT INTO registry_sequences (year, last_value) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_value = registry_sequences.last_value + 1
     RETURNING last_value`,
    [year],
  );
  return registryNumber(year, Number(rows[0].last_value));
}

/**
 * Submission (presentació): every rule of the call in api.md's order, then the registry number, the instant, the
 * documents locked, the submitted version kept, the registry receipt rendered and stored (its SHA-256 in the audit
 * event) and e-mailed to the entity's users — all in one transaction.
 */
@Injectable()
export class SubmitApplication {
  constructor(private readonly workflow: ApplicationWorkflow) {}

  execute(user: AuthUser, id: string): Promise<ApplicationResponse> {
    return this.workflow.run(user, id, {
      action: 'submit',
      ownEntityOnly: true,
      prepare: async (m, app) => {
        // Shared locks: the call cannot be closed or changed, nor the entity suspended, while the rules are checked.
        const { call, entity } = await loadCallAndEntity(m, app, { lock: 'pessimistic_read' });
        const hasPendingJustification = await m.getRepository(ApplicationEntity).exists({
          where: { entityId: app.entityId, id: Not(app.id), status: In([...PENDING_JUSTIFICATION_STATUSES]) },
        });
        const documents = await m
          .getRepository(DocumentEntity)
          .find({ where: { applicationId: app.id }, order: { createdAt: 'ASC', id: 'ASC' } });

        const now = new Date();
        const broken = checkSubmission({
          now,
          call: toCallParameters(call),
          entityStatus: entity.status,
          hasPendingJustification,
          application: app,
          documentTypes: documents.map((d) => d.type),
        });
        if (broken) throw new AppException(422, broken.code, RULE_MESSAGES[broken.code], broken.errors);
        return { now, documents, call, entity, receiptSha256: null as ReceiptHashes | null };
      },
      apply: async (m, app, ctx) => {
        const { now, documents, call, entity } = ctx;
        app.registryNumber = await nextRegistryNumber(m, now);
        app.submittedAt = now;
        app.statusReason = null;
        // The version as submitted: kept as it is, whatever a correction request changes later.
        app.submittedVersion = applicationVersion(app, documents);
        await m
          .createQueryBuilder()
          .update(DocumentEntity)
          .set({ lockedAt: now })
          .where('application_id = :id AND locked_at IS NULL', { id: app.id })
          .execute();
        // The registry receipt, rendered once in every language and stored: the same bytes are served ever after.
        ctx.receiptSha256 = await storeRegistryReceipts(m, receiptData(app, call, entity, documents));
      },
      audit: 'application.submitted',
      auditAfter: (_app, { documents, receiptSha256 }) => ({
        documents: documents.map((d) => ({ id: d.id, type: d.type, fileName: d.fileName, sha256: d.sha256 })),
        receiptSha256,
      }),
      emails: (m, app, { now, documents }) =>
        this.workflow.toEntity(m, app, 'application_submitted', () => ({
          submittedAt: now.toISOString(),
          requestedAmount: app.requestedAmount,
          documents: documents.map((d) => ({ name: d.fileName, sha256: d.sha256 })),
        })),
    });
  }
}
