import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isLocale, type Locale } from '@cofinanca/contracts';
import { DataSource } from 'typeorm';
import { AppException, fieldError } from '../../../common/app.exception';
import type { AuthUser } from '../../../common/request-context';
import { DocumentEntity } from '../../documents/document.entity';
import { findApplicationFor } from '../application-access';
import { renderRegistryReceipt } from '../receipt-pdf';
import { loadCallAndEntity } from './admissibility-support';

export interface IssuedReceipt {
  fileName: string;
  pdf: Buffer;
}

/**
 * The registry receipt (justificant de registre) of a submitted application as a PDF, in the language asked for or
 * the reader's own. It lists the documents presented with the submission (locked at its instant).
 */
@Injectable()
export class IssueRegistryReceipt {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(user: AuthUser, id: string, lang?: Locale): Promise<IssuedReceipt> {
    const m = this.dataSource.manager;
    const app = await findApplicationFor(m, user, id);
    if (!app.registryNumber || !app.submittedAt) {
      throw AppException.conflict(
        'INVALID_STATE',
        'The application has not been submitted: it has no receipt yet.',
        {
          status: fieldError('WRONG_STATE', { status: app.status }),
        },
      );
    }
    const { call, entity } = await loadCallAndEntity(m, app);
    const documents = await m
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .where('d.application_id = :id', { id: app.id })
      .andWhere('d.locked_at IS NOT NULL AND d.locked_at <= :at', { at: app.submittedAt })
      .orderBy('d.created_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getMany();
    const locale: Locale = lang ?? (isLocale(user.locale) ? user.locale : 'ca');
    const pdf = await renderRegistryReceipt(
      {
        applicationId: app.id,
        registryNumber: app.registryNumber,
        submittedAt: app.submittedAt,
        entity: { legalName: entity.legalName, nif: entity.nif },
        call: { code: call.code, title: call.title, requiredDocuments: call.requiredDocuments ?? [] },
        application: { title: app.title, requestedAmount: app.requestedAmount },
        documents: documents.map((d) => ({
          type: d.type,
          fileName: d.fileName,
          sizeBytes: d.sizeBytes,
          sha256: d.sha256,
        })),
      },
      locale,
    );
    return { fileName: `${app.registryNumber}.pdf`, pdf };
  }
}
