/**
 * Declarations, score sheets, submission and reopening, the evaluation of an application and the consensus
 * (api.md "Evaluation"; product.md "Evaluation in practice"), through HTTP on a real database.
 */
import { dataSource } from './utils/fixtures';
import { applicationUnderEvaluation, assign, evaluatingCall, sheet } from './utils/scoring-fixtures';
import { outboxTo } from './utils/submission-fixtures';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

describe('scoring (declaration, sheets, submission, consensus)', () => {
  let t: TestApp;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user('officer');
  }, 120_000);
  afterAll(() => t?.close());

  const as = (u: TestUser) => bearer(u.token);
  const declare = (u: TestUser, id: string, conflictOfInterest: boolean) =>
    t.http().post(`/api/v1/assignments/${id}/declaration`).set(as(u)).send({ conflictOfInterest });
  const put = (u: TestUser, id: string, scores: object[], version: number) =>
    t.http().put(`/api/v1/assignments/${id}/scores`).set(as(u)).send({ scores, version });
  const submit = (u: TestUser, id: string) =>
    t.http().post(`/api/v1/assignments/${id}/submit`).set(as(u)).send();
  const appStatus = async (id: string) =>
    (
      (await dataSource(t).query(`SELECT status FROM applications WHERE id = $1`, [id])) as {
        status: string;
      }[]
    )[0].status;

  /** A call, an application under evaluation of a new entity, two evaluators assigned to it. */
  async function setting() {
    const call = await evaluatingCall(t);
    const app = await applicationUnderEvaluation(t, call);
    const [e1, e2] = [await t.user('evaluator'), await t.user('evaluator')];
    const a1 = await assign(t, officer, call.id, app.id, e1);
    const a2 = await assign(t, officer, call.id, app.id, e2);
    return { call, app, e1, e2, a1, a2 };
  }

  it('answers 403 DECLARATION_REQUIRED on the application, its documents and the sheet until the evaluator declares', async () => {
    const { app, e1, a1 } = await setting();
    for (const path of [
      `/api/v1/applications/${app.id}`,
      `/api/v1/applications/${app.id}/documents`,
      `/api/v1/assignments/${a1}/scores`,
      `/api/v1/applications/${app.id}/evaluation`,
    ]) {
      const res = await t.http().get(path).set(as(e1));
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 403,
        code: 'DECLARATION_REQUIRED',
      });
    }
    const put0 = await put(e1, a1, sheet([1, 1, 1, 1]), 0);
    expect([put0.status, put0.body.code]).toEqual([403, 'DECLARATION_REQUIRED']);

    const declared = await declare(e1, a1, false);
    expect(declared.status).toBe(200);
    expect(declared.body).toMatchObject({
      status: 'in_progress',
      declaration: { conflictOfInterest: false },
    });
    expect((await t.http().get(`/api/v1/applications/${app.id}`).set(as(e1))).status).toBe(200);
    expect((await t.http().get(`/api/v1/applications/${app.id}/documents`).set(as(e1))).status).toBe(200);
    const list = await t.http().get('/api/v1/applications').set(as(e1));
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([app.id]);
    const scores = await t.http().get(`/api/v1/assignments/${a1}/scores`).set(as(e1));
    expect(scores.status).toBe(200);
    expect(scores.body).toMatchObject({ status: 'in_progress', total: 0, version: 1 });
    expect(scores.body.scores.map((s: { criterionCode: string }) => s.criterionCode)).toEqual([
      'A1',
      'A2',
      'C1',
      'D1',
    ]);

    // Once: a second declaration is refused.
    const again = await declare(e1, a1, true);
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_STATE']);
    const audit = await dataSource(t).query(
      `SELECT action FROM audit_events WHERE subject_id = $1 AND action = 'assignment.declared'`,
      [a1],
    );
    expect(audit).toHaveLength(1);
  });

  it('after a declared conflict the evaluator loses the application for good (404) and the officers are e-mailed', async () => {
    const { app, e2, a2 } = await setting();
    const res = await declare(e2, a2, true);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('conflict_declared');
    for (const path of [
      `/api/v1/applications/${app.id}`,
      `/api/v1/applications/${app.id}/documents`,
      `/api/v1/assignments/${a2}/scores`,
      `/api/v1/applications/${app.id}/evaluation`,
    ]) {
      const r = await t.http().get(path).set(as(e2));
      expect({ path, status: r.status, code: r.body.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
    expect((await put(e2, a2, sheet([1, 1, 1, 1]), 1)).status).toBe(404);
    expect((await submit(e2, a2)).status).toBe(404);
    const mails = await outboxTo(t, officer.email);
    expect(
      mails.some((m) => m.template === 'conflict_declared' && m.text.includes(app.registryNumber ?? '?')),
    ).toBe(true);
    // Kept for the minutes: officers still read the declaration.
    const seen = await t.http().get(`/api/v1/assignments/${a2}`).set(as(officer));
    expect(seen.body.declaration).toMatchObject({ conflictOfInterest: true });
  });

  it('is 404 for an application not assigned to the evaluator, and another evaluator cannot touch a sheet', async () => {
    const { app, e1, a1 } = await setting();
    const stranger = await t.user('evaluator');
    expect((await t.http().get(`/api/v1/applications/${app.id}`).set(as(stranger))).status).toBe(404);
    expect((await t.http().get(`/api/v1/assignments/${a1}/scores`).set(as(stranger))).status).toBe(404);
    expect((await declare(stranger, a1, false)).status).toBe(404);
    await declare(e1, a1, false);
    expect((await put(stranger, a1, sheet([1, 1, 1, 1]), 1)).status).toBe(404);
    const docs = await t.http().get(`/api/v1/applications/${app.id}/documents`).set(as(e1));
    expect(docs.status).toBe(200);
  });

  it('validates points (range, two decimals, unknown criterion) with the field paths, and saves drafts with version', async () => {
    const { e1, a1 } = await setting();
    await declare(e1, a1, false);
    const cases: [object[], string, string][] = [
      [[{ criterionCode: 'A1', points: 30.01, comment: '' }], 'scores[0].points', 'TOO_LARGE'],
      [[{ criterionCode: 'A1', points: -1, comment: '' }], 'scores[0].points', 'TOO_SMALL'],
      [[{ criterionCode: 'A2', points: 1.125, comment: '' }], 'scores[0].points', 'INVALID_POINTS'],
      [[{ criterionCode: 'Z9', points: 1, comment: '' }], 'scores[0].criterionCode', 'ONE_OF'],
      [
        [
          { criterionCode: 'A1', points: 1, comment: '' },
          { criterionCode: 'A1', points: 2, comment: '' },
        ],
        'scores[1].criterionCode',
        'NOT_UNIQUE',
      ],
      [[{ criterionCode: 'A1', points: '3', comment: '' }], 'scores[0].points', 'NOT_NUMBER'],
    ];
    for (const [scores, field, code] of cases) {
      const res = await put(e1, a1, scores, 1);
      expect({
        field,
        status: res.status,
        codes: (res.body.errors?.[field] ?? []).map((e: { code: string }) => e.code),
      }).toEqual({
        field,
        status: 400,
        codes: [code],
      });
    }
    // A draft with nulls is fine; the version moves on.
    const saved = await put(
      e1,
      a1,
      [
        { criterionCode: 'A1', points: 12.5, comment: 'Bé' },
        { criterionCode: 'D1', points: null },
      ],
      1,
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, total: 12.5 });
    expect(saved.body.scores[0]).toEqual({ criterionCode: 'A1', points: 12.5, comment: 'Bé' });
    expect(saved.body.scores[3]).toEqual({ criterionCode: 'D1', points: null, comment: '' });

    // A second tab with the old version gets 409 and the current sheet to rebase on; nothing is overwritten.
    const stale = await put(e1, a1, sheet([1, 1, 1, 1]), 1);
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    expect(stale.body.current).toMatchObject({ version: 2, total: 12.5 });
    const now = await t.http().get(`/api/v1/assignments/${a1}/scores`).set(as(e1));
    expect(now.body).toMatchObject({ version: 2, total: 12.5 });
  });

  it('refuses an incomplete sheet (422 SCORES_INCOMPLETE per criterion), locks a submitted one, and evaluates the application with the last sheet', async () => {
    const { app, e1, e2, a1, a2 } = await setting();
    await declare(e1, a1, false);
    await declare(e2, a2, false);
    await put(
      e1,
      a1,
      [
        { criterionCode: 'A1', points: 20, comment: 'Motiu' },
        { criterionCode: 'A2', points: 10, comment: ' ' },
      ],
      1,
    );
    const incomplete = await submit(e1, a1);
    expect([incomplete.status, incomplete.body.code]).toEqual([422, 'SCORES_INCOMPLETE']);
    expect(Object.keys(incomplete.body.errors).sort()).toEqual(
      [
        'scores[1].comment',
        'scores[2].comment',
        'scores[2].points',
        'scores[3].comment',
        'scores[3].points',
      ].sort(),
    );

    expect((await put(e1, a1, sheet([25, 15, 25, 15]), 2)).status).toBe(200);
    // Blind: before submitting its own sheet an evaluator sees no one's points.
    const blind = await t.http().get(`/api/v1/applications/${app.id}/evaluation`).set(as(e2));
    expect([blind.status, blind.body.code]).toEqual([409, 'INVALID_STATE']);

    const done = await submit(e1, a1);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'submitted', total: 80 });
    expect(await appStatus(app.id)).toBe('under_evaluation');
    const locked = await put(e1, a1, sheet([1, 1, 1, 1]), 3);
    expect([locked.status, locked.body.code]).toEqual([409, 'INVALID_STATE']);
    expect((await submit(e1, a1)).status).toBe(409);

    // e1 has submitted: it sees the submitted sheets (its own), without names or ids.
    const seen = await t.http().get(`/api/v1/applications/${app.id}/evaluation`).set(as(e1));
    expect(seen.status).toBe(200);
    expect(seen.body.sheets).toHaveLength(1);
    expect(seen.body.sheets[0]).not.toHaveProperty('evaluatorName');
    expect(seen.body.sheets[0]).not.toHaveProperty('evaluatorId');
    expect(seen.body.sheets[0].own).toBe(true);
    expect(JSON.stringify(seen.body)).not.toContain(e1.id);

    await put(e2, a2, sheet([15, 10, 15, 10]), 1);
    expect((await submit(e2, a2)).status).toBe(200);
    expect(await appStatus(app.id)).toBe('evaluated');
    const events = await dataSource(t).query(
      `SELECT action FROM audit_events WHERE subject_id = $1 AND action = 'application.evaluated'`,
      [app.id],
    );
    expect(events).toHaveLength(1);

    const view = await t.http().get(`/api/v1/applications/${app.id}/evaluation`).set(as(officer));
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      status: 'evaluated',
      assigned: 2,
      submitted: 2,
      total: 65,
      spread: 30,
      divergent: true,
      fundable: true,
    });
    expect(view.body.criteria[0]).toEqual({ code: 'A1', max: 30, mean: 20, points: 20 });
    expect(view.body.sheets.map((s: { evaluatorName: string }) => s.evaluatorName).sort()).toHaveLength(2);
    expect(view.body.sheets[0].evaluatorId).toBeDefined();
    expect(view.body.sheets.some((x: { own?: boolean }) => 'own' in x)).toBe(false);

    // Once both are in, each evaluator sees the other's sheet too, unnamed, and only its own marked as its own.
    const theirs = await t.http().get(`/api/v1/applications/${app.id}/evaluation`).set(as(e2));
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ submitted: 2, total: 65, spread: 30, divergent: true });
    expect(
      theirs.body.sheets.map((x: { total: number; own?: boolean }) => [x.total, x.own ?? false]).sort(),
    ).toEqual([
      [50, true],
      [80, false],
    ]);
    expect(JSON.stringify(theirs.body)).not.toContain(e1.id);
    expect(JSON.stringify(theirs.body)).not.toContain(e2.id);

    // The entity sees nothing until the call is provisionally resolved, then its scores without names.
    const owner = await t.user('entity', { entityId: app.entityId });
    const early = await t.http().get(`/api/v1/applications/${app.id}/evaluation`).set(as(owner));
    expect([early.status, early.body.code]).toEqual([409, 'INVALID_STATE']);
    const other = await t.user('viewer');
    expect((await t.http().get(`/api/v1/applications/${app.id}/evaluation`).set(as(other))).status).toBe(403);
  });

  it('records a consensus that replaces the means (officers, evaluated applications, every criterion), audited', async () => {
    const { call, app, e1, e2, a1, a2 } = await setting();
    const early = await t
      .http()
      .post(`/api/v1/applications/${app.id}/consensus`)
      .set(as(officer))
      .send({ scores: [{ criterionCode: 'A1', points: 10 }], rationale: 'Acord' });
    expect([early.status, early.body.code]).toEqual([409, 'INVALID_STATE']);
    for (const [u, a, pts] of [
      [e1, a1, [28, 18, 28, 18]],
      [e2, a2, [10, 5, 10, 5]],
    ] as const) {
      await declare(u, a, false);
      await put(u, a, sheet(pts), 1);
      await submit(u, a);
    }
    const missing = await t
      .http()
      .post(`/api/v1/applications/${app.id}/consensus`)
      .set(as(officer))
      .send({ scores: [{ criterionCode: 'A1', points: 10 }], rationale: 'Acord' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.scores[0].code).toBe('REQUIRED');
    const tooMany = await t
      .http()
      .post(`/api/v1/applications/${app.id}/consensus`)
      .set(as(officer))
      .send({
        scores: sheet([20, 15, 20, 15.001]).map((s) => ({ ...s, comment: undefined })),
        rationale: 'Acord',
      });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors['scores[3].points'][0].code).toBe('INVALID_POINTS');
    const ok = await t
      .http()
      .post(`/api/v1/applications/${app.id}/consensus`)
      .set(as(officer))
      .send({
        scores: [
          { criterionCode: 'A1', points: 20 },
          { criterionCode: 'A2', points: 15 },
          { criterionCode: 'C1', points: 20 },
          { criterionCode: 'D1', points: 15 },
        ],
        rationale: 'Acord del comitè tècnic',
      });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      total: 70,
      divergent: true,
      consensus: { rationale: 'Acord del comitè tècnic' },
    });
    expect(ok.body.criteria[0]).toEqual({ code: 'A1', max: 30, mean: 19, points: 20 });
    const audit = await dataSource(t).query(
      `SELECT after FROM audit_events WHERE subject_id = $1 AND action = 'application.consensus_recorded'`,
      [app.id],
    );
    expect(audit).toHaveLength(1);
    // An evaluator cannot record one.
    const byEvaluator = await t
      .http()
      .post(`/api/v1/applications/${app.id}/consensus`)
      .set(as(e1))
      .send({ scores: [], rationale: 'x' });
    expect(byEvaluator.status).toBe(403);

    // Once provisionally resolved, its entity sees the scores and comments, never names.
    await dataSource(t).query(`UPDATE calls SET status = 'provisionally_resolved' WHERE id = $1`, [call.id]);
    const owner = await t.user('entity', { entityId: app.entityId });
    const mine = await t.http().get(`/api/v1/applications/${app.id}/evaluation`).set(as(owner));
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(70);
    expect(mine.body.sheets[0].scores[0].comment).toBe('Justificació');
    const text = JSON.stringify(mine.body);
    for (const u of [e1, e2, officer]) expect(text).not.toContain(u.id);
    expect(mine.body.consensus).not.toHaveProperty('by');
    const stranger = await t.user('entity', {
      entityId: (await applicationUnderEvaluation(t, call)).entityId,
    });
    expect((await t.http().get(`/api/v1/applications/${app.id}/evaluation`).set(as(stranger))).status).toBe(
      404,
    );
  });

  it('lets an officer reopen a submitted sheet with a reason, while the call is evaluating: back in progress, the application under evaluation again, the evaluator e-mailed', async () => {
    const { call, app, e1, e2, a1, a2 } = await setting();
    for (const [u, a] of [
      [e1, a1],
      [e2, a2],
    ] as const) {
      await declare(u, a, false);
      await put(u, a, sheet([20, 10, 20, 10]), 1);
      await submit(u, a);
    }
    expect(await appStatus(app.id)).toBe('evaluated');
    const byEvaluator = await t
      .http()
      .post(`/api/v1/assignments/${a1}/reopen`)
      .set(as(e1))
      .send({ reason: 'x' });
    expect(byEvaluator.status).toBe(403);
    const noReason = await t.http().post(`/api/v1/assignments/${a1}/reopen`).set(as(officer)).send({});
    expect(noReason.status).toBe(400);
    const res = await t
      .http()
      .post(`/api/v1/assignments/${a1}/reopen`)
      .set(as(officer))
      .send({ reason: 'Falta justificar el criteri D1' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('in_progress');
    expect(await appStatus(app.id)).toBe('under_evaluation');
    const mails = await outboxTo(t, e1.email);
    expect(
      mails.some((m) => m.template === 'sheet_reopened' && m.text.includes('Falta justificar el criteri D1')),
    ).toBe(true);
    const again = await t
      .http()
      .post(`/api/v1/assignments/${a1}/reopen`)
      .set(as(officer))
      .send({ reason: 'Un altre' });
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_STATE']);
    // The evaluator edits and submits again: evaluated again.
    const current = await t.http().get(`/api/v1/assignments/${a1}/scores`).set(as(e1));
    expect((await put(e1, a1, sheet([20, 10, 20, 12]), current.body.version)).status).toBe(200);
    expect((await submit(e1, a1)).status).toBe(200);
    expect(await appStatus(app.id)).toBe('evaluated');

    // Once the call has left evaluation, no sheet is reopened (the screen follows this rule too).
    await dataSource(t).query(`UPDATE calls SET status = 'provisionally_resolved' WHERE id = $1`, [call.id]);
    const late = await t
      .http()
      .post(`/api/v1/assignments/${a2}/reopen`)
      .set(as(officer))
      .send({ reason: 'Massa tard' });
    expect([late.status, late.body.code]).toEqual([409, 'INVALID_STATE']);
    expect(late.body.errors.status[0]).toMatchObject({
      code: 'WRONG_STATE',
      params: { status: 'provisionally_resolved', allowed: 'evaluating' },
    });
  });

  it('evaluates the application when the last two sheets are submitted at once', async () => {
    const { app, e1, e2, a1, a2 } = await setting();
    for (const [u, a] of [
      [e1, a1],
      [e2, a2],
    ] as const) {
      await declare(u, a, false);
      await put(u, a, sheet([20, 10, 20, 10]), 1);
    }
    const answers = await Promise.all([submit(e1, a1), submit(e2, a2)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(await appStatus(app.id)).toBe('evaluated');
  });

  it('leaves nothing half-written when the application cannot become evaluated: the sheet stays in progress', async () => {
    const { app, e1, e2, a1, a2 } = await setting();
    for (const [u, a] of [
      [e1, a1],
      [e2, a2],
    ] as const) {
      await declare(u, a, false);
      await put(u, a, sheet([20, 10, 20, 10]), 1);
    }
    expect((await submit(e1, a1)).status).toBe(200);
    const ds = dataSource(t);
    const fn = `refuse_evaluated_${app.id.replace(/-/g, '')}`;
    await ds.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.id = '${app.id}' AND NEW.status = 'evaluated' THEN RAISE EXCEPTION 'crash'; END IF; RETURN NEW; END $$`);
    await ds.query(
      `CREATE TRIGGER ${fn} BEFORE UPDATE ON applications FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    );
    try {
      const res = await submit(e2, a2);
      expect(res.status).toBe(500);
      const [row] = await ds.query(`SELECT status, submitted_at FROM assignments WHERE id = $1`, [a2]);
      expect(row).toEqual({ status: 'in_progress', submitted_at: null });
      expect(await appStatus(app.id)).toBe('under_evaluation');
      const events = await ds.query(
        `SELECT 1 FROM audit_events WHERE subject_id = $1 AND action = 'assignment.submitted'`,
        [a2],
      );
      expect(events).toHaveLength(0);
    } finally {
      await ds.query(`DROP TRIGGER ${fn} ON applications`);
      await ds.query(`DROP FUNCTION ${fn}()`);
    }
    // Retried after the failure: submitted and evaluated together.
    expect((await submit(e2, a2)).status).toBe(200);
    expect(await appStatus(app.id)).toBe('evaluated');
  });
});
