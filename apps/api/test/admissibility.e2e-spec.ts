import type { Role } from '@cofinanca/contracts';
import { addCalendarDays, dateInTimeZone } from '@cofinanca/domain';
import { dataSource, insertCall, standInCalendarsAroundToday } from './utils/fixtures';
import {
  newApplicant,
  outboxTo,
  readyDraft,
  submittedApplication,
  uploadDocument,
  type ReadyDraft,
} from './utils/submission-fixtures';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

type Staff = Exclude<Role, 'entity'>;
type Submitted = ReadyDraft & { registryNumber: string };

describe('applications: admissibility (correction requests, decisions, history)', () => {
  let t: TestApp;
  const staff = {} as Record<Staff, TestUser>;
  let officerEs: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    // Correction requests here are notified today: their due dates need this year's and next year's calendars.
    await standInCalendarsAroundToday(t);
    for (const role of ['admin', 'officer', 'evaluator', 'finance', 'viewer'] as const) {
      staff[role] = await t.user(role);
    }
    officerEs = await t.user('officer', { locale: 'es' });
  });
  afterAll(() => t.close());

  const db = () => dataSource(t);
  const today = () => dateInTimeZone(new Date());
  const post = (path: string, token: string | null, body?: Record<string, unknown>) => {
    const req = t.http().post(`/api/v1/applications/${path}`);
    if (token) req.set(bearer(token));
    return req.send(body);
  };
  const get = (path: string, token: string | null) => {
    const req = t.http().get(`/api/v1/applications/${path}`);
    if (token) req.set(bearer(token));
    return req;
  };
  const statusOf = async (id: string): Promise<string> =>
    (await db().query('SELECT status FROM applications WHERE id = $1', [id]))[0].status;
  const requirementRow = async (id: string) =>
    (await db().query('SELECT status, due_date::text AS "dueDate" FROM requirements WHERE id = $1', [id]))[0];
  /** Pretends the application was submitted long ago, so that a past notification date is possible. */
  const backdate = (id: string) =>
    db().query(`UPDATE applications SET submitted_at = '2026-03-02T09:00:00Z' WHERE id = $1`, [id]);
  const auditOf = async (id: string, action: string) => {
    const res = await t
      .http()
      .get('/api/v1/audit')
      .query({ subjectId: id, action })
      .set(bearer(staff.officer.token))
      .expect(200);
    return res.body.items as {
      actorId: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }[];
  };

  /** A submitted application with an open correction request (notified today unless said otherwise). */
  async function withRequirement(
    opts: { notifiedOn?: string; app?: Submitted } = {},
  ): Promise<{ app: Submitted; requirementId: string; dueDate: string }> {
    const app = opts.app ?? (await submittedApplication(t));
    if (opts.notifiedOn) await backdate(app.id);
    const res = await post(`${app.id}/requirements`, staff.officer.token, {
      items: [{ description: 'Aporteu el pressupost signat per la sòcia local.' }],
      ...(opts.notifiedOn ? { notifiedOn: opts.notifiedOn } : {}),
    }).expect(201);
    return { app, requirementId: res.body.id, dueDate: res.body.dueDate };
  }

  describe('correction requests', () => {
    it('are due correctionDays business days after notification on the council calendar: 2026-04-30 → 2026-05-18', async () => {
      const applicant = await newApplicant(t);
      const spanish = await t.user('entity', { entityId: applicant.entity.id, locale: 'es' });
      const app = await submittedApplication(t, { applicant });
      await backdate(app.id);
      const res = await post(`${app.id}/requirements`, staff.officer.token, {
        items: [
          { description: '  Aporteu els estatuts signats.  ' },
          { description: 'Corregiu la línia A2.' },
        ],
        notifiedOn: '2026-04-30',
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        applicationId: app.id,
        items: [{ description: 'Aporteu els estatuts signats.' }, { description: 'Corregiu la línia A2.' }],
        notifiedOn: '2026-04-30',
        // 1 May (holiday), weekends and Sant Anastasi (11 May, Lleida) are skipped.
        dueDate: '2026-05-18',
        status: 'open',
        responseMessage: null,
        responseDocumentIds: [],
        responseChanges: null,
        respondedAt: null,
        createdAt: expect.any(String),
      });
      expect(await statusOf(app.id)).toBe('correction_requested');

      // Stored once: a holiday added later does not move it.
      const holiday = await t
        .http()
        .post('/api/v1/calendar/holidays')
        .set(bearer(staff.admin.token))
        .send({ date: '2026-05-14', scope: 'local:25120', name: 'Festa afegida després' })
        .expect(201);
      try {
        const list = await get(`${app.id}/requirements`, applicant.user.token).expect(200);
        expect(list.body).toHaveLength(1);
        expect(list.body[0]).toMatchObject({ id: res.body.id, dueDate: '2026-05-18' });
      } finally {
        await t
          .http()
          .delete(`/api/v1/calendar/holidays/${holiday.body.id}`)
          .set(bearer(staff.admin.token))
          .expect(204);
      }

      // E-mailed to each user of the entity in their language, with the items, the due date and the link.
      const [ca] = (await outboxTo(t, applicant.user.email)).filter(
        (m) => m.template === 'application_correction_requested',
      );
      expect(ca.subject).toBe(`Requeriment d'esmena de la sol·licitud ${app.registryNumber}`);
      expect(ca.text).toContain('1. Aporteu els estatuts signats.');
      expect(ca.text).toContain('2. Corregiu la línia A2.');
      expect(ca.text).toContain('10 dies hàbils');
      expect(ca.text).toContain('18 de maig del 2026');
      expect(ca.text).toContain(`http://cofinanca.test/applications/${app.id}`);
      const [es] = (await outboxTo(t, spanish.email)).filter(
        (m) => m.template === 'application_correction_requested',
      );
      expect(es.subject).toBe(`Requerimiento de subsanación de la solicitud ${app.registryNumber}`);
      expect(es.text).toContain('18 de mayo de 2026');

      const [event] = await auditOf(app.id, 'application.correction_requested');
      expect(event).toMatchObject({
        actorId: staff.officer.id,
        before: { status: 'submitted' },
        after: { status: 'correction_requested', requirement: { id: res.body.id, dueDate: '2026-05-18' } },
      });
    });

    it("are notified today (Europe/Madrid) by default and use the call's correctionDays", async () => {
      const call = await insertCall(t, { correctionDays: 15 });
      const app = await submittedApplication(t, { call });
      const res = await post(`${app.id}/requirements`, staff.officer.token, {
        items: [{ description: 'Signeu el formulari.' }],
      }).expect(201);
      const expected = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: today(), days: 15 })
        .set(bearer(staff.officer.token))
        .expect(200);
      expect(res.body).toMatchObject({ notifiedOn: today(), dueDate: expected.body.dueDate });
    });

    it('are refused with 422 CALENDAR_MISSING when the due date would reach a year without holidays', async () => {
      // 300 business days from any day reach next year; for this test next year has no calendar (its holidays,
      // seeded or stand-in, are set aside and put back).
      const year = Number(today().slice(0, 4)) + 1;
      const range = [`${year}-01-01`, `${year}-12-31`];
      const removed: { date: string; scope: string; name: string }[] = await db().query(
        `SELECT date::text AS date, scope, name FROM holidays WHERE date BETWEEN $1::date AND $2::date`,
        range,
      );
      await db().query(`DELETE FROM holidays WHERE date BETWEEN $1::date AND $2::date`, range);
      try {
        const call = await insertCall(t, { correctionDays: 300 });
        const app = await submittedApplication(t, { call });
        const res = await post(`${app.id}/requirements`, staff.officer.token, {
          items: [{ description: 'Signeu el formulari.' }],
        }).expect(422);
        expect(res.body).toMatchObject({
          code: 'CALENDAR_MISSING',
          errors: { year: [expect.objectContaining({ code: 'NO_CALENDAR', params: { year } })] },
        });
        expect(res.body.detail).toContain(`${year}`);
        expect(await statusOf(app.id)).toBe('submitted');
        expect(await db().query('SELECT id FROM requirements WHERE application_id = $1', [app.id])).toEqual(
          [],
        );
        expect(await auditOf(app.id, 'application.correction_requested')).toEqual([]);
      } finally {
        for (const h of removed) {
          await db().query('INSERT INTO holidays (date, scope, name) VALUES ($1, $2, $3)', [
            h.date,
            h.scope,
            h.name,
          ]);
        }
      }
    });

    it.each([
      [{}, 'items'],
      [{ items: [] }, 'items'],
      [{ items: [{ description: '   ' }] }, 'items[0].description'],
      [{ items: [{ description: 'x', extra: 1 }] }, 'items[0].extra'],
      [{ items: [{ description: 'x' }], notifiedOn: '2026-02-30' }, 'notifiedOn'],
      [{ items: [{ description: 'x' }], notifiedOn: '30/04/2026' }, 'notifiedOn'],
      [{ items: [{ description: 'x' }], dueDate: '2026-12-31' }, 'dueDate'],
    ])('refuses %p with 400 naming %s', async (body, field) => {
      const app = await submittedApplication(t);
      const res = await post(`${app.id}/requirements`, staff.officer.token, body).expect(400);
      expect(Object.keys(res.body.errors)).toContain(field);
      expect(await statusOf(app.id)).toBe('submitted');
    });

    it('refuses a notification date in the future or before the submission (400)', async () => {
      const app = await submittedApplication(t);
      for (const notifiedOn of [addCalendarDays(today(), 1), addCalendarDays(today(), -1)]) {
        const res = await post(`${app.id}/requirements`, staff.officer.token, {
          items: [{ description: 'x' }],
          notifiedOn,
        }).expect(400);
        expect(Object.keys(res.body.errors)).toEqual(['notifiedOn']);
      }
      expect(await statusOf(app.id)).toBe('submitted');
    });

    it('are sent only to a submitted application, one open at a time (409 INVALID_STATE)', async () => {
      const draft = await readyDraft(t);
      const a = await post(`${draft.id}/requirements`, staff.officer.token, {
        items: [{ description: 'x' }],
      });
      expect(a.status).toBe(409);
      expect(a.body.code).toBe('INVALID_STATE');
      const { app } = await withRequirement();
      const b = await post(`${app.id}/requirements`, staff.officer.token, { items: [{ description: 'y' }] });
      expect(b.status).toBe(409);
      expect((await get(`${app.id}/requirements`, staff.officer.token).expect(200)).body).toHaveLength(1);
    });
  });

  describe("the entity's answer", () => {
    it('is accepted even after the due date: answered, documents locked, back to submitted, officers told', async () => {
      const { app, requirementId, dueDate } = await withRequirement({ notifiedOn: '2026-04-30' });
      expect(dueDate).toBe('2026-05-18');
      const token = app.applicant.user.token;
      // While correction_requested the entity may upload documents (and edit the form).
      const corrected = await uploadDocument(t, token, app.id, 'correction', 'pressupost-signat.pdf').expect(
        201,
      );
      const loose = await uploadDocument(t, token, app.id, 'attachment', 'annex.pdf').expect(201);
      expect(corrected.body.locked).toBe(false);

      const res = await post(`${app.id}/requirements/${requirementId}/response`, token, {
        message: '  Adjuntem el pressupost signat.  ',
        documentIds: [corrected.body.id],
      }).expect(200);
      expect(res.body).toMatchObject({
        id: requirementId,
        status: 'answered',
        responseMessage: 'Adjuntem el pressupost signat.',
        responseDocumentIds: [corrected.body.id],
        dueDate: '2026-05-18',
      });
      expect(Date.parse(res.body.respondedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(await statusOf(app.id)).toBe('submitted');

      const docs = await get(`${app.id}/documents`, token).expect(200);
      const locked = new Map(docs.body.map((d: { id: string; locked: boolean }) => [d.id, d.locked]));
      expect(locked.get(corrected.body.id)).toBe(true);
      expect(locked.get(loose.body.id)).toBe(true); // back to submitted, everything is read-only again

      for (const officer of [staff.officer, officerEs]) {
        const mails = (await outboxTo(t, officer.email)).filter(
          (m) => m.template === 'application_correction_answered',
        );
        expect(mails.map((m) => m.text).join('\n')).toContain('Adjuntem el pressupost signat.');
      }
      const [ca] = (await outboxTo(t, staff.officer.email)).filter(
        (m) => m.template === 'application_correction_answered' && m.text.includes(app.registryNumber),
      );
      expect(ca.text).toContain('fora del termini que acabava el 18 de maig del 2026');
      const [es] = (await outboxTo(t, officerEs.email)).filter(
        (m) => m.template === 'application_correction_answered' && m.text.includes(app.registryNumber),
      );
      expect(es.subject).toContain('ha respondido al requerimiento de subsanación');

      const [event] = await auditOf(app.id, 'application.correction_answered');
      expect(event).toMatchObject({
        actorId: app.applicant.user.id,
        before: { status: 'correction_requested' },
        after: { status: 'submitted', requirement: { id: requirementId, late: true } },
      });

      // Answered once: a second answer is refused.
      const again = await post(`${app.id}/requirements/${requirementId}/response`, token, { message: 'x' });
      expect(again.status).toBe(409);
    });

    it('in time is not marked late, and needs no documents', async () => {
      const { app, requirementId } = await withRequirement();
      await post(`${app.id}/requirements/${requirementId}/response`, app.applicant.user.token, {
        message: 'Ja està esmenat al formulari.',
      }).expect(200);
      const [mail] = (await outboxTo(t, staff.officer.email)).filter(
        (m) => m.template === 'application_correction_answered' && m.text.includes(app.registryNumber),
      );
      expect(mail.text).not.toContain('fora del termini');
      expect(mail.text).toContain('amb 0 documents');
    });

    it('refuses documents that are not unlocked documents of this application (400 naming documentIds[i])', async () => {
      const { app, requirementId } = await withRequirement();
      const token = app.applicant.user.token;
      const other = await withRequirement();
      const foreign = await uploadDocument(
        t,
        other.app.applicant.user.token,
        other.app.id,
        'correction',
      ).expect(201);
      const fresh = await uploadDocument(t, token, app.id, 'correction').expect(201);
      const res = await post(`${app.id}/requirements/${requirementId}/response`, token, {
        message: 'Adjuntem els documents.',
        documentIds: [
          fresh.body.id,
          foreign.body.id,
          app.documents[0].id,
          '00000000-0000-4000-8000-000000000000',
        ],
      }).expect(400);
      expect(Object.keys(res.body.errors).sort()).toEqual([
        'documentIds[1]',
        'documentIds[2]',
        'documentIds[3]',
      ]);
      expect(await statusOf(app.id)).toBe('correction_requested');
      expect((await requirementRow(requirementId)).status).toBe('open');

      for (const body of [
        { message: '' },
        { message: 'x', documentIds: ['nope'] },
        { message: 'x', extra: true },
      ]) {
        await post(`${app.id}/requirements/${requirementId}/response`, token, body).expect(400);
      }
    });

    it('is about a request of this application: another one, or an unknown one, is 404', async () => {
      const { app } = await withRequirement();
      const other = await withRequirement();
      await post(`${app.id}/requirements/${other.requirementId}/response`, app.applicant.user.token, {
        message: 'x',
      }).expect(404);
      await post(
        `${app.id}/requirements/00000000-0000-4000-8000-000000000000/response`,
        app.applicant.user.token,
        {
          message: 'x',
        },
      ).expect(404);
    });
  });

  describe('decisions', () => {
    it('admit: submitted → admitted, audited and e-mailed to the entity in its language', async () => {
      const app = await submittedApplication(t);
      const res = await post(`${app.id}/admit`, staff.officer.token).expect(200);
      expect(res.body).toMatchObject({ id: app.id, status: 'admitted', registryNumber: app.registryNumber });
      expect(await auditOf(app.id, 'application.admitted')).toHaveLength(1);
      const mails = (await outboxTo(t, app.applicant.user.email)).filter(
        (m) => m.template === 'application_admitted',
      );
      expect(mails.map((m) => m.subject)).toEqual([`S'ha admès la sol·licitud ${app.registryNumber}`]);
    });

    it('admit from any other state → 409 INVALID_STATE, nothing changed', async () => {
      const draft = await readyDraft(t);
      const { app: pending } = await withRequirement();
      const admitted = await submittedApplication(t);
      await post(`${admitted.id}/admit`, staff.officer.token).expect(200);
      for (const [id, status] of [
        [draft.id, 'draft'],
        [pending.id, 'correction_requested'],
        [admitted.id, 'admitted'],
      ]) {
        const res = await post(`${id}/admit`, staff.officer.token).expect(409);
        expect(res.body.code).toBe('INVALID_STATE');
        expect(await statusOf(id)).toBe(status);
      }
    });

    it('declare-inadmissible with a reason, from submitted or correction_requested', async () => {
      const app = await submittedApplication(t);
      const res = await post(`${app.id}/declare-inadmissible`, staff.officer.token, {
        reason: "L'entitat no té seu a Lleida.",
      }).expect(200);
      expect(res.body).toMatchObject({
        status: 'inadmissible',
        statusReason: "L'entitat no té seu a Lleida.",
      });
      const [mail] = (await outboxTo(t, app.applicant.user.email)).filter(
        (m) => m.template === 'application_declared_inadmissible',
      );
      expect(mail.subject).toBe(`S'ha inadmès la sol·licitud ${app.registryNumber}`);
      expect(mail.text).toContain("L'entitat no té seu a Lleida.");
      expect(await auditOf(app.id, 'application.declared_inadmissible')).toHaveLength(1);

      const { app: pending } = await withRequirement();
      await post(`${pending.id}/declare-inadmissible`, staff.officer.token, {
        reason: 'Fora de termini.',
      }).expect(200);
      expect(await statusOf(pending.id)).toBe('inadmissible');
    });

    it('declare-inadmissible needs a reason (400) and a presented, undecided application (409)', async () => {
      const app = await submittedApplication(t);
      await post(`${app.id}/declare-inadmissible`, staff.officer.token, {}).expect(400);
      await post(`${app.id}/declare-inadmissible`, staff.officer.token, { reason: '  ' }).expect(400);
      await post(`${app.id}/admit`, staff.officer.token).expect(200);
      const res = await post(`${app.id}/declare-inadmissible`, staff.officer.token, { reason: 'x' }).expect(
        409,
      );
      expect(res.body.code).toBe('INVALID_STATE');
      const draft = await readyDraft(t);
      await post(`${draft.id}/declare-inadmissible`, staff.officer.token, { reason: 'x' }).expect(409);
    });

    it('declare-withdrawn before or on the due date → 422 DEADLINE_NOT_PASSED; the day after → withdrawn', async () => {
      const { app, requirementId, dueDate } = await withRequirement();
      expect(dueDate > today()).toBe(true);
      const early = await post(`${app.id}/declare-withdrawn`, staff.officer.token, {
        reason: 'No ha respost.',
      });
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('DEADLINE_NOT_PASSED');
      expect(early.body.errors).toHaveProperty('dueDate');

      // On the due date itself the entity may still answer.
      await db().query('UPDATE requirements SET due_date = $1 WHERE id = $2', [today(), requirementId]);
      const onTheDay = await post(`${app.id}/declare-withdrawn`, staff.officer.token, {
        reason: 'No ha respost.',
      });
      expect(onTheDay.status).toBe(422);
      expect(await statusOf(app.id)).toBe('correction_requested');
      expect((await requirementRow(requirementId)).status).toBe('open');

      const yesterday = addCalendarDays(today(), -1);
      await db().query('UPDATE requirements SET due_date = $1 WHERE id = $2', [yesterday, requirementId]);
      const res = await post(`${app.id}/declare-withdrawn`, staff.officer.token, {
        reason: "No s'ha respost el requeriment.",
      }).expect(200);
      expect(res.body).toMatchObject({
        status: 'withdrawn',
        statusReason: "No s'ha respost el requeriment.",
      });
      expect((await requirementRow(requirementId)).status).toBe('expired');
      const [event] = await auditOf(app.id, 'application.declared_withdrawn');
      expect(event.after).toMatchObject({
        status: 'withdrawn',
        requirement: { id: requirementId, dueDate: yesterday },
      });
      const [mail] = (await outboxTo(t, app.applicant.user.email)).filter(
        (m) => m.template === 'application_declared_withdrawn',
      );
      expect(mail.subject).toBe(`Desistiment de la sol·licitud ${app.registryNumber}`);
      expect(mail.text).toContain("No s'ha respost el requeriment.");

      // Once desistiment is declared, the answer is no longer accepted.
      const late = await post(`${app.id}/requirements/${requirementId}/response`, app.applicant.user.token, {
        message: 'Massa tard.',
      });
      expect(late.status).toBe(409);
    });

    it('declare-withdrawn a long-passed request (notified 2026-04-30, due 2026-05-18) is allowed', async () => {
      const { app } = await withRequirement({ notifiedOn: '2026-04-30' });
      await post(`${app.id}/declare-withdrawn`, staff.officer.token, { reason: 'Sense resposta.' }).expect(
        200,
      );
    });

    it('declare-withdrawn needs an unanswered request (409) and a reason (400)', async () => {
      const app = await submittedApplication(t);
      const res = await post(`${app.id}/declare-withdrawn`, staff.officer.token, { reason: 'x' }).expect(409);
      expect(res.body.code).toBe('INVALID_STATE');
      const { app: answered, requirementId } = await withRequirement({ notifiedOn: '2026-04-30' });
      await post(`${answered.id}/requirements/${requirementId}/response`, answered.applicant.user.token, {
        message: 'Esmenat.',
      }).expect(200);
      await post(`${answered.id}/declare-withdrawn`, staff.officer.token, { reason: 'x' }).expect(409);
      const { app: pending } = await withRequirement({ notifiedOn: '2026-04-30' });
      await post(`${pending.id}/declare-withdrawn`, staff.officer.token, {}).expect(400);
    });
  });

  describe('history', () => {
    it('tells the life of the application oldest first, naming people but never their e-mail', async () => {
      const { app, requirementId } = await withRequirement({ notifiedOn: '2026-04-30' });
      await post(`${app.id}/requirements/${requirementId}/response`, app.applicant.user.token, {
        message: 'Esmenat.',
      }).expect(200);
      await post(`${app.id}/admit`, staff.officer.token).expect(200);

      for (const reader of [staff.officer, app.applicant.user]) {
        const res = await get(`${app.id}/history`, reader.token).expect(200);
        const actions = res.body.items.map((e: { action: string }) => e.action);
        expect(actions).toEqual([
          'application.created',
          ...app.documents.map(() => 'application.document_uploaded'),
          'application.submitted',
          'application.correction_requested',
          'application.correction_answered',
          'application.admitted',
        ]);
        const submitted = res.body.items.find(
          (e: { action: string }) => e.action === 'application.submitted',
        );
        expect(submitted).toMatchObject({ actorName: 'Test entity', actorRoles: ['entity'] });
        const admitted = res.body.items.at(-1);
        expect(admitted).toMatchObject({
          actorName: 'Test officer',
          actorRoles: ['officer'],
          before: { status: 'submitted' },
          after: { status: 'admitted' },
        });
        const body = JSON.stringify(res.body);
        expect(body).not.toContain(staff.officer.email);
        expect(body).not.toContain(app.applicant.user.email);
        expect(body).not.toContain('actorEmail');
      }
      await get(`${app.id}/history`, (await newApplicant(t)).user.token).expect(404);
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

    const officerOnly: Record<Who, number> = {
      own: 403,
      other: 403,
      officer: 200,
      evaluator: 403,
      finance: 403,
      viewer: 403,
      admin: 403,
      anonymous: 401,
    };
    const readers: Record<Who, number> = { ...officerOnly, own: 200, other: 404 };
    const entityOnly: Record<Who, number> = { ...officerOnly, own: 200, other: 404, officer: 403 };

    it.each(WHO)('POST …/requirements as %s', async (who) => {
      const app = await submittedApplication(t);
      const res = await post(`${app.id}/requirements`, tokenOf(who, app.applicant.user), {
        items: [{ description: 'x' }],
      });
      expect(res.status).toBe(officerOnly[who] === 200 ? 201 : officerOnly[who]);
      expect(await statusOf(app.id)).toBe(res.status === 201 ? 'correction_requested' : 'submitted');
    });

    it.each(WHO)('POST …/requirements/:id/response as %s', async (who) => {
      const { app, requirementId } = await withRequirement();
      const res = await post(
        `${app.id}/requirements/${requirementId}/response`,
        tokenOf(who, app.applicant.user),
        {
          message: 'Esmenat.',
        },
      );
      expect(res.status).toBe(entityOnly[who]);
      expect(await statusOf(app.id)).toBe(res.status === 200 ? 'submitted' : 'correction_requested');
    });

    it.each(WHO)('POST …/admit as %s', async (who) => {
      const app = await submittedApplication(t);
      const res = await post(`${app.id}/admit`, tokenOf(who, app.applicant.user));
      expect(res.status).toBe(officerOnly[who]);
      expect(await statusOf(app.id)).toBe(res.status === 200 ? 'admitted' : 'submitted');
    });

    it.each(WHO)('POST …/declare-inadmissible as %s', async (who) => {
      const app = await submittedApplication(t);
      const res = await post(`${app.id}/declare-inadmissible`, tokenOf(who, app.applicant.user), {
        reason: 'x',
      });
      expect(res.status).toBe(officerOnly[who]);
      expect(await statusOf(app.id)).toBe(res.status === 200 ? 'inadmissible' : 'submitted');
    });

    it.each(WHO)('POST …/declare-withdrawn as %s', async (who) => {
      const { app } = await withRequirement({ notifiedOn: '2026-04-30' });
      const res = await post(`${app.id}/declare-withdrawn`, tokenOf(who, app.applicant.user), {
        reason: 'x',
      });
      expect(res.status).toBe(officerOnly[who]);
      expect(await statusOf(app.id)).toBe(res.status === 200 ? 'withdrawn' : 'correction_requested');
    });

    describe('reads', () => {
      let app: Submitted;
      beforeAll(async () => {
        app = (await withRequirement()).app;
      });
      it.each(WHO)('GET …/requirements as %s', async (who) => {
        const res = await get(`${app.id}/requirements`, tokenOf(who, app.applicant.user));
        expect(res.status).toBe(readers[who]);
        if (res.status === 200) expect(res.body).toHaveLength(1);
      });
      it.each(WHO)('GET …/history as %s', async (who) => {
        const res = await get(`${app.id}/history`, tokenOf(who, app.applicant.user));
        expect(res.status).toBe(readers[who]);
        if (res.status === 200) expect(res.body.items.length).toBeGreaterThan(0);
      });
    });
  });
});
