import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isLocale, type Locale } from '@cofinanca/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, fieldError } from '../../../common/app.exception';
import type { AuthUser } from '../../../common/request-context';
import { AuditService } from '../../audit/audit.service';
import { DocumentEntity } from '../../documents/document.entity';
import { findApplicationFor, loadCallAndEntity } from '../application-access';
import type { ApplicationEntity } from '../application.entity';
import { RegistryReceiptEntity } from '../registry-receipt.entity';
import { receiptData, storeRegistryReceipts } from '../registry-receipts';
import { APPLICATION_SUBJECT } from './admissibility-support';

export interface IssuedReceipt {
  fileName: string;
  pdf: Buffer;
  sha256: string;
}

/**
 * The registry receipt (justificant de registre) of a submitted application as a PDF, in the language asked for or
 * the reader's own: the bytes stored by the submission, never rendered again.
 *
 * Applications submitted before receipts were stored have none: the first request renders them once (every
 * language, from the data of that moment and the documents locked at the submission instant) under the
 * application's row lock, stores them and audits `application.receipt_stored`; every later request serves those.
 */
@Injectable()
export class IssueRegistryReceipt {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async execute(user: AuthUser, id: string, lang?: Locale): Promise<IssuedReceipt> {
    const app = await findApplicationFor(this.dataSource.manager, user, id);
    if (!app.registryNumber || !app.submittedAt) {
      throw AppException.conflict(
        'INVALID_STATE',
        'The application has not been submitted: it has no receipt yet.',
        {
          status: fieldError('WRONG_STATE', { status: app.status }),
        },
      );
    }
    const locale: Locale = lang ?? (isLocale(user.locale) ? user.locale : 'ca');
    const stored =
      (await this.find(this.dataSource.manager, app.id, locale)) ??
      (await this.storeLegacy(user, app.id, locale));
    return { fileName: `${app.registryNumber}.pdf`, pdf: stored.content, sha256: stored.sha256 };
  }

  private find(
    m: EntityManager,
    applicationId: string,
    locale: Locale,
  ): Promise<RegistryReceiptEntity | null> {
    return m.getRepository(RegistryReceiptEntity).findOneBy({ applicationId, locale });
  }

  /** Once per application submitted before receipts were stored: render, store and audit, under the row lock. */
  private storeLegacy(user: AuthUser, id: string, locale: Locale): Promise<RegistryReceiptEntity> {
    return this.dataSource.transaction(async (m) => {
      const app: ApplicationEntity = await findApplicationFor(m, user, id, { lock: true });
      const already = await this.find(m, app.id, locale);
      if (already) return already; // stored meanwhile by a request that held the lock first
      const { call, entity } = await loadCallAndEntity(m, app);
      const documents = await m
        .getRepository(DocumentEntity)
        .createQueryBuilder('d')
        .where('d.application_id = :id', { id: app.id })
        .andWhere('d.locked_at IS NOT NULL AND d.locked_at <= :at', { at: app.submittedAt })
        .orderBy('d.created_at', 'ASC')
        .addOrderBy('d.id', 'ASC')
        .getMany();
      const receiptSha256 = await storeRegistryReceipts(m, receiptData(app, call, entity, documents));
      await this.audit.record(m, {
        action: 'application.receipt_stored',
        subjectType: APPLICATION_SUBJECT,
        subjectId: app.id,
        before: null,
        after: { registryNumber: app.registryNumber, receiptSha256, renderedLate: true },
      });
      return (await this.find(m, app.id, locale)) as RegistryReceiptEntity;
    });
  }
}
