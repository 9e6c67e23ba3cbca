/**
 * One way to export a list: its columns (`columns.ts`), its rows fetched a page at a time, written to the response
 * as they come as CSV (`csv.ts`) or XLSX (`xlsx.ts`). Never the whole list in memory.
 */
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Alias } from 'typeorm/query-builder/Alias';
import { RawSqlResultsToEntityTransformer } from 'typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer';
import { isLocale, type Locale } from '@cofinanca/contracts';
import { negotiateLocale } from '../field-messages';
import type { AuthUser } from '../request-context';
import type { Columns } from './columns';
import { CSV_CONTENT_TYPE, csvHeader, csvRow } from './csv';
import { startXlsx, XLSX_CONTENT_TYPE } from './xlsx';

export type ExportFormat = 'csv' | 'xlsx';

/** How many rows each query fetches while exporting. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * The rows of a query read from one database cursor, `batch` rows per FETCH, as entities (the query builder's own
 * hydration, joins included). It runs in a read-only REPEATABLE READ transaction on a connection of its own: one
 * snapshot from the first row to the last (no row skipped or repeated by a concurrent insert, unlike pages by
 * OFFSET), constant memory, and no deep OFFSET rescanning what was already sent. Closing the iterator early (the
 * client went away) closes the cursor and gives the connection back.
 */
export async function* fromCursor<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  batch = EXPORT_PAGE_SIZE,
): AsyncGenerator<T[]> {
  const dataSource = qb.connection;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let open = false;
  try {
    await runner.startTransaction('REPEATABLE READ');
    open = true;
    await runner.query('SET TRANSACTION READ ONLY');
    const [sql, parameters] = qb.getQueryAndParameters();
    const cursor = `export_${randomBytes(6).toString('hex')}`;
    await runner.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, parameters);
    const transformer = new RawSqlResultsToEntityTransformer(qb.expressionMap, dataSource.driver, [], runner);
    for (;;) {
      const raw: unknown[] = await runner.query(`FETCH ${batch} FROM ${cursor}`);
      if (raw.length > 0) yield transformer.transform(raw, qb.expressionMap.mainAlias as Alias) as T[];
      if (raw.length < batch) break;
    }
    await runner.query(`CLOSE ${cursor}`);
    await runner.commitTransaction();
    open = false;
  } finally {
    try {
      if (open) await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  }
}

/** The rows of a list in pages: `fetch(skip, take)` is the list's own query with its filters and sort. */
export async function* inPages<T>(
  fetch: (skip: number, take: number) => Promise<T[]>,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<T[]> {
  for (let skip = 0; ; skip += pageSize) {
    const page = await fetch(skip, pageSize);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
  }
}

/**
 * The reader's language: the signed-in user's, else Accept-Language (quality values honoured), else Catalan — the
 * same rule as the messages of field errors (`negotiateLocale`).
 */
export function exportLocale(req: Request, user?: Pick<AuthUser, 'locale'> | null): Locale {
  if (user && isLocale(user.locale)) return user.locale;
  return negotiateLocale(req.headers['accept-language']);
}

export interface ExportSpec<R> {
  format: ExportFormat;
  /** File name without the extension, e.g. `applications`. */
  name: string;
  /** The XLSX sheet's name in the reader's language. */
  sheet?: string;
  columns: Columns<R>;
  locale: Locale;
  pages: AsyncIterable<R[]>;
}

/** Resolves when the response wants more (at once if it does already); rejects if the client went away. */
function drained(res: Response): Promise<void> {
  if (!res.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the client closed the connection'));
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

function write(res: Response, chunk: string): Promise<void> {
  res.write(chunk);
  return drained(res);
}

/**
 * Streams a list into the response. The first page is read before anything is sent, so an error there still
 * answers problem+json; a failure later can only cut the download short (the connection is closed).
 */
export async function sendExport<R>(res: Response, spec: ExportSpec<R>): Promise<void> {
  const iterator = spec.pages[Symbol.asyncIterator]();
  let next = await iterator.next();
  res.status(200);
  res.setHeader('Content-Type', spec.format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename="${spec.name}.${spec.format}"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    if (spec.format === 'csv') {
      await write(res, csvHeader(spec.columns, spec.locale));
      while (!next.done) {
        await write(res, next.value.map((row) => csvRow(spec.columns, row, spec.locale)).join(''));
        next = await iterator.next();
      }
      res.end();
    } else {
      const sheet = startXlsx(res, spec.sheet ?? spec.name, spec.columns, spec.locale);
      while (!next.done) {
        for (const row of next.value) sheet.addRow(row);
        await drained(res); // a slow client slows the reading down instead of filling memory
        next = await iterator.next();
      }
      await sheet.finish();
    }
  } catch (err) {
    res.destroy(err as Error);
  } finally {
    // Stopped early (an error, the client went away): the source closes its cursor and frees its connection.
    await iterator.return?.();
  }
}

/** The pages of `source` mapped row by row (e.g. an entity to its response shape). */
export async function* mapPages<T, U>(source: AsyncIterable<T[]>, map: (row: T) => U): AsyncGenerator<U[]> {
  for await (const page of source) yield page.map(map);
}
