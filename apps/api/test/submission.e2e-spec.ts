import { FIELD_ERROR_CODES, type Problem, type Role } from '@cofinanca/contracts';
import { isoInCouncilTime, registryNumber, registryYear } from '@cofinanca/domain';
import { ApplicationEntity } from '../src/modules/applications/application.entity';
import { dataSource, insertCall, standInCalendarsAroundToday } from './utils/fixtures';
import {
  binary,
  fullApplication,
  newApplicant,
  outboxTo,
  pdfText,
  readyDraft,
  submit,
  submittedApplication,
  uploadDocument,
  type Applicant,
} from './utils/submission-fixtures';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

type Staff = Exclude<Role, 'entity'>;
const DAY = 86_400_000;

describe('applications: submission, registry receipt and withdrawal', () => {
  let t: TestApp;
  const staff = {} as Record<Staff, TestUser>;
  const year = registryYear(new Date());

  beforeAll(async () => {
    t = await createTestApp();
    // Correction requests here are notified today: their due dates need this year's and next year's calendars.
    await standInCalendarsAroundToday(t);
    for (const role of ['admin', 'officer', 'evaluator', 'finance', 'viewer'] as const) {
      staff[role] = await t.user(role);
    }
  });
  afterAll(() => t.close());

  const db = () => dataSource(t);
  const lastRegistryValue = async (): Promise<number> => {
    const rows = await db().query('SELECT last_value FROM registry_sequences WHERE year = $1', [year]);
    return rows.length ? Number(rows[0].last_value) : 0;
  };
  const getApp = (token: string, id: string) =>
    t.http().get(`/api/v1/applications/${id}`).set(bearer(token)).expect(200);
  const patch = (token: string, id: string, body: Record<string, unknown>) =>
    t.http().patch(`/api/v1/applications/${id}`).set(bearer(token)).send(body);
  const auditActions = async (id: string): Promise<string[]> => {
    const res = await t
      .http()
      .get('/api/v1/audit')
      .query({ subjectId: id, pageSize: 200 })
      .set(bearer(staff.officer.token))
      .expect(200);
    return res.body.items.map((e: { action: string }) => e.action);
  };
  const receipt = (token: string | null, id: string, lang?: string) => {
    const req = t
      .http()
      .get(`/api/v1/applications/${id}/receipt.pdf`)
      .query(lang ? { lang } : {});
    if (token) req.set(bearer(token));
    return req.buffer(true).parse(binary);
  };

  describe('the rules, checked in the order of api.md', () => {
    // One application broken in every way at once. Each step expects the first rule in api.md's order, repairs
    // exactly that rule, and the next submission must report the next rule; nothing is consumed on the way.
    let applicant: Applicant;
    let callId: string;
    let appId: string;
    let version: number;
    let earlierId: string;

    beforeAll(async () => {
      const call = await insertCall(t);
      callId = call.id;
      applicant = await newApplicant(t);
      const res = await t
        .http()
        .post(`/api/v1/calls/${callId}/applications`)
        .set(bearer(applicant.user.token))
        .send({
          ...fullApplication(),
          summary: null, // incomplete
          endDate: '2028-06-30', // 18 months for a 12-month call
          requestedAmount: '21000.00', // over the 20,000 cap and over 80 % of 25,000
          budgetLines: [
            // 24,000 instead of 25,000
            {
              code: 'A1',
              category: 'Personal',
              description: 'Tècnica',
              amount: '15000.00',
              requestedAmount: '12000.00',
            },
            {
              code: 'A2',
              category: 'Obres',
              description: 'Pous',
              amount: '9000.00',
              requestedAmount: '6000.00',
            },
          ],
          sectors: [{ code: '15170', percent: '90.00' }],
          policyMarkers: [{ code: '1', significance: 0 }],
        })
        .expect(201);
      appId = res.body.id;
      version = res.body.version;
      // The window has closed, the entity is suspended and it owes the justification of an earlier grant.
      await db().query(`UPDATE calls SET closes_at = now() - interval '1 hour' WHERE id = $1`, [callId]);
      await db().query(`UPDATE entities SET status = 'suspended' WHERE id = $1`, [applicant.entity.id]);
      const earlier = await db()
        .getRepository(ApplicationEntity)
        .save({
          callId: (await insertCall(t)).id,
          entityId: applicant.entity.id,
          status: 'granted',
          title: 'Anterior',
        });
      earlierId = earlier.id;
    });

    async function expectRefused(code: string, fields: string[]): Promise<Problem> {
      const before = await lastRegistryValue();
      const res = await submit(t, applicant.user.token, appId);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe(code);
      expect(Object.keys(res.body.errors).sort()).toEqual([...fields].sort());
      // Every field names its rule by a stable code, with a message in Catalan (the default).
      for (const list of Object.values((res.body as Problem).errors ?? {})) {
        for (const e of list) {
          expect(FIELD_ERROR_CODES).toContain(e.code);
          expect(e.message).toMatch(/^[A-ZÀ-Ú].*\.$/);
        }
      }
      // Nothing changed: still a draft without a number, no number consumed, nothing audited or e-mailed.
      const app = (await getApp(applicant.user.token, appId)).body;
      expect(app).toMatchObject({ status: 'draft', registryNumber: null, submittedAt: null, version });
      expect(await lastRegistryValue()).toBe(before);
      expect(await auditActions(appId)).not.toContain('application.submitted');
      expect(await outboxTo(t, applicant.user.email)).toEqual([]);
      return res.body as Problem;
    }

    async function repair(body: Record<string, unknown>): Promise<void> {
      const res = await patch(applicant.user.token, appId, { ...body, version }).expect(200);
      version = res.body.version;
    }

    it('1. DEADLINE_PASSED once the call has closed', async () => {
      await expectRefused('DEADLINE_PASSED', ['callId']);
      await db().query(
        `UPDATE calls SET opens_at = now() + interval '1 day', closes_at = now() + interval '30 days' WHERE id = $1`,
        [callId],
      );
    });

    it('1. CALL_NOT_OPEN before the call opens', async () => {
      await expectRefused('CALL_NOT_OPEN', ['callId']);
      await db().query(`UPDATE calls SET opens_at = now() - interval '1 day' WHERE id = $1`, [callId]);
    });

    it('1. CALL_NOT_OPEN for a call that is not published (closed by hand)', async () => {
      await db().query(`UPDATE calls SET status = 'closed' WHERE id = $1`, [callId]);
      await expectRefused('CALL_NOT_OPEN', ['callId']);
      await db().query(`UPDATE calls SET status = 'published' WHERE id = $1`, [callId]);
    });

    it('2. ENTITY_NOT_VALIDATED for an entity that is not active', async () => {
      await expectRefused('ENTITY_NOT_VALIDATED', ['entityId']);
      await db().query(`UPDATE entities SET status = 'active' WHERE id = $1`, [applicant.entity.id]);
    });

    it('3. PENDING_JUSTIFICATION while an earlier grant of the entity is not justified', async () => {
      await expectRefused('PENDING_JUSTIFICATION', ['entityId']);
      for (const status of ['in_execution', 'justification_submitted', 'justification_correction']) {
        await db().query(`UPDATE applications SET status = $1 WHERE id = $2`, [status, earlierId]);
        await expectRefused('PENDING_JUSTIFICATION', ['entityId']);
      }
      await db().query(`UPDATE applications SET status = 'justified' WHERE id = $1`, [earlierId]);
    });

    it('4. APPLICATION_INCOMPLETE naming the missing fields', async () => {
      await expectRefused('APPLICATION_INCOMPLETE', ['summary']);
      await repair({ summary: 'Pous, latrines i formació.' });
    });

    it('5. EXECUTION_TOO_LONG beyond the maximum months', async () => {
      await expectRefused('EXECUTION_TOO_LONG', ['endDate']);
      await repair({ endDate: '2027-12-31' });
    });

    it('6. AMOUNT_OVER_CAP over the maximum per application', async () => {
      await expectRefused('AMOUNT_OVER_CAP', ['requestedAmount']);
      await db().query(`UPDATE calls SET max_amount_per_application = 30000 WHERE id = $1`, [callId]);
    });

    it('7. COFINANCING_OVER_LIMIT over 80 % of the total cost', async () => {
      await expectRefused('COFINANCING_OVER_LIMIT', ['requestedAmount']);
      await repair({ requestedAmount: '18000.00' });
    });

    it('8. BUDGET_MISMATCH when the lines do not add up to the total cost', async () => {
      const problem = await expectRefused('BUDGET_MISMATCH', ['totalCost']);
      expect(problem.errors).toEqual({
        totalCost: [
          {
            code: 'LINES_TOTAL_MISMATCH',
            message: 'Ha de ser igual a la suma de les partides (24000,00).',
            params: { expected: '24000.00' },
          },
        ],
      });
      await repair({ budgetLines: fullApplication()['budgetLines'] });
    });

    it('9. SECTORS_NOT_100 when the sector percentages do not add up to 100', async () => {
      await expectRefused('SECTORS_NOT_100', ['sectors']);
      await repair({ sectors: fullApplication()['sectors'] });
    });

    it('10. GENDER_MARKER_REQUIRED without the gender marker at significance 1 or 2', async () => {
      await expectRefused('GENDER_MARKER_REQUIRED', ['policyMarkers']);
      await repair({ policyMarkers: [{ code: '1', significance: 1 }] });
    });

    it('11. MISSING_DOCUMENTS naming each required document still missing (optional ones are not)', async () => {
      await expectRefused('MISSING_DOCUMENTS', [
        'documents.project_document',
        'documents.budget_detail',
        'documents.entity_statutes',
      ]);
      await uploadDocument(t, applicant.user.token, appId, 'project_document').expect(201);
      await uploadDocument(t, applicant.user.token, appId, 'budget_detail').expect(201);
      await uploadDocument(t, applicant.user.token, appId, 'attachment').expect(201);
      await expectRefused('MISSING_DOCUMENTS', ['documents.entity_statutes']);
      await uploadDocument(t, applicant.user.token, appId, 'entity_statutes').expect(201);
    });

    it('passes once every rule holds, with the first number of the year: none was consumed by the refusals', async () => {
      expect(await lastRegistryValue()).toBe(0);
      const res = await submit(t, applicant.user.token, appId).expect(200);
      expect(res.body).toMatchObject({
        id: appId,
        status: 'submitted',
        registryNumber: `REG-${year}-000001`,
      });
      expect(await lastRegistryValue()).toBe(1);
    });
  });

  describe('a successful submission', () => {
    let applicant: Applicant;
    let english: TestUser;
    let inactive: TestUser;
    let draft: Awaited<ReturnType<typeof readyDraft>>;
    let body: Record<string, unknown>;
    let startedAt: number;

    beforeAll(async () => {
      applicant = await newApplicant(t);
      english = await t.user('entity', { entityId: applicant.entity.id, locale: 'en' });
      inactive = await t.user('entity', { entityId: applicant.entity.id });
      await t
        .http()
        .patch(`/api/v1/users/${inactive.id}`)
        .set(bearer(t.adminToken))
        .send({ version: inactive.version, active: false })
        .expect(200);
      draft = await readyDraft(t, { applicant });
      const extra = await uploadDocument(
        t,
        applicant.user.token,
        draft.id,
        'attachment',
        'annex-ç.pdf',
      ).expect(201);
      draft.documents.push(extra.body);
      startedAt = Date.now();
      const res = await submit(t, applicant.user.token, draft.id).expect(200);
      body = res.body;
    });

    it('answers 200 with the application submitted, its registry number and instant', async () => {
      expect(body).toMatchObject({ id: draft.id, status: 'submitted', version: draft.version + 1 });
      expect(body['registryNumber']).toMatch(new RegExp(`^REG-${year}-\\d{6}$`));
      expect(body['registryNumber']).toBe(registryNumber(year, await lastRegistryValue()));
      const at = Date.parse(body['submittedAt'] as string);
      expect(at).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(at).toBeLessThanOrEqual(Date.now());
      expect((await getApp(applicant.user.token, draft.id)).body).toMatchObject({
        status: 'submitted',
        registryNumber: body['registryNumber'],
        submittedAt: body['submittedAt'],
      });
    });

    it('locks every document of the application', async () => {
      const res = await t
        .http()
        .get(`/api/v1/applications/${draft.id}/documents`)
        .set(bearer(applicant.user.token))
        .expect(200);
      expect(res.body).toHaveLength(4);
      for (const d of res.body) expect(d.locked).toBe(true);
      const doc = draft.documents[0];
      await t
        .http()
        .delete(`/api/v1/applications/${draft.id}/documents/${doc.id}`)
        .set(bearer(applicant.user.token))
        .expect(409);
    });

    it('e-mails the registry receipt to every active user of the entity in their language, not to officers', async () => {
      const [ca] = await outboxTo(t, applicant.user.email);
      expect(ca.template).toBe('application_submitted');
      expect(ca.locale).toBe('ca');
      expect(ca.subject).toBe(
        `Justificant de registre ${body['registryNumber']}: Aigua potable i sanejament a Ziguinxor`,
      );
      expect(ca.text).toContain(`Número de registre: ${body['registryNumber']}`);
      expect(ca.text).toContain(isoInCouncilTime(body['submittedAt'] as string));
      expect(ca.text).toContain(applicant.entity.legalName);
      expect(ca.text).toContain(draft.call.code);
      expect(ca.text).toContain('sol·licitud');
      for (const d of draft.documents) expect(ca.text).toContain(`${d.fileName}: ${d.sha256}`);
      expect(ca.text).toContain(`http://cofinanca.test/applications/${draft.id}`);

      const [en] = await outboxTo(t, english.email);
      expect(en.locale).toBe('en');
      expect(en.subject).toBe(
        `Registry receipt ${body['registryNumber']}: Aigua potable i sanejament a Ziguinxor`,
      );
      expect(en.text).toContain('Spanish Law 39/2015');

      expect(await outboxTo(t, inactive.email)).toEqual([]);
      expect((await outboxTo(t, staff.officer.email)).map((m) => m.template)).not.toContain(
        'application_submitted',
      );
    });

    it('records application.submitted with the number and the documents', async () => {
      const res = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectId: draft.id, action: 'application.submitted' })
        .set(bearer(staff.officer.token))
        .expect(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({
        subjectType: 'application',
        actorId: applicant.user.id,
        before: { status: 'draft', registryNumber: null },
        after: {
          status: 'submitted',
          registryNumber: body['registryNumber'],
          submittedAt: body['submittedAt'],
        },
      });
      expect(res.body.items[0].after.documents).toHaveLength(4);
    });

    it('leaves the application read-only for the entity: edit, upload, delete and submit again → 409', async () => {
      const edit = await patch(applicant.user.token, draft.id, {
        version: body['version'],
        title: 'Canviat',
      });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('INVALID_STATE');
      await uploadDocument(t, applicant.user.token, draft.id, 'attachment').expect(409);
      await t.http().delete(`/api/v1/applications/${draft.id}`).set(bearer(applicant.user.token)).expect(409);
      const again = await submit(t, applicant.user.token, draft.id).expect(409);
      expect(again.body.code).toBe('INVALID_STATE');
      expect(await lastRegistryValue()).toBe(Number(String(body['registryNumber']).slice(-6)));
    });

    it('checks the state before the rules: a submitted application of a closed call is INVALID_STATE', async () => {
      await db().query(`UPDATE calls SET closes_at = now() - interval '1 hour' WHERE id = $1`, [
        draft.call.id,
      ]);
      try {
        const res = await submit(t, applicant.user.token, draft.id).expect(409);
        expect(res.body.code).toBe('INVALID_STATE');
      } finally {
        await db().query(`UPDATE calls SET closes_at = now() + interval '30 days' WHERE id = $1`, [
          draft.call.id,
        ]);
      }
    });

    describe('the registry receipt (PDF)', () => {
      it('is a PDF with the number, instant, entity, call, application and the SHA-256 of every document', async () => {
        const res = await receipt(applicant.user.token, draft.id).expect(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-disposition']).toContain(`${body['registryNumber']}.pdf`);
        const pdf = res.body as Buffer;
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const text = pdfText(pdf).replace(/\s+/g, ' '); // wrapped lines joined
        expect(text).toContain("Justificant de registre d'entrada");
        expect(text).toContain(body['registryNumber']);
        expect(text).toContain(isoInCouncilTime(body['submittedAt'] as string));
        expect(text).toContain(`${applicant.entity.legalName} — NIF ${applicant.entity.nif}`);
        expect(text).toContain(`${draft.call.code} — ${draft.call.title.ca}`);
        expect(text).toContain('Aigua potable i sanejament a Ziguinxor');
        expect(text).toContain('18.000,00 €');
        expect(text).toContain('Entitat sol·licitant');
        expect(text).toContain('annex-ç.pdf');
        for (const d of draft.documents) expect(text).toContain(`SHA-256 ${d.sha256}`);
        expect(text).toContain('Àrea de Cooperació Internacional');
      });

      it.each([
        ['es', 'Justificante de registro de entrada'],
        ['en', 'Registry receipt'],
        ['ca', "Justificant de registre d'entrada"],
      ])('speaks the language asked for (?lang=%s)', async (lang, title) => {
        const res = await receipt(applicant.user.token, draft.id, lang).expect(200);
        const text = pdfText(res.body as Buffer);
        expect(text).toContain(title);
        expect(text).toContain(body['registryNumber']);
      });

      it("speaks the reader's language by default", async () => {
        const res = await receipt(english.token, draft.id).expect(200);
        expect(pdfText(res.body as Buffer)).toContain('Registry receipt');
      });

      it('refuses an unknown language with 400', async () => {
        const res = await t
          .http()
          .get(`/api/v1/applications/${draft.id}/receipt.pdf`)
          .query({ lang: 'fr' })
          .set(bearer(applicant.user.token))
          .expect(400);
        expect(Object.keys(res.body.errors)).toContain('lang');
      });

      it('does not exist for a draft: 409 INVALID_STATE', async () => {
        const other = await readyDraft(t, { applicant });
        const res = await t
          .http()
          .get(`/api/v1/applications/${other.id}/receipt.pdf`)
          .set(bearer(applicant.user.token))
          .expect(409);
        expect(res.body.code).toBe('INVALID_STATE');
      });
    });
  });

  describe('numbers', () => {
    it('a refused submission consumes no number: the next successful one gets the next number', async () => {
      const before = await lastRegistryValue();
      const refused = await readyDraft(t, {
        body: { ...fullApplication(), sectors: [{ code: '15170', percent: '99.99' }] },
      });
      await submit(t, refused.applicant.user.token, refused.id).expect(422);
      expect(await lastRegistryValue()).toBe(before);
      const ok = await submittedApplication(t);
      expect(ok.registryNumber).toBe(registryNumber(year, before + 1));
    });

    it('a crash after the number was taken leaves a draft and gives the number back', async () => {
      // A test-only trigger makes the UPDATE of the application fail inside the submission transaction, after
      // the registry sequence has been incremented.
      await db().query(`
        CREATE OR REPLACE FUNCTION test_crash_on_submit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.status = 'submitted' AND NEW.title LIKE 'CRASH%' THEN
            RAISE EXCEPTION 'simulated crash in the middle of a submission';
          END IF;
          RETURN NEW;
        END $$`);
      await db().query(
        `CREATE TRIGGER test_crash_on_submit BEFORE UPDATE ON applications FOR EACH ROW EXECUTE FUNCTION test_crash_on_submit()`,
      );
      try {
        const draft = await readyDraft(t, { body: { ...fullApplication(), title: 'CRASH test' } });
        const before = await lastRegistryValue();
        const res = await submit(t, draft.applicant.user.token, draft.id).expect(500);
        expect(res.body.code).toBe('INTERNAL_ERROR');
        expect(JSON.stringify(res.body)).not.toContain('simulated crash');

        expect(await lastRegistryValue()).toBe(before);
        const app = (await getApp(draft.applicant.user.token, draft.id)).body;
        expect(app).toMatchObject({ status: 'draft', registryNumber: null, submittedAt: null });
        const docs = await t
          .http()
          .get(`/api/v1/applications/${draft.id}/documents`)
          .set(bearer(draft.applicant.user.token))
          .expect(200);
        for (const d of docs.body) expect(d.locked).toBe(false);
        expect(await auditActions(draft.id)).not.toContain('application.submitted');
        expect(await outboxTo(t, draft.applicant.user.email)).toEqual([]);

        // Repaired, it is submitted with the very number the crashed attempt had taken.
        await patch(draft.applicant.user.token, draft.id, { version: app.version, title: 'Repaired' }).expect(
          200,
        );
        const ok = await submit(t, draft.applicant.user.token, draft.id).expect(200);
        expect(ok.body.registryNumber).toBe(registryNumber(year, before + 1));
      } finally {
        await db().query('DROP TRIGGER IF EXISTS test_crash_on_submit ON applications');
        await db().query('DROP FUNCTION IF EXISTS test_crash_on_submit()');
      }
    });

    it('one sequence per year across calls: two calls share the numbering', async () => {
      const before = await lastRegistryValue();
      const a = await submittedApplication(t);
      const b = await submittedApplication(t);
      expect(a.call.id).not.toBe(b.call.id);
      expect([a.registryNumber, b.registryNumber]).toEqual([
        registryNumber(year, before + 1),
        registryNumber(year, before + 2),
      ]);
    });
  });

  describe('withdrawal by the entity', () => {
    it('withdraws a submitted application, audited, and tells every officer', async () => {
      const app = await submittedApplication(t);
      const res = await t
        .http()
        .post(`/api/v1/applications/${app.id}/withdraw`)
        .set(bearer(app.applicant.user.token))
        .expect(200);
      expect(res.body).toMatchObject({ id: app.id, status: 'withdrawn', registryNumber: app.registryNumber });
      expect(await auditActions(app.id)).toContain('application.withdrawn');
      const mails = (await outboxTo(t, staff.officer.email)).filter(
        (m) => m.template === 'application_withdrawn',
      );
      expect(mails.map((m) => m.subject)).toContain(
        `${app.applicant.entity.legalName} ha retirat la sol·licitud ${app.registryNumber}`,
      );
      // Withdrawn is final.
      await t
        .http()
        .post(`/api/v1/applications/${app.id}/withdraw`)
        .set(bearer(app.applicant.user.token))
        .expect(409);
      // The receipt of what was submitted remains.
      await receipt(app.applicant.user.token, app.id).expect(200);
    });

    it('withdraws an application with a correction request pending', async () => {
      const app = await submittedApplication(t);
      await t
        .http()
        .post(`/api/v1/applications/${app.id}/requirements`)
        .set(bearer(staff.officer.token))
        .send({ items: [{ description: 'Signeu el pressupost' }] })
        .expect(201);
      const res = await t
        .http()
        .post(`/api/v1/applications/${app.id}/withdraw`)
        .set(bearer(app.applicant.user.token))
        .expect(200);
      expect(res.body.status).toBe('withdrawn');
    });

    it('does not withdraw a draft (it is deleted instead): 409 INVALID_STATE', async () => {
      const draft = await readyDraft(t);
      const res = await t
        .http()
        .post(`/api/v1/applications/${draft.id}/withdraw`)
        .set(bearer(draft.applicant.user.token))
        .expect(409);
      expect(res.body.code).toBe('INVALID_STATE');
    });
  });

  describe('who may do what', () => {
    type Who = Staff | 'own' | 'other' | 'anonymous';
    const WHO: Who[] = ['own', 'other', 'officer', 'evaluator', 'finance', 'viewer', 'admin', 'anonymous'];
    let outsider: TestUser;
    beforeAll(async () => {
      outsider = (await newApplicant(t)).user;
    });

    const tokenOf = (who: Who, own: TestUser): string | null =>
      who === 'anonymous'
        ? null
        : who === 'own'
          ? own.token
          : who === 'other'
            ? outsider.token
            : staff[who].token;

    const expectations: Record<string, Record<Who, number>> = {
      submit: {
        own: 200,
        other: 404,
        officer: 403,
        evaluator: 403,
        finance: 403,
        viewer: 403,
        admin: 403,
        anonymous: 401,
      },
      withdraw: {
        own: 200,
        other: 404,
        officer: 403,
        evaluator: 403,
        finance: 403,
        viewer: 403,
        admin: 403,
        anonymous: 401,
      },
      receipt: {
        own: 200,
        other: 404,
        officer: 200,
        evaluator: 403,
        finance: 403,
        viewer: 403,
        admin: 403,
        anonymous: 401,
      },
    };

    it.each(WHO)('POST …/submit as %s', async (who) => {
      const draft = await readyDraft(t);
      const req = t.http().post(`/api/v1/applications/${draft.id}/submit`);
      const token = tokenOf(who, draft.applicant.user);
      if (token) req.set(bearer(token));
      const res = await req.send();
      expect(res.status).toBe(expectations['submit'][who]);
      if (res.status !== 200) {
        expect((await getApp(draft.applicant.user.token, draft.id)).body.status).toBe('draft');
      }
    });

    it.each(WHO)('POST …/withdraw as %s', async (who) => {
      const app = await submittedApplication(t);
      const req = t.http().post(`/api/v1/applications/${app.id}/withdraw`);
      const token = tokenOf(who, app.applicant.user);
      if (token) req.set(bearer(token));
      const res = await req.send();
      expect(res.status).toBe(expectations['withdraw'][who]);
      if (res.status !== 200) {
        expect((await getApp(app.applicant.user.token, app.id)).body.status).toBe('submitted');
      }
    });

    describe('GET …/receipt.pdf', () => {
      let app: Awaited<ReturnType<typeof submittedApplication>>;
      beforeAll(async () => {
        app = await submittedApplication(t);
      });
      it.each(WHO)('as %s', async (who) => {
        const res = await receipt(tokenOf(who, app.applicant.user), app.id);
        expect(res.status).toBe(expectations['receipt'][who]);
        if (res.status === 200) expect(pdfText(res.body as Buffer)).toContain(app.registryNumber);
      });
    });

    it('an unknown application is 404 and a malformed id 400', async () => {
      const user = (await newApplicant(t)).user;
      await submit(t, user.token, '00000000-0000-4000-8000-000000000000').expect(404);
      await submit(t, user.token, 'not-a-uuid').expect(400);
    });

    it('a submission whose window closes later is still in time (closesAt is the last instant)', async () => {
      const call = await insertCall(t, { closesAt: new Date(Date.now() + 5 * 60_000) });
      await submittedApplication(t, { call });
      const late = await insertCall(t, { closesAt: new Date(Date.now() + DAY) });
      const draft = await readyDraft(t, { call: late });
      await db().query(`UPDATE calls SET closes_at = now() - interval '1 second' WHERE id = $1`, [late.id]);
      const res = await submit(t, draft.applicant.user.token, draft.id).expect(422);
      expect(res.body.code).toBe('DEADLINE_PASSED');
    });
  });
});
