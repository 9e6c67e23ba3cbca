import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../../config/config';

/**
 * Where document bytes live. The disk implementation keeps them under DATA_DIR/documents; a bucket (S3, GCS…)
 * can replace it by providing another implementation of this class under the same token.
 */
export abstract class DocumentStorage {
  /** Stores the bytes under `key`, durably, before it resolves. */
  abstract put(key: string, content: Buffer): Promise<void>;
  /** A stream of the bytes, or null when the key is unknown. */
  abstract open(key: string): Promise<Readable | null>;
  /** Removes the bytes; removing an unknown key is not an error. */
  abstract remove(key: string): Promise<void>;
}

@Injectable()
export class DiskDocumentStorage extends DocumentStorage implements OnModuleDestroy {
  private readonly logger = new Logger(DiskDocumentStorage.name);
  private root: Promise<string>;
  private readonly temporary: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super();
    // Tests run with DATA_DIR=':memory:': their files go to a temporary folder removed at shutdown.
    this.temporary = config.dataDir === ':memory:';
    this.root = this.temporary
      ? mkdtemp(join(tmpdir(), 'cofinanca-documents-'))
      : Promise.resolve(join(config.dataDir, 'documents'));
  }

  private async path(key: string): Promise<string> {
    if (!/^[a-z0-9/-]+$/.test(key) || key.includes('..')) throw new Error(`Invalid storage key ${key}`);
    return join(await this.root, key);
  }

  async put(key: string, content: Buffer): Promise<void> {
    const target = await this.path(key);
    await mkdir(dirname(target), { recursive: true });
    // Write to a temporary name, flush, then rename: a crash never leaves a half-written document.
    const partial = `${target}.partial`;
    await writeFile(partial, content, { flush: true });
    await rename(partial, target);
  }

  async open(key: string): Promise<Readable | null> {
    const target = await this.path(key);
    try {
      await stat(target);
    } catch {
      return null;
    }
    return createReadStream(target);
  }

  async remove(key: string): Promise<void> {
    await rm(await this.path(key), { force: true });
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.temporary) return;
    try {
      await rm(await this.root, { recursive: true, force: true });
    } catch (error) {
      this.logger.warn(`Could not remove the temporary document folder: ${String(error)}`);
    }
  }
}
