import { createHash } from 'node:crypto';
import { LOCALES } from '@cofinanca/contracts';
import { SUBMITTED_VERSION_BACKFILL } from '@cofinanca/migrations';
import { dataSource, standInCalendarsAroundToday } from './utils/fixtures';
import {
  binary,
  newApplicant,
  pdfText,
  submittedApplication,
  uploadDocument,
} from './utils/submission-fixtures';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('legal records that never change: the registry receipt and the submitted version', () => {
  let t: TestApp;
  let officer: TestUser;
  let officer2: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    // Correction requests here are notified today: their due dates need this year's and next year's calendars.
    await standInCalendarsAroundToday(t);
    officer = await t.user('officer');
    officer2 = await t.user('officer', { locale: 'es' });
  });
  afterAll(() => t.close());

  const db = () => dataSource(t);
  const receipt = async (token: string, id: string, lang?: string): Promise<Buffer> => {
    const res = await t
      .http()
      .get(`/api/v1/applications/${id}/receipt.pdf`)
      .query(lang ? { lang } : {})
      .set(bearer(token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    return res.body as Buffer;
  };
  const audit = async (id: string, action: string) => {
    const res = await t
      .http()
      .get('/api/v1/audit')
      .query({ subjectId: id, action })
      .set(bearer(officer.token))
      .expect(200);
    return res.body.items as { before: Record<string, unknown> | null; after: Record<string, unknown> }[];
  };
  const renameEntity = async (entityId: string, legalName: string) => {
    const current = await t.http().get(`/api/v1/entities/${entityId}`).set(bearer(officer.token)).expect(200);
    await t
      .http()
      .patch(`/api/v1/entities/${entityId}`)
      .set(bearer(officer.token))
      .send({ version: current.body.version, legalName })
      .expect(200);
  };
  /** A later edit of the call (title and document names) — the API allows it only in draft, an admin may do it in SQL. */
  const editCall = (callId: string) =>
    db().query(
      `UPDATE calls SET title = jsonb_build_object('ca', 'Convocatòria reanomenada', 'es', 'Renombrada', 'en', 'Renamed'),
                        required_documents = '[]'::jsonb, code = code || '-X' WHERE id = $1`,
      [callId],
    );

  describe('the registry receipt', () => {
    it('is stored at submission: the audit event carries the SHA-256 of the bytes served, in every language', async () => {
      const app = await submittedApplication(t);
      const [event] = await audit(app.id, 'application.submitted');
      const hashes = event.after['receiptSha256'] as Record<string, string>;
      expect(Object.keys(hashes).sort()).toEqual([...LOCALES].sort());
      for (const lang of LOCALES) {
        const pdf = await receipt(app.applicant.user.token, app.id, lang);
        expect(sha256(pdf)).toBe(hashes[lang]);
      }
      const rows = await db().query(
        `SELECT locale, sha256, encode(sha256(content), 'hex') AS actual FROM registry_receipts WHERE application_id = $1 ORDER BY locale`,
        [app.id],
      );
      expect(rows).toHaveLength(3);
      for (const r of rows) expect(r.actual).toBe(r.sha256);
    });

    it('serves the same bytes after the entity is renamed and the call edited', async () => {
      const app = await submittedApplication(t);
      const before = await receipt(app.applicant.user.token, app.id);
      const beforeEn = await receipt(officer.token, app.id, 'en');
      expect(sha256(await receipt(app.applicant.user.token, app.id))).toBe(sha256(before));

      await renameEntity(app.applicant.entity.id, 'Associació Reanomenada');
      await editCall(app.call.id);
      await t
        .http()
        .post(`/api/v1/applications/${app.id}/requirements`)
        .set(bearer(officer.token))
        .send({ items: [{ description: 'Aporteu el pressupost signat' }] })
        .expect(201);

      const after = await receipt(app.applicant.user.token, app.id);
      expect(sha256(after)).toBe(sha256(before));
      expect(sha256(await receipt(officer.token, app.id, 'en'))).toBe(sha256(beforeEn));
      const text = pdfText(after).replace(/\s+/g, ' ');
      expect(text).toContain(app.applicant.entity.legalName);
      expect(text).not.toContain('Reanomenada');
      expect(text).toContain(app.call.title.ca);
    });

    it('cannot be changed or deleted in the database', async () => {
      const app = await submittedApplication(t);
      await expect(
        db().query(`UPDATE registry_receipts SET sha256 = repeat('0', 64) WHERE application_id = $1`, [
          app.id,
        ]),
      ).rejects.toThrow(/never change/);
      await expect(
        db().query(`DELETE FROM registry_receipts WHERE application_id = $1`, [app.id]),
      ).rejects.toThrow(/never change/);
    });

    describe('of an application submitted before receipts were stored', () => {
      /** An old database: a submitted application with no stored receipt. */
      const legacy = async () => {
        const app = await submittedApplication(t);
        await db().query(`ALTER TABLE registry_receipts DISABLE TRIGGER registry_receipts_no_update`);
        try {
          await db().query(`DELETE FROM registry_receipts WHERE application_id = $1`, [app.id]);
        } finally {
          await db().query(`ALTER TABLE registry_receipts ENABLE TRIGGER registry_receipts_no_update`);
        }
        return app;
      };

      it('is rendered once on the first request (simultaneous ones included), stored, audited, then served as stored', async () => {
        const app = await legacy();
        const first = await Promise.all([
          receipt(app.applicant.user.token, app.id),
          receipt(officer.token, app.id, 'ca'),
          receipt(officer2.token, app.id, 'ca'),
        ]);
        expect(new Set(first.map(sha256)).size).toBe(1);
        const events = await audit(app.id, 'application.receipt_stored');
        expect(events).toHaveLength(1);
        const hashes = events[0].after['receiptSha256'] as Record<string, string>;
        expect(hashes['ca']).toBe(sha256(first[0]));
        expect(
          Number(
            (
              await db().query(`SELECT count(*) FROM registry_receipts WHERE application_id = $1`, [app.id])
            )[0].count,
          ),
        ).toBe(3);

        await renameEntity(app.applicant.entity.id, 'Associació Reanomenada Després');
        await editCall(app.call.id);
        expect(sha256(await receipt(app.applicant.user.token, app.id))).toBe(sha256(first[0]));
        expect(sha256(await receipt(app.applicant.user.token, app.id, 'es'))).toBe(hashes['es']);
        expect(await audit(app.id, 'application.receipt_stored')).toHaveLength(1);
      });

      it('is not rendered for a reader who may not see the application', async () => {
        const app = await legacy();
        const other = await newApplicant(t);
        await t
          .http()
          .get(`/api/v1/applications/${app.id}/receipt.pdf`)
          .set(bearer(other.user.token))
          .expect(404);
        expect(await audit(app.id, 'application.receipt_stored')).toHaveLength(0);
        expect(
          Number(
            (
              await db().query(`SELECT count(*) FROM registry_receipts WHERE application_id = $1`, [app.id])
            )[0].count,
          ),
        ).toBe(0);
      });
    });
  });

  describe('the submitted version and the changes of a correction answer', () => {
    const request = (id: string) =>
      t
        .http()
        .post(`/api/v1/applications/${id}/requirements`)
        .set(bearer(officer.token))
        .send({ items: [{ description: 'Corregiu el pressupost i aporteu el document signat' }] })
        .expect(201);
    const edit = async (token: string, id: string, body: Record<string, unknown>) => {
      const current = await t.http().get(`/api/v1/applications/${id}`).set(bearer(token)).expect(200);
      return t
        .http()
        .patch(`/api/v1/applications/${id}`)
        .set(bearer(token))
        .send({ version: current.body.version, ...body })
        .expect(200);
    };
    const storedVersion = async (id: string) =>
      (await db().query(`SELECT submitted_version FROM applications WHERE id = $1`, [id]))[0]
        .submitted_version;

    it('keeps the version as submitted; each answer records its differences, stored, listed and audited', async () => {
      const app = await submittedApplication(t);
      const { applicant } = app;
      const submitted = await storedVersion(app.id);
      const original = (await t.http().get(`/api/v1/applications/${app.id}`).set(bearer(officer.token))).body;
      expect(submitted).toMatchObject({ title: original.title, budgetLines: original.budgetLines });
      expect(submitted.documents.map((d: { sha256: string }) => d.sha256).sort()).toEqual(
        app.documents.map((d) => d.sha256).sort(),
      );
      const receiptBefore = sha256(await receipt(applicant.user.token, app.id));

      const first = await request(app.id);
      const lines = original.budgetLines as { description: string }[];
      await edit(applicant.user.token, app.id, {
        title: 'Aigua potable, sanejament i higiene a Ziguinxor',
        budgetLines: [{ ...lines[0], description: 'Tècnica de camp' }, ...lines.slice(1)],
      });
      const doc = await uploadDocument(
        t,
        applicant.user.token,
        app.id,
        'correction',
        'pressupost-signat.pdf',
      ).expect(201);
      const answer = await t
        .http()
        .post(`/api/v1/applications/${app.id}/requirements/${first.body.id}/response`)
        .set(bearer(applicant.user.token))
        .send({ message: 'Adjuntem el pressupost signat', documentIds: [doc.body.id] })
        .expect(200);
      const expected = [
        { path: 'title', before: original.title, after: 'Aigua potable, sanejament i higiene a Ziguinxor' },
        { path: 'budgetLines[0].description', before: lines[0].description, after: 'Tècnica de camp' },
        {
          path: 'documents',
          before: null,
          after: {
            id: doc.body.id,
            type: 'correction',
            fileName: 'pressupost-signat.pdf',
            sizeBytes: doc.body.sizeBytes,
            sha256: doc.body.sha256,
          },
        },
      ];
      expect(answer.body.responseChanges).toEqual(expected);

      const listed = await t
        .http()
        .get(`/api/v1/applications/${app.id}/requirements`)
        .set(bearer(officer.token))
        .expect(200);
      expect(listed.body.find((r: { id: string }) => r.id === first.body.id).responseChanges).toEqual(
        expected,
      );
      const [event] = await audit(app.id, 'application.correction_answered');
      expect((event.after['requirement'] as Record<string, unknown>)['changes']).toEqual(expected);

      // The submitted version did not move; the database refuses to change it; the receipt is the same.
      expect(await storedVersion(app.id)).toEqual(submitted);
      await expect(
        db().query(`UPDATE applications SET submitted_version = '{}'::jsonb WHERE id = $1`, [app.id]),
      ).rejects.toThrow(/never changes/);
      expect(sha256(await receipt(applicant.user.token, app.id))).toBe(receiptBefore);

      // A second round compares with the submitted version again, not with the first answer.
      const second = await request(app.id);
      await edit(applicant.user.token, app.id, { title: original.title });
      const again = await t
        .http()
        .post(`/api/v1/applications/${app.id}/requirements/${second.body.id}/response`)
        .set(bearer(applicant.user.token))
        .send({ message: 'Recuperem el títol original' })
        .expect(200);
      expect(again.body.responseChanges).toEqual(expected.slice(1));
      expect(await storedVersion(app.id)).toEqual(submitted);
    });

    it("the migration's backfill of older applications builds the same version as the submission", async () => {
      const app = await submittedApplication(t);
      const corrected = await submittedApplication(t);
      await request(corrected.id);
      const submitted = await storedVersion(app.id);
      await db().query(`ALTER TABLE applications DISABLE TRIGGER applications_submitted_version_frozen`);
      try {
        await db().query(`UPDATE applications SET submitted_version = NULL WHERE id = ANY($1)`, [
          [app.id, corrected.id],
        ]);
        await db().query(`${SUBMITTED_VERSION_BACKFILL} AND a.id = ANY($1)`, [[app.id, corrected.id]]);
      } finally {
        await db().query(`ALTER TABLE applications ENABLE TRIGGER applications_submitted_version_frozen`);
      }
      expect(await storedVersion(app.id)).toEqual(submitted);
      // One that had a correction request may have changed since: no version is made up for it.
      expect(await storedVersion(corrected.id)).toBeNull();
    });

    it('an answer without edits records no changes (an empty list)', async () => {
      const app = await submittedApplication(t);
      const req = await request(app.id);
      const res = await t
        .http()
        .post(`/api/v1/applications/${app.id}/requirements/${req.body.id}/response`)
        .set(bearer(app.applicant.user.token))
        .send({ message: 'Tot és correcte' })
        .expect(200);
      expect(res.body.responseChanges).toEqual([]);
      const open = await request(app.id);
      expect(open.body.responseChanges).toBeNull();
    });

    it('the changes are read with the requirements: its entity and staff, not another entity', async () => {
      const app = await submittedApplication(t);
      await request(app.id);
      const other = await newApplicant(t);
      await t
        .http()
        .get(`/api/v1/applications/${app.id}/requirements`)
        .set(bearer(other.user.token))
        .expect(404);
      const own = await t
        .http()
        .get(`/api/v1/applications/${app.id}/requirements`)
        .set(bearer(app.applicant.user.token))
        .expect(200);
      expect(own.body[0]).toHaveProperty('responseChanges', null);
      // The submitted version itself is not part of the application's answer.
      const detail = await t
        .http()
        .get(`/api/v1/applications/${app.id}`)
        .set(bearer(officer.token))
        .expect(200);
      expect(detail.body).not.toHaveProperty('submittedVersion');
    });
  });
});
