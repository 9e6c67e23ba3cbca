import { Injectable, StreamableFile } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { detectDocumentFormat, MAX_DOCUMENT_BYTES } from '@cofinanca/domain';
import { AppException, fieldError } from '../../common/app.exception';
import { DocumentEntity } from './document.entity';
import type { DocumentResponse } from './document.response';
import { DocumentStorage } from './document-storage';

/** A file as multer hands it over (memory storage, bounded by MAX_DOCUMENT_BYTES). */
export interface UploadedFileLike {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export interface StoreDocumentCommand {
  entityId: string;
  applicationId: string | null;
  type: string;
  file: UploadedFileLike | undefined;
  uploadedBy: string | null;
}

/** The API view of a document. */
export function toDocumentResponse(d: DocumentEntity): DocumentResponse {
  return {
    id: d.id,
    applicationId: d.applicationId,
    type: d.type,
    fileName: d.fileName,
    mimeType: d.mimeType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    locked: d.lockedAt !== null,
    createdAt: d.createdAt.toISOString(),
  };
}

/** Keeps only what is safe in a stored file name: no folders, no control characters, at most 255 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'document').slice(-255);
}

/**
 * Checks, stores and serves documents. The type is detected from the bytes (magic numbers in libs/domain), never
 * from the name or the client's Content-Type; the bytes go to the DocumentStorage, the metadata and SHA-256 to the
 * `documents` table.
 */
@Injectable()
export class DocumentsService {
  constructor(private readonly storage: DocumentStorage) {}

  /**
   * Validates the file and writes it, then inserts its row with `m`. If anything after the write fails, the
   * bytes are removed again; if the caller's transaction rolls back afterwards, call `discard()` with the result.
   */
  async store(m: EntityManager, cmd: StoreDocumentCommand): Promise<DocumentEntity> {
    const file = cmd.file;
    if (!file || !file.buffer || file.size === 0) {
      throw AppException.validation({ file: fieldError('FILE_EMPTY') });
    }
    if (file.size > MAX_DOCUMENT_BYTES) {
      throw new AppException(413, 'PAYLOAD_TOO_LARGE', 'The file is larger than 20 MB.', {
        file: fieldError('FILE_TOO_LARGE', { max: '20 MB' }),
      });
    }
    const fileName = safeFileName(file.originalname);
    const format = detectDocumentFormat(file.buffer, fileName);
    if (!format) {
      throw new AppException(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Only PDF, images (PNG, JPEG, GIF, WebP, TIFF) and office documents are accepted.',
        { file: fieldError('FILE_TYPE') },
      );
    }
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const id = randomUUID();
    const now = new Date();
    const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
    await this.storage.put(storageKey, file.buffer);
    try {
      const repo = m.getRepository(DocumentEntity);
      return await repo.save(
        repo.create({
          id,
          entityId: cmd.entityId,
          applicationId: cmd.applicationId,
          type: cmd.type,
          fileName,
          mimeType: format.mimeType,
          sizeBytes: file.size,
          sha256,
          storageKey,
          lockedAt: null,
          uploadedBy: cmd.uploadedBy,
        }),
      );
    } catch (error) {
      await this.storage.remove(storageKey);
      throw error;
    }
  }

  /** Removes stored bytes whose rows were not committed, or were deleted (call after the commit). */
  async discard(docs: readonly Pick<DocumentEntity, 'storageKey'>[]): Promise<void> {
    for (const d of docs) await this.storage.remove(d.storageKey);
  }

  /** Streams the bytes with their detected type and the original name as an attachment. */
  async download(doc: DocumentEntity): Promise<StreamableFile> {
    const stream = await this.storage.open(doc.storageKey);
    if (!stream) throw AppException.notFound('document');
    const ascii = doc.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
    return new StreamableFile(stream, {
      type: doc.mimeType,
      length: doc.sizeBytes,
      disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
    });
  }
}
