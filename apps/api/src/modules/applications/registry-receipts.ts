/**
 * The registry receipts of a submission: rendered once in every language, stored with their SHA-256 and served as
 * stored. Renaming the entity or editing the call later changes nothing of a stored receipt.
 */
import { createHash } from 'node:crypto';
import { LOCALES, type Locale } from '@cofinanca/contracts';
import type { EntityManager } from 'typeorm';
import type { CallEntity } from '../calls/call.entity';
import type { DocumentEntity } from '../documents/document.entity';
import type { NgoEntity } from '../entities/ngo.entity';
import type { ApplicationEntity } from './application.entity';
import { renderRegistryReceipt, type ReceiptData } from './receipt-pdf';

/** The SHA-256 of each language's receipt, as the audit log records it. */
export type ReceiptHashes = Record<Locale, string>;

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a receipt shows, from the rows as they are at the moment it is rendered. */
export function receiptData(
  app: ApplicationEntity,
  call: CallEntity,
  entity: NgoEntity,
  documents: readonly DocumentEntity[],
): ReceiptData {
  if (!app.registryNumber || !app.submittedAt) throw new Error('A receipt needs a submitted application');
  return {
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
  };
}

/** Renders the receipt in every language and stores it (inside the caller's transaction); returns the hashes. */
export async function storeRegistryReceipts(m: EntityManager, data: ReceiptData): Promise<ReceiptHashes> {
  const hashes = {} as ReceiptHashes;
  for (const locale of LOCALES) {
    const content = await renderRegistryReceipt(data, locale);
    hashes[locale] = sha256Hex(content);
    // A plain insert: a second one for the same application and language fails on the primary key.
    await m.query(
      `INSERT INTO registry_receipts (application_id, locale, content, sha256) VALUES ($1, $2, $3, $4)`,
      [data.applicationId, locale, content, hashes[locale]],
    );
  }
  return hashes;
}
