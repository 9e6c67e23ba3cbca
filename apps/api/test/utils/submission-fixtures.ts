/**
 * Factories for the submission and admissibility suites: a complete application that passes every rule of a call
 * made from the template, and a ready-to-submit draft of a new entity (through the API, with its documents).
 */
import type { Stream } from 'node:stream';
import type { Locale } from '@cofinanca/contracts';
import type { CallEntity } from '../../src/modules/calls/call.entity';
import type { NgoEntity } from '../../src/modules/entities/ngo.entity';
import { dataSource, insertCall, insertEntity } from './fixtures';
import { bearer, type TestApp, type TestUser } from './test-app';
export { pdfText } from './pdf-text';

/** A complete application that passes every submission rule of a template call (cap 20,000, 80 %, 12 months). */
export function fullApplication(): Record<string, unknown> {
  return {
    title: 'Aigua potable i sanejament a Ziguinxor',
    summary: "Pous, latrines i formació en gestió comunitària de l'aigua amb les organitzacions de dones.",
    modality: 'development',
    countryCode: 'SN',
    locations: ['Ziguinchor', 'Bignona'],
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    totalCost: '25000.00',
    requestedAmount: '18000.00',
    ownContribution: '2000.00',
    cofunding: [{ funder: 'Fons Català de Cooperació', amount: '5000.00', status: 'confirmed' }],
    budgetLines: [
      {
        code: 'A1',
        category: 'Personal',
        description: 'Tècnica local',
        amount: '15000.00',
        requestedAmount: '11000.00',
      },
      {
        code: 'A2',
        category: 'Obres',
        description: 'Pous i latrines',
        amount: '10000.00',
        requestedAmount: '7000.00',
      },
    ],
    sectors: [
      { code: '15170', percent: '60.00' },
      { code: '14030', percent: '40.00' },
    ],
    sdgs: [{ goal: 5, targets: ['5.2'] }],
    policyMarkers: [{ code: '1', significance: 2 }],
    beneficiaries: {
      direct: { women: 320, men: 250, other: 0, byAge: { '0-17': { women: 100, men: 90, other: 0 } } },
      indirect: { women: 1200, men: 1100, other: 10 },
    },
    counterpart: { name: 'Kagamen', countryCode: 'SN', description: 'Associació de dones de Ziguinxor' },
  };
}

/** A small but real PDF (the magic bytes are what the upload checks). */
export function pdfBytes(label = 'document'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );
}

export interface Applicant {
  entity: NgoEntity;
  user: TestUser;
}

/** A new active entity with one entity user (in `locale`). */
export async function newApplicant(
  t: TestApp,
  entity: Partial<NgoEntity> = {},
  locale: Locale = 'ca',
): Promise<Applicant> {
  const e = await insertEntity(t, entity);
  return { entity: e, user: await t.user('entity', { entityId: e.id, locale }) };
}

export function uploadDocument(t: TestApp, token: string, appId: string, type: string, name = `${type}.pdf`) {
  return t
    .http()
    .post(`/api/v1/applications/${appId}/documents`)
    .set(bearer(token))
    .field('type', type)
    .attach('file', pdfBytes(`${appId} ${type} ${name}`), name);
}

export interface ReadyDraft {
  id: string;
  version: number;
  applicant: Applicant;
  call: CallEntity;
  /** The uploaded documents as the API answered them. */
  documents: { id: string; type: string; fileName: string; sha256: string }[];
}

/** A complete draft with every required document of its call, ready to submit. */
export async function readyDraft(
  t: TestApp,
  opts: { call?: CallEntity; applicant?: Applicant; body?: Record<string, unknown> } = {},
): Promise<ReadyDraft> {
  const call = opts.call ?? (await insertCall(t));
  const applicant = opts.applicant ?? (await newApplicant(t));
  const res = await t
    .http()
    .post(`/api/v1/calls/${call.id}/applications`)
    .set(bearer(applicant.user.token))
    .send(opts.body ?? fullApplication());
  if (res.status !== 201) throw new Error(`draft creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  const documents: ReadyDraft['documents'] = [];
  for (const d of call.requiredDocuments.filter((r) => r.required)) {
    const up = await uploadDocument(t, applicant.user.token, res.body.id, d.code);
    if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${JSON.stringify(up.body)}`);
    documents.push(up.body);
  }
  return { id: res.body.id, version: res.body.version, applicant, call, documents };
}

export function submit(t: TestApp, token: string, appId: string) {
  return t.http().post(`/api/v1/applications/${appId}/submit`).set(bearer(token)).send();
}

/** A submitted application of a new entity. */
export async function submittedApplication(
  t: TestApp,
  opts: Parameters<typeof readyDraft>[1] = {},
): Promise<ReadyDraft & { registryNumber: string }> {
  const draft = await readyDraft(t, opts);
  const res = await submit(t, draft.applicant.user.token, draft.id);
  if (res.status !== 200) throw new Error(`submission failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...draft, version: res.body.version, registryNumber: res.body.registryNumber };
}

/** The e-mails in the outbox sent to an address, oldest first. */
export function outboxTo(
  t: TestApp,
  to: string,
): Promise<{ to: string; locale: string; template: string; subject: string; text: string }[]> {
  return dataSource(t).query(
    `SELECT to_address AS "to", locale, template, subject, text FROM outbox_messages WHERE to_address = $1 ORDER BY created_at, id`,
    [to],
  );
}

/** Reads a binary response body (e.g. a PDF) into a Buffer, for supertest's `.buffer(true).parse(binary)`. */
export function binary(res: Stream, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
