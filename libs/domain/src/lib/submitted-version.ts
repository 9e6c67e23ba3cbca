/**
 * The application as it was submitted (a legal record, never changed afterwards) and what a correction answer
 * changed against it: a field-level difference, path by path, with the value before and after.
 */
import type { ApplicationContent } from './applications';

/** The content fields of an application, in the order of the form. */
export const APPLICATION_CONTENT_FIELDS = [
  'title',
  'summary',
  'modality',
  'countryCode',
  'locations',
  'startDate',
  'endDate',
  'totalCost',
  'requestedAmount',
  'ownContribution',
  'cofunding',
  'budgetLines',
  'sectors',
  'sdgs',
  'policyMarkers',
  'beneficiaries',
  'counterpart',
  'partnerEntityIds',
] as const satisfies readonly (keyof ApplicationContent)[];

/** A document as a version of the application presents it. */
export interface VersionDocument {
  id: string;
  type: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

/** The content of an application and its documents at one instant (at submission: the submitted version). */
export interface ApplicationVersion extends ApplicationContent {
  documents: VersionDocument[];
}

/** A JSON value of a version (the content is plain JSON: strings for money, numbers for counts). */
export type VersionValue =
  string | number | boolean | null | VersionValue[] | { [key: string]: VersionValue };

/**
 * One difference. `path` names the field as the API does (`title`, `budgetLines[1].amount`,
 * `beneficiaries.direct.women`, `locations`); a list item added or removed is one change with its whole value on
 * one side and null on the other. Documents are `documents` with the document's summary as the value.
 */
export interface ContentChange {
  path: string;
  before: VersionValue;
  after: VersionValue;
}

/** A plain version of an application row (or anything that has its fields), with its documents. */
export function applicationVersion(
  content: ApplicationContent,
  documents: readonly VersionDocument[],
): ApplicationVersion {
  const out: Record<string, unknown> = {};
  for (const f of APPLICATION_CONTENT_FIELDS) out[f] = content[f] ?? null;
  const copy = JSON.parse(JSON.stringify(out)) as ApplicationContent;
  return {
    ...copy,
    documents: documents.map((d) => ({
      id: d.id,
      type: d.type,
      fileName: d.fileName,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
    })),
  };
}

function isObject(v: unknown): v is Record<string, VersionValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalarList(v: unknown): boolean {
  return Array.isArray(v) && v.every((x) => !isObject(x) && !Array.isArray(x));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function diffValue(path: string, a: unknown, b: unknown, out: ContentChange[]): void {
  const before = (a ?? null) as VersionValue;
  const after = (b ?? null) as VersionValue;
  if (same(before, after)) return;
  // Lists of objects item by item (an item added or removed whole); lists of plain values as one value.
  if (
    (Array.isArray(before) || Array.isArray(after)) &&
    !(isScalarList(before ?? []) && isScalarList(after ?? []))
  ) {
    const xs = Array.isArray(before) ? before : [];
    const ys = Array.isArray(after) ? after : [];
    for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
      const itemPath = `${path}[${i}]`;
      if (i >= xs.length) out.push({ path: itemPath, before: null, after: ys[i] });
      else if (i >= ys.length) out.push({ path: itemPath, before: xs[i], after: null });
      else diffValue(itemPath, xs[i], ys[i], out);
    }
    return;
  }
  // Objects key by key (a missing object reads as empty: each of its fields is shown going from or to nothing).
  if ((isObject(before) || isObject(after)) && !Array.isArray(before) && !Array.isArray(after)) {
    const x = isObject(before) ? before : {};
    const y = isObject(after) ? after : {};
    const keys = [...Object.keys(x), ...Object.keys(y).filter((k) => !(k in x))];
    for (const k of keys) diffValue(`${path}.${k}`, x[k], y[k], out);
    return;
  }
  out.push({ path, before, after });
}

function documentSummary(d: VersionDocument): VersionValue {
  return { id: d.id, type: d.type, fileName: d.fileName, sizeBytes: d.sizeBytes, sha256: d.sha256 };
}

/**
 * What changed from `submitted` to `current`, in form order: every content field that differs (down to the leaf
 * that changed), then the documents removed and added (by id: the bytes of a presented document never change).
 * Equal versions give an empty list.
 */
export function diffApplicationVersions(
  submitted: ApplicationVersion,
  current: ApplicationVersion,
): ContentChange[] {
  const out: ContentChange[] = [];
  for (const f of APPLICATION_CONTENT_FIELDS) diffValue(f, submitted[f], current[f], out);
  const before = submitted.documents ?? [];
  const after = current.documents ?? [];
  for (const d of before) {
    if (!after.some((x) => x.id === d.id))
      out.push({ path: 'documents', before: documentSummary(d), after: null });
  }
  for (const d of after) {
    if (!before.some((x) => x.id === d.id))
      out.push({ path: 'documents', before: null, after: documentSummary(d) });
  }
  return out;
}
