import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applicationVersion,
  checkSubmission,
  registryNumber,
  registryYear,
  type CallParameters,
  type SubmissionRuleCode,
} from '@cofinanca/domain';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import { AppException } from '../../../common/app.exception';
import type { AuthUser } from '../../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../audit/audit.service';
import { CallEntity } from '../../calls/call.entity';
import { DocumentEntity } from '../../documents/document.entity';
import { NgoEntity } from '../../entities/ngo.entity';
import { MailService } from '../../mail/mail.service';
import { findApplicationFor, isOwnEntity } from '../application-access';
import { applicationResponse, type ApplicationResponse } from '../application.dto';
import { ApplicationEntity, PENDING_JUSTIFICATION_STATUSES } from '../application.entity';
import { receiptData, storeRegistryReceipts } from '../registry-receipts';
import {
  APPLICATION_SUBJECT,
  applicationRef,
  entityRecipients,
  localeOf,
  requireTransition,
  stateSnapshot,
} from './admissibility-support';

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

/** A call row as the rules of libs/domain read it (instants as ISO strings, points as numbers). */
export function callParameters(call: CallEntity): CallParameters & { status: string } {
  return {
    ...call,
    opensAt: call.opensAt ? call.opensAt.toISOString() : null,
    closesAt: call.closesAt ? call.closesAt.toISOString() : null,
    minimumTotalScore: Number(call.minimumTotalScore),
    divergenceThreshold: Number(call.divergenceThreshold),
  };
}

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  execute(user: AuthUser, id: string): Promise<ApplicationResponse> {
    return this.dataSource.transaction(async (m) => {
      const app = await findApplicationFor(m, user, id, { lock: true });
      if (!isOwnEntity(user, app)) throw AppException.notFound('application');
      const before = stateSnapshot(app);
      const next = requireTransition(app, 'submit');

      // Shared locks: the call cannot be closed or changed, nor the entity suspended, while the rules are checked.
      const call = await m
        .getRepository(CallEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_read')
        .where('c.id = :id', { id: app.callId })
        .getOneOrFail();
      const entity = await m
        .getRepository(NgoEntity)
        .createQueryBuilder('e')
        .setLock('pessimistic_read')
        .where('e.id = :id', { id: app.entityId })
        .getOneOrFail();
      const hasPendingJustification = await m.getRepository(ApplicationEntity).exists({
        where: { entityId: app.entityId, id: Not(app.id), status: In([...PENDING_JUSTIFICATION_STATUSES]) },
      });
      const documents = await m
        .getRepository(DocumentEntity)
        .find({ where: { applicationId: app.id }, order: { createdAt: 'ASC', id: 'ASC' } });

      const now = new Date();
      const broken = checkSubmission({
        now,
        call: callParameters(call),
        entityStatus: entity.status,
        hasPendingJustification,
        application: app,
        documentTypes: documents.map((d) => d.type),
      });
      if (broken) throw new AppException(422, broken.code, RULE_MESSAGES[broken.code], broken.errors);

      app.registryNumber = await nextRegistryNumber(m, now);
      app.submittedAt = now;
      app.status = next;
      app.statusReason = null;
      // The version as submitted: kept as it is, whatever a correction request changes later.
      app.submittedVersion = applicationVersion(app, documents);
      const saved = await m.getRepository(ApplicationEntity).save(app);
      await m
        .createQueryBuilder()
        .update(DocumentEntity)
        .set({ lockedAt: now })
        .where('application_id = :id AND locked_at IS NULL', { id: app.id })
        .execute();
      // The registry receipt, rendered once in every language and stored: the same bytes are served ever after.
      const receiptSha256 = await storeRegistryReceipts(m, receiptData(saved, call, entity, documents));

      await this.audit.record(m, {
        action: 'application.submitted',
        subjectType: APPLICATION_SUBJECT,
        subjectId: app.id,
        before,
        after: {
          ...stateSnapshot(saved),
          documents: documents.map((d) => ({
            id: d.id,
            type: d.type,
            fileName: d.fileName,
            sha256: d.sha256,
          })),
          receiptSha256,
        },
      });

      for (const recipient of await entityRecipients(m, app.entityId)) {
        await this.mail.enqueue(m, recipient.email, localeOf(recipient), 'application_submitted', {
          ...applicationRef(this.config, saved, call, entity, recipient),
          submittedAt: now.toISOString(),
          requestedAmount: saved.requestedAmount,
          documents: documents.map((d) => ({ name: d.fileName, sha256: d.sha256 })),
        });
      }
      saved.call = call;
      saved.entity = entity;
      return applicationResponse(m, saved);
    });
  }
}
