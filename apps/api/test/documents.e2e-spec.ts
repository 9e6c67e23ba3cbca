import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import type { Stream } from 'node:stream';
import type { Role } from '@cofinanca/contracts';
import { MAX_DOCUMENT_BYTES } from '@cofinanca/domain';
import { DocumentEntity } from '../src/modules/documents/document.entity';
import { DocumentStorage } from '../src/modules/documents/document-storage';
import { dataSource, entityUser, insertCall, insertEntity } from './utils/fixtures';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);
/** A PDF of exactly `size` bytes. */
const pdfOfSize = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x20)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Reads a binary response body into a Buffer. */
function binary(res: Stream, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('applications: documents', () => {
  let t: TestApp;
  const staff = {} as Record<Exclude<Role, 'entity'>, TestUser>;
  let own: TestUser;
  let other: TestUser;
  let callId: string;
  let requiredCode: string;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'officer', 'evaluator', 'finance', 'viewer'] as const) {
      staff[role] = await t.user(role);
    }
    own = await entityUser(t, (await insertEntity(t)).id);
    other = await entityUser(t, (await insertEntity(t)).id);
    const call = await insertCall(t);
    callId = call.id;
    requiredCode = call.requiredDocuments[0].code;
  });
  afterAll(() => t.close());

  async function draft(user = own): Promise<string> {
    const res = await t.http().post(`/api/v1/calls/${callId}/applications`).set(bearer(user.token)).send({});
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const setStatus = (id: string, status: string) =>
    dataSource(t).query('UPDATE applications SET status = $1 WHERE id = $2', [status, id]);

  const upload = (token: string, appId: string, file: Buffer, name = 'document.pdf', type = 'attachment') =>
    t
      .http()
      .post(`/api/v1/applications/${appId}/documents`)
      .set(bearer(token))
      .field('type', type)
      .attach('file', file, name);

  const docRows = (applicationId: string) =>
    dataSource(t).getRepository(DocumentEntity).countBy({ applicationId });

  /** Every file in the document storage (a temporary folder in tests). */
  async function storedFiles(): Promise<string[]> {
    const storage = t.app.get(DocumentStorage) as unknown as { root: Promise<string> };
    const root = await storage.root;
    try {
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => `${e.parentPath}/${e.name}`);
    } catch {
      return [];
    }
  }

  describe('upload', () => {
    it('stores a PDF for its entity, with the SHA-256 of the bytes and the type detected from the content', async () => {
      const app = await draft();
      const filesBefore = (await storedFiles()).length;
      const res = await upload(own.token, app, PDF, 'memòria tècnica.pdf', requiredCode).expect(201);
      expect(res.body).toMatchObject({
        applicationId: app,
        type: requiredCode,
        fileName: 'memòria tècnica.pdf',
        mimeType: 'application/pdf',
        sizeBytes: PDF.length,
        sha256: sha256(PDF),
        locked: false,
      });
      expect((await storedFiles()).length).toBe(filesBefore + 1);
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectId: app, action: 'application.document_uploaded' })
        .set(bearer(staff.officer.token));
      expect(audit.body.items).toHaveLength(1);
    });

    it('accepts attachments and correction documents, and images', async () => {
      const app = await draft();
      await upload(own.token, app, PDF, 'annex.pdf', 'attachment').expect(201);
      const png = await upload(own.token, app, PNG, 'foto.png', 'correction').expect(201);
      expect(png.body.mimeType).toBe('image/png');
      expect(await docRows(app)).toBe(2);
    });

    it('a type that is neither a required document of the call, attachment nor correction answers 400 on type', async () => {
      const app = await draft();
      const res = await upload(own.token, app, PDF, 'x.pdf', 'bank_certificate').expect(400);
      expect(res.body.errors).toHaveProperty('type');
      const missing = await t
        .http()
        .post(`/api/v1/applications/${app}/documents`)
        .set(bearer(own.token))
        .attach('file', PDF, 'x.pdf')
        .expect(400);
      expect(missing.body.errors).toHaveProperty('type');
      const extra = await t
        .http()
        .post(`/api/v1/applications/${app}/documents`)
        .set(bearer(own.token))
        .field('type', 'attachment')
        .field('sneaky', '1')
        .attach('file', PDF, 'x.pdf')
        .expect(400);
      expect(extra.body.errors).toHaveProperty('sneaky');
      const noFile = await t
        .http()
        .post(`/api/v1/applications/${app}/documents`)
        .set(bearer(own.token))
        .field('type', 'attachment')
        .expect(400);
      expect(noFile.body.errors).toHaveProperty('file');
      expect(await docRows(app)).toBe(0);
    });

    it('415 for an executable or an HTML page named .pdf, with nothing stored', async () => {
      const app = await draft();
      const filesBefore = (await storedFiles()).length;
      const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
      const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
      for (const [bytes, name] of [
        [exe, 'factura.pdf'],
        [html, 'pressupost.pdf'],
      ] as const) {
        const res = await upload(own.token, app, bytes, name).expect(415);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
      expect(await docRows(app)).toBe(0);
      expect((await storedFiles()).length).toBe(filesBefore);
    });

    it('413 over 20 MiB (one byte over, and far over), with no row and no file; exactly 20 MiB is accepted', async () => {
      const app = await draft();
      const filesBefore = (await storedFiles()).length;
      for (const size of [MAX_DOCUMENT_BYTES + 1, MAX_DOCUMENT_BYTES + 1024 * 1024]) {
        const res = await upload(own.token, app, pdfOfSize(size), 'gran.pdf').expect(413);
        expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
        expect(await docRows(app)).toBe(0);
        expect((await storedFiles()).length).toBe(filesBefore);
      }
      const exact = pdfOfSize(MAX_DOCUMENT_BYTES);
      const ok = await upload(own.token, app, exact, 'just.pdf').expect(201);
      expect(ok.body).toMatchObject({ sizeBytes: MAX_DOCUMENT_BYTES, sha256: sha256(exact) });
    });

    it('is allowed in correction_requested and refused (409 INVALID_STATE) once submitted or decided', async () => {
      const app = await draft();
      await setStatus(app, 'correction_requested');
      await upload(own.token, app, PDF, 'esmena.pdf', 'correction').expect(201);
      for (const status of ['submitted', 'admitted', 'inadmissible', 'withdrawn']) {
        await setStatus(app, status);
        const res = await upload(own.token, app, PDF).expect(409);
        expect(res.body.code).toBe('INVALID_STATE');
      }
      expect(await docRows(app)).toBe(1);
    });

    it('only its entity: an officer 403, another entity 404, other roles 403, anonymous 401', async () => {
      const app = await draft();
      expect((await upload(staff.officer.token, app, PDF).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await upload(other.token, app, PDF).expect(404)).body.code).toBe('NOT_FOUND');
      for (const role of ['evaluator', 'finance', 'viewer', 'admin'] as const) {
        await upload(staff[role].token, app, PDF).expect(403);
      }
      await t
        .http()
        .post(`/api/v1/applications/${app}/documents`)
        .field('type', 'attachment')
        .attach('file', PDF, 'x.pdf')
        .expect(401);
      expect(await docRows(app)).toBe(0);
    });
  });

  describe('list and download', () => {
    let app: string;
    let docId: string;
    beforeAll(async () => {
      app = await draft();
      docId = (await upload(own.token, app, PDF, 'Pressupost 2027 «final».pdf', requiredCode).expect(201))
        .body.id;
      await upload(own.token, app, PNG, 'foto.png').expect(201);
    });

    it('its entity and staff list the documents; another entity 404; other roles 403; anonymous 401', async () => {
      const mine = await t
        .http()
        .get(`/api/v1/applications/${app}/documents`)
        .set(bearer(own.token))
        .expect(200);
      expect(mine.body.map((d: { type: string }) => d.type)).toEqual([requiredCode, 'attachment']);
      expect(mine.body[0]).toMatchObject({ id: docId, sha256: sha256(PDF), locked: false });
      const officer = await t
        .http()
        .get(`/api/v1/applications/${app}/documents`)
        .set(bearer(staff.officer.token))
        .expect(200);
      expect(officer.body).toEqual(mine.body);
      await t.http().get(`/api/v1/applications/${app}/documents`).set(bearer(other.token)).expect(404);
      for (const role of ['finance', 'viewer', 'admin'] as const) {
        await t
          .http()
          .get(`/api/v1/applications/${app}/documents`)
          .set(bearer(staff[role].token))
          .expect(403);
      }
      // An evaluator not assigned to the application: 404 (evaluation-scoring.e2e-spec.ts covers the assigned one).
      await t
        .http()
        .get(`/api/v1/applications/${app}/documents`)
        .set(bearer(staff.evaluator.token))
        .expect(404);
      await t.http().get(`/api/v1/applications/${app}/documents`).expect(401);
    });

    it('downloads the identical bytes with the detected type and the file name', async () => {
      for (const token of [own.token, staff.officer.token]) {
        const res = await t
          .http()
          .get(`/api/v1/applications/${app}/documents/${docId}/content`)
          .set(bearer(token))
          .buffer(true)
          .parse(binary)
          .expect(200);
        expect(res.headers['content-type']).toMatch(/^application\/pdf/);
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="/);
        expect(res.headers['content-disposition']).toContain(
          `filename*=UTF-8''${encodeURIComponent('Pressupost 2027 «final».pdf')}`,
        );
        expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
        expect(sha256(res.body as Buffer)).toBe(sha256(PDF));
      }
    });

    it('another entity, other roles and anonymous cannot download; a document of another application is 404', async () => {
      const url = `/api/v1/applications/${app}/documents/${docId}/content`;
      await t.http().get(url).set(bearer(other.token)).expect(404);
      for (const role of ['finance', 'viewer', 'admin'] as const) {
        await t.http().get(url).set(bearer(staff[role].token)).expect(403);
      }
      await t.http().get(url).set(bearer(staff.evaluator.token)).expect(404);
      await t.http().get(url).expect(401);
      const second = await draft();
      await t
        .http()
        .get(`/api/v1/applications/${second}/documents/${docId}/content`)
        .set(bearer(own.token))
        .expect(404);
      await t
        .http()
        .get(`/api/v1/applications/${app}/documents/00000000-0000-4000-8000-000000000000/content`)
        .set(bearer(own.token))
        .expect(404);
    });
  });

  describe('delete', () => {
    const del = (token: string, app: string, doc: string) =>
      t.http().delete(`/api/v1/applications/${app}/documents/${doc}`).set(bearer(token));

    it('its entity deletes a document of a draft: the row and the file go', async () => {
      const app = await draft();
      const doc = (await upload(own.token, app, PDF).expect(201)).body.id;
      const filesBefore = (await storedFiles()).length;
      await del(own.token, app, doc).expect(204);
      expect(await docRows(app)).toBe(0);
      expect((await storedFiles()).length).toBe(filesBefore - 1);
      await t
        .http()
        .get(`/api/v1/applications/${app}/documents/${doc}/content`)
        .set(bearer(own.token))
        .expect(404);
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectId: app, action: 'application.document_deleted' })
        .set(bearer(staff.officer.token));
      expect(audit.body.items).toHaveLength(1);
    });

    it('in correction_requested only a document not yet submitted (locked) can be deleted', async () => {
      const app = await draft();
      const submitted = (await upload(own.token, app, PDF).expect(201)).body.id;
      await dataSource(t).query('UPDATE documents SET locked_at = now() WHERE id = $1', [submitted]);
      await setStatus(app, 'correction_requested');
      const fresh = (await upload(own.token, app, PDF, 'nou.pdf', 'correction').expect(201)).body.id;
      const locked = await del(own.token, app, submitted).expect(409);
      expect(locked.body.code).toBe('INVALID_STATE');
      await del(own.token, app, fresh).expect(204);
      expect(await docRows(app)).toBe(1);
    });

    it('nothing is deleted after submission (409 INVALID_STATE)', async () => {
      const app = await draft();
      const doc = (await upload(own.token, app, PDF).expect(201)).body.id;
      for (const status of ['submitted', 'admitted', 'inadmissible', 'withdrawn']) {
        await setStatus(app, status);
        const res = await del(own.token, app, doc).expect(409);
        expect(res.body.code).toBe('INVALID_STATE');
      }
      expect(await docRows(app)).toBe(1);
    });

    it('only its entity: an officer 403, another entity 404, other roles 403, anonymous 401', async () => {
      const app = await draft();
      const doc = (await upload(own.token, app, PDF).expect(201)).body.id;
      await del(staff.officer.token, app, doc).expect(403);
      await del(other.token, app, doc).expect(404);
      for (const role of ['evaluator', 'finance', 'viewer', 'admin'] as const) {
        await del(staff[role].token, app, doc).expect(403);
      }
      await t.http().delete(`/api/v1/applications/${app}/documents/${doc}`).expect(401);
      // A document id under another of the entity's applications is not found.
      const second = await draft();
      await del(own.token, second, doc).expect(404);
      expect(await docRows(app)).toBe(1);
    });
  });
});
