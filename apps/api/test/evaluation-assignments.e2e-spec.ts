/**
 * Evaluation, first part: starting the evaluation of a call, the evaluators' registers of interests, manual and
 * automatic assignment (conflicts, duplicates, balance, all or nothing, one e-mail per evaluator and batch),
 * removal, the lists, and who reaches what.
 */
import type { TestUser } from './utils/test-app';
import { bearer, createTestApp, type TestApp } from './utils/test-app';
import { dataSource, insertCall, insertEntity } from './utils/fixtures';
import {
  assignmentsOf,
  evaluatingCall,
  evaluators,
  insertApplication,
  loadsOf,
  setInterests,
} from './utils/evaluation-fixtures';
import { outboxTo } from './utils/submission-fixtures';

describe('evaluation: start, interests, assignments', () => {
  let t: TestApp;
  let officer: TestUser;
  let viewer: TestUser;
  let finance: TestUser;
  let ngo: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user('officer');
    viewer = await t.user('viewer');
    finance = await t.user('finance');
    const entity = await insertEntity(t);
    ngo = await t.user('entity', { entityId: entity.id });
  }, 120_000);

  afterAll(() => t?.close());

  const as = (u: TestUser) => ({ ...bearer(u.token) });
  const post = (u: TestUser, url: string, body: object = {}) => t.http().post(url).set(as(u)).send(body);
  const get = (u: TestUser, url: string) => t.http().get(url).set(as(u));
  const statusOf = async (table: 'calls' | 'applications', id: string) =>
    (
      (await dataSource(t).query(`SELECT status FROM ${table} WHERE id = $1`, [id])) as { status: string }[]
    )[0].status;
  const auditOf = (subjectId: string, action: string) =>
    dataSource(t).query(
      `SELECT action, actor_id, before, after FROM audit_events WHERE subject_id = $1 AND action = $2 ORDER BY at`,
      [subjectId, action],
    ) as Promise<{ action: string; actor_id: string; before: unknown; after: Record<string, unknown> }[]>;
  const entityName = async (id: string) =>
    (
      (await dataSource(t).query(`SELECT legal_name FROM entities WHERE id = $1`, [id])) as {
        legal_name: string;
      }[]
    )[0].legal_name;
  const mails = async (u: TestUser) =>
    (await outboxTo(t, u.email)).filter((m) => m.template === 'assignments_created');

  // ---------------------------------------------------------------------------------------------------------
  describe('POST /calls/:id/start-evaluation', () => {
    it('moves a closed call to evaluating and every admitted application under evaluation, audited', async () => {
      const call = await insertCall(t, { status: 'closed', closedAt: new Date() });
      const a1 = await insertApplication(t, call, { status: 'admitted' });
      const a2 = await insertApplication(t, call, { status: 'admitted' });
      const out = await insertApplication(t, call, { status: 'inadmissible' });
      const gone = await insertApplication(t, call, { status: 'withdrawn' });

      const res = await post(officer, `/api/v1/calls/${call.id}/start-evaluation`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: call.id, status: 'evaluating', evaluatorsPerApplication: 2 });
      expect(await statusOf('applications', a1.id)).toBe('under_evaluation');
      expect(await statusOf('applications', a2.id)).toBe('under_evaluation');
      expect(await statusOf('applications', out.id)).toBe('inadmissible');
      expect(await statusOf('applications', gone.id)).toBe('withdrawn');

      const [callEvent] = await auditOf(call.id, 'call.evaluation_started');
      expect(callEvent).toMatchObject({
        actor_id: officer.id,
        before: { status: 'closed' },
        after: { status: 'evaluating', applications: 2 },
      });
      for (const app of [a1, a2]) {
        const [e] = await auditOf(app.id, 'application.evaluation_started');
        expect(e).toMatchObject({ before: { status: 'admitted' }, after: { status: 'under_evaluation' } });
      }
      expect(await auditOf(out.id, 'application.evaluation_started')).toHaveLength(0);
    });

    it('refuses with 422 ADMISSIBILITY_PENDING naming the applications still pending, and changes nothing', async () => {
      const call = await insertCall(t, { status: 'closed', closedAt: new Date() });
      const admitted = await insertApplication(t, call, { status: 'admitted' });
      const submitted = await insertApplication(t, call, { status: 'submitted' });
      const correcting = await insertApplication(t, call, { status: 'correction_requested' });

      const res = await post(officer, `/api/v1/calls/${call.id}/start-evaluation`);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ADMISSIBILITY_PENDING');
      expect(Object.keys(res.body.errors).sort()).toEqual(
        [`applications.${submitted.id}`, `applications.${correcting.id}`].sort(),
      );
      expect(res.body.errors[`applications.${submitted.id}`][0]).toMatchObject({
        code: 'WRONG_STATE',
        params: { status: 'submitted', registryNumber: submitted.registryNumber },
      });
      expect(res.body.detail).toContain(submitted.registryNumber);
      expect(res.body.detail).toContain(correcting.registryNumber);
      expect(await statusOf('calls', call.id)).toBe('closed');
      expect(await statusOf('applications', admitted.id)).toBe('admitted');
      expect(await auditOf(call.id, 'call.evaluation_started')).toHaveLength(0);
    });

    it.each(['published', 'draft', 'evaluating'] as const)(
      'refuses a %s call with 409 INVALID_STATE',
      async (status) => {
        const call = await insertCall(t, { status });
        const res = await post(officer, `/api/v1/calls/${call.id}/start-evaluation`);
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('INVALID_STATE');
        expect(await statusOf('calls', call.id)).toBe(status);
      },
    );

    it('answers 404 for an unknown call and 403 to everyone but officers', async () => {
      const call = await insertCall(t, { status: 'closed', closedAt: new Date() });
      expect(
        (await post(officer, `/api/v1/calls/00000000-0000-4000-8000-000000000000/start-evaluation`)).status,
      ).toBe(404);
      const [evaluator] = await evaluators(t, 1);
      for (const u of [evaluator, viewer, finance, ngo]) {
        const res = await post(u, `/api/v1/calls/${call.id}/start-evaluation`);
        expect(res.status).toBe(403);
      }
      expect(await statusOf('calls', call.id)).toBe('closed');
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe('registers of interests', () => {
    it('starts empty at version 0; the evaluator replaces it with its version; a stale version is 409', async () => {
      const [evaluator] = await evaluators(t, 1);
      const e1 = await insertEntity(t);
      const e2 = await insertEntity(t);
      const url = `/api/v1/evaluators/${evaluator.id}/interests`;
      const empty = await get(evaluator, url);
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({ userId: evaluator.id, items: [], updatedAt: null, version: 0 });

      const saved = await t
        .http()
        .put(url)
        .set(as(evaluator))
        .send({
          version: 0,
          items: [
            { entityId: e1.id, relation: 'board', note: 'Vocal de la junta' },
            { entityId: e2.id, relation: 'family' },
          ],
        });
      expect(saved.status).toBe(200);
      expect(saved.body.version).toBe(1);
      expect(saved.body.items).toEqual([
        { entityId: e1.id, entityName: e1.legalName, relation: 'board', note: 'Vocal de la junta' },
        { entityId: e2.id, entityName: e2.legalName, relation: 'family', note: null },
      ]);

      const stale = await t.http().put(url).set(as(evaluator)).send({ version: 0, items: [] });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      expect((await get(evaluator, url)).body.items).toHaveLength(2);

      // An officer keeps it too, with the current version.
      const byOfficer = await t.http().put(url).set(as(officer)).send({ version: 1, items: [] });
      expect(byOfficer.status).toBe(200);
      expect(byOfficer.body).toMatchObject({ items: [], version: 2 });

      const events = await auditOf(evaluator.id, 'evaluator.interests_updated');
      expect(events).toHaveLength(2);
      expect(events[0]).toMatchObject({ actor_id: evaluator.id, before: { items: [] } });
      expect(events[0].after).toEqual({
        items: [
          { entityId: e1.id, relation: 'board', note: 'Vocal de la junta' },
          { entityId: e2.id, relation: 'family', note: null },
        ],
      });
      expect(events[1]).toMatchObject({ actor_id: officer.id, after: { items: [] } });
    });

    it('refuses an entity that does not exist (400 on its path) and a repeated one', async () => {
      const [evaluator] = await evaluators(t, 1);
      const e1 = await insertEntity(t);
      const url = `/api/v1/evaluators/${evaluator.id}/interests`;
      const unknown = await t
        .http()
        .put(url)
        .set(as(evaluator))
        .send({
          version: 0,
          items: [
            { entityId: e1.id, relation: 'employment' },
            { entityId: '00000000-0000-4000-8000-000000000000', relation: 'other' },
          ],
        });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors['items[1].entityId'][0].code).toBe('UNKNOWN_ENTITY');
      expect(unknown.body.errors['items[0].entityId']).toBeUndefined();

      const twice = await t
        .http()
        .put(url)
        .set(as(evaluator))
        .send({
          version: 0,
          items: [
            { entityId: e1.id, relation: 'employment' },
            { entityId: e1.id, relation: 'board' },
          ],
        });
      expect(twice.status).toBe(400);
      const bad = await t
        .http()
        .put(url)
        .set(as(evaluator))
        .send({ version: 0, items: [{ entityId: e1.id, relation: 'friendship' }] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors['items[0].relation']).toBeDefined();
      expect((await get(evaluator, url)).body.version).toBe(0);
    });

    it("is the evaluator's own: another evaluator's is 404, a user who is not an evaluator is 404", async () => {
      const [mine, other] = await evaluators(t, 2);
      expect((await get(mine, `/api/v1/evaluators/${other.id}/interests`)).status).toBe(404);
      const put = await t
        .http()
        .put(`/api/v1/evaluators/${other.id}/interests`)
        .set(as(mine))
        .send({ version: 0, items: [] });
      expect(put.status).toBe(404);
      expect((await get(officer, `/api/v1/evaluators/${other.id}/interests`)).status).toBe(200);
      expect((await get(officer, `/api/v1/evaluators/${viewer.id}/interests`)).status).toBe(404);
      for (const u of [viewer, finance, ngo]) {
        expect((await get(u, `/api/v1/evaluators/${mine.id}/interests`)).status).toBe(403);
      }
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe('POST /calls/:id/assignments (manual)', () => {
    it('assigns, audits, e-mails the evaluator once, and answers only what judges a conflict', async () => {
      const { call, apps } = await evaluatingCall(t, 1);
      const partner = await insertEntity(t);
      await dataSource(t).query(`UPDATE applications SET partner_entity_ids = $2 WHERE id = $1`, [
        apps[0].id,
        [partner.id],
      ]);
      const [evaluator] = await evaluators(t, 1, { locale: 'es' });
      const res = await post(officer, `/api/v1/calls/${call.id}/assignments`, {
        applicationId: apps[0].id,
        evaluatorId: evaluator.id,
      });
      expect(res.status).toBe(201);
      const entity = (
        await dataSource(t).query(`SELECT legal_name FROM entities WHERE id = $1`, [apps[0].entityId])
      )[0];
      expect(res.body).toMatchObject({
        callId: call.id,
        applicationId: apps[0].id,
        evaluatorId: evaluator.id,
        status: 'pending_declaration',
        submittedAt: null,
        version: 1,
        application: {
          id: apps[0].id,
          registryNumber: apps[0].registryNumber,
          title: apps[0].title,
          entityId: apps[0].entityId,
          entityName: entity.legal_name,
          partnerNames: [partner.legalName],
        },
      });
      expect(res.body.declaration).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain('Resum confidencial');

      const [event] = await auditOf(res.body.id, 'assignment.created');
      expect(event).toMatchObject({
        actor_id: officer.id,
        after: { applicationId: apps[0].id, evaluatorId: evaluator.id, mode: 'manual' },
      });
      const log = await get(officer, `/api/v1/audit?subjectId=${res.body.id}`);
      expect(log.body.items[0]).toMatchObject({
        action: 'assignment.created',
        subjectType: 'assignment',
        subjectLabel: `${apps[0].registryNumber} · Test evaluator`,
      });
      const sent = await mails(evaluator);
      expect(sent).toHaveLength(1);
      expect(sent[0].locale).toBe('es');
      expect(sent[0].text).toContain(apps[0].registryNumber as string);
      expect(sent[0].subject).toContain(call.code);
      // The link leads to the evaluator's inbox in the back-office.
      expect(sent[0].text).toMatch(/https?:\/\/[^\s]+\/evaluation(\s|$)/);
    });

    it('refuses the same pair twice with 409 DUPLICATE', async () => {
      const { call, apps } = await evaluatingCall(t, 1);
      const [evaluator] = await evaluators(t, 1);
      const body = { applicationId: apps[0].id, evaluatorId: evaluator.id };
      expect((await post(officer, `/api/v1/calls/${call.id}/assignments`, body)).status).toBe(201);
      const again = await post(officer, `/api/v1/calls/${call.id}/assignments`, body);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('DUPLICATE');
      expect(again.body.errors.evaluatorId[0].code).toBe('TAKEN');
      expect(await assignmentsOf(t, call.id)).toHaveLength(1);
    });

    it('refuses a conflict of interest through the entity and through a partner (422), naming the entity', async () => {
      const { call, apps } = await evaluatingCall(t, 2);
      const partner = await insertEntity(t);
      await dataSource(t).query(`UPDATE applications SET partner_entity_ids = $2 WHERE id = $1`, [
        apps[1].id,
        [partner.id],
      ]);
      const [byEntity, byPartner] = await evaluators(t, 2);
      await setInterests(t, byEntity, [apps[0].entityId]);
      await setInterests(t, byPartner, [partner.id]);

      const one = await post(officer, `/api/v1/calls/${call.id}/assignments`, {
        applicationId: apps[0].id,
        evaluatorId: byEntity.id,
      });
      expect(one.status).toBe(422);
      expect(one.body.code).toBe('CONFLICT_OF_INTEREST');
      expect(one.body.errors.evaluatorId[0].code).toBe('CONFLICT_OF_INTEREST');

      const two = await post(officer, `/api/v1/calls/${call.id}/assignments`, {
        applicationId: apps[1].id,
        evaluatorId: byPartner.id,
      });
      expect(two.status).toBe(422);
      expect(two.body.code).toBe('CONFLICT_OF_INTEREST');
      expect(two.body.errors.evaluatorId[0].params.entity).toBe(partner.legalName);
      // Without a link it is fine.
      const three = await post(officer, `/api/v1/calls/${call.id}/assignments`, {
        applicationId: apps[1].id,
        evaluatorId: byEntity.id,
      });
      expect(three.status).toBe(201);
      expect(await assignmentsOf(t, call.id)).toHaveLength(1);
    });

    it('refuses a call not being evaluated, an application of another call or not under evaluation, a non-evaluator', async () => {
      const { call, apps } = await evaluatingCall(t, 1);
      const [evaluator] = await evaluators(t, 1);
      const closed = await insertCall(t, { status: 'closed', closedAt: new Date() });
      const admitted = await insertApplication(t, closed, { status: 'admitted' });
      const notEvaluating = await post(officer, `/api/v1/calls/${closed.id}/assignments`, {
        applicationId: admitted.id,
        evaluatorId: evaluator.id,
      });
      expect(notEvaluating.status).toBe(409);
      expect(notEvaluating.body.code).toBe('INVALID_STATE');

      const other = await post(officer, `/api/v1/calls/${call.id}/assignments`, {
        applicationId: admitted.id,
        evaluatorId: evaluator.id,
      });
      expect(other.status).toBe(400);
      expect(other.body.errors.applicationId[0].code).toBe('UNKNOWN_APPLICATION');

      const inadmissible = await insertApplication(t, call, { status: 'inadmissible' });
      const wrong = await post(officer, `/api/v1/calls/${call.id}/assignments`, {
        applicationId: inadmissible.id,
        evaluatorId: evaluator.id,
      });
      expect(wrong.status).toBe(409);
      expect(wrong.body.errors.applicationId[0]).toMatchObject({
        code: 'WRONG_STATE',
        params: { status: 'inadmissible' },
      });

      for (const notEvaluator of [viewer, officer]) {
        const res = await post(officer, `/api/v1/calls/${call.id}/assignments`, {
          applicationId: apps[0].id,
          evaluatorId: notEvaluator.id,
        });
        expect(res.status).toBe(400);
        expect(res.body.errors.evaluatorId[0].code).toBe('NOT_EVALUATOR');
      }
      expect(await assignmentsOf(t, call.id)).toHaveLength(0);
      expect(
        (
          await post(evaluator, `/api/v1/calls/${call.id}/assignments`, {
            applicationId: apps[0].id,
            evaluatorId: evaluator.id,
          })
        ).status,
      ).toBe(403);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe('POST /calls/:id/assignments/auto', () => {
    it('tops every application up to N, never a conflict, balancing with the loads the evaluators already have', async () => {
      const { call, apps } = await evaluatingCall(t, 5);
      const pool = await evaluators(t, 4);
      // e0 already has two assignments in the call; e3 is linked to the entity of apps[0].
      for (const app of apps.slice(0, 2)) {
        expect(
          (
            await post(officer, `/api/v1/calls/${call.id}/assignments`, {
              applicationId: app.id,
              evaluatorId: pool[0].id,
            })
          ).status,
        ).toBe(201);
      }
      await setInterests(t, pool[3], [apps[0].entityId]);
      const before = await Promise.all(pool.map((u) => mails(u)));

      const res = await post(officer, `/api/v1/calls/${call.id}/assignments/auto`, {
        evaluatorIds: pool.map((u) => u.id),
      });
      expect(res.status).toBe(200);
      expect(res.body.created).toBe(5 * 2 - 2);
      expect(res.body.items).toHaveLength(8);

      const rows = await assignmentsOf(t, call.id);
      for (const app of apps) {
        const mine = rows.filter((r) => r.application_id === app.id).map((r) => r.evaluator_id);
        expect(mine).toHaveLength(2);
        expect(new Set(mine).size).toBe(2);
      }
      expect(rows.some((r) => r.application_id === apps[0].id && r.evaluator_id === pool[3].id)).toBe(false);
      // 10 assignments over 4 evaluators: loads 3, 3, 2, 2 in some order — never more than one apart.
      const loads = await loadsOf(
        t,
        call.id,
        pool.map((u) => u.id),
      );
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      expect(loads.reduce((a, b) => a + b, 0)).toBe(10);
      const answered = new Map(
        res.body.loads.map((l: { evaluatorId: string; load: number }) => [l.evaluatorId, l.load]),
      );
      expect(pool.map((u) => answered.get(u.id))).toEqual(loads);

      // One e-mail per evaluator who got new assignments, listing every one of them.
      for (const [i, u] of pool.entries()) {
        const added = res.body.items.filter((a: { evaluatorId: string }) => a.evaluatorId === u.id);
        const now = await mails(u);
        expect(now.length - before[i].length).toBe(added.length ? 1 : 0);
        if (added.length) {
          const text = now[now.length - 1].text;
          for (const a of added) expect(text).toContain(a.application.registryNumber);
        }
      }
      const [batch] = await auditOf(call.id, 'call.assignments_generated');
      expect(batch.after).toMatchObject({ evaluatorsPerApplication: 2, created: 8 });
      expect(await auditOf(res.body.items[0].id, 'assignment.created')).toHaveLength(1);

      // Nothing left to top up: a second run creates nothing and sends nothing.
      const again = await post(officer, `/api/v1/calls/${call.id}/assignments/auto`, {
        evaluatorIds: pool.map((u) => u.id),
      });
      expect(again.status).toBe(200);
      expect(again.body.created).toBe(0);
      for (const [i, u] of pool.entries()) {
        const added = res.body.items.some((a: { evaluatorId: string }) => a.evaluatorId === u.id) ? 1 : 0;
        expect((await mails(u)).length).toBe(before[i].length + added);
      }
    });

    it('assigns nothing and answers 422 NOT_ENOUGH_EVALUATORS naming the applications it cannot cover', async () => {
      const { call, apps } = await evaluatingCall(t, 3);
      const pool = await evaluators(t, 3);
      // apps[2] has a link with two of the three: with N = 2 it cannot be covered; the others can.
      await setInterests(t, pool[0], [apps[2].entityId]);
      await setInterests(t, pool[1], [apps[2].entityId]);
      const res = await post(officer, `/api/v1/calls/${call.id}/assignments/auto`, {
        evaluatorIds: pool.map((u) => u.id),
        evaluatorsPerApplication: 2,
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('NOT_ENOUGH_EVALUATORS');
      expect(Object.keys(res.body.errors)).toEqual([`applications.${apps[2].id}`]);
      expect(res.body.errors[`applications.${apps[2].id}`][0]).toMatchObject({
        code: 'NOT_ENOUGH_EVALUATORS',
        params: { needed: 2, available: 1, registryNumber: apps[2].registryNumber, title: apps[2].title },
      });
      expect(await assignmentsOf(t, call.id)).toHaveLength(0);
      for (const u of pool) expect(await mails(u)).toHaveLength(0);
      expect(await auditOf(call.id, 'call.assignments_generated')).toHaveLength(0);

      const tooMany = await post(officer, `/api/v1/calls/${call.id}/assignments/auto`, {
        evaluatorIds: pool.map((u) => u.id),
        evaluatorsPerApplication: 4,
      });
      expect(tooMany.status).toBe(422);
      expect(Object.keys(tooMany.body.errors)).toHaveLength(3);
      expect(await assignmentsOf(t, call.id)).toHaveLength(0);
    });

    it("uses the call's evaluatorsPerApplication and refuses a pool member who is not an evaluator", async () => {
      const { call, apps } = await evaluatingCall(t, 2, { evaluatorsPerApplication: 1 });
      const pool = await evaluators(t, 2);
      const bad = await post(officer, `/api/v1/calls/${call.id}/assignments/auto`, {
        evaluatorIds: [pool[0].id, viewer.id],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors['evaluatorIds[1]'][0].code).toBe('NOT_EVALUATOR');
      const res = await post(officer, `/api/v1/calls/${call.id}/assignments/auto`, {
        evaluatorIds: pool.map((u) => u.id),
      });
      expect(res.status).toBe(200);
      expect(res.body.created).toBe(2);
      expect(
        await loadsOf(
          t,
          call.id,
          pool.map((u) => u.id),
        ),
      ).toEqual([1, 1]);
      expect(new Set(res.body.items.map((i: { applicationId: string }) => i.applicationId))).toEqual(
        new Set(apps.map((a) => a.id)),
      );
    });

    it('is refused while the call is not being evaluated, and to everyone but officers', async () => {
      const closed = await insertCall(t, { status: 'closed', closedAt: new Date() });
      const res = await post(officer, `/api/v1/calls/${closed.id}/assignments/auto`);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('INVALID_STATE');
      const { call } = await evaluatingCall(t, 1);
      const [evaluator] = await evaluators(t, 1);
      for (const u of [evaluator, viewer, finance, ngo]) {
        expect((await post(u, `/api/v1/calls/${call.id}/assignments/auto`)).status).toBe(403);
      }
    });

    it('two automatic assignments and a manual one at once: no duplicate pair, every application covered once, balanced', async () => {
      const { call, apps } = await evaluatingCall(t, 6);
      const pool = await evaluators(t, 4);
      const body = { evaluatorIds: pool.map((u) => u.id) };
      const results = await Promise.all([
        post(officer, `/api/v1/calls/${call.id}/assignments/auto`, body),
        post(officer, `/api/v1/calls/${call.id}/assignments/auto`, body),
        post(officer, `/api/v1/calls/${call.id}/assignments`, {
          applicationId: apps[0].id,
          evaluatorId: pool[0].id,
        }),
      ]);
      const statuses = results.map((r) => r.status);
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
      expect([201, 409]).toContain(statuses[2]);
      const rows = await assignmentsOf(t, call.id);
      const pairs = rows.map((r) => `${r.application_id}:${r.evaluator_id}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      // Whatever the order, each application has at least 2 evaluators (the manual one may add a third).
      for (const app of apps) {
        const n = rows.filter((r) => r.application_id === app.id).length;
        expect(n).toBeGreaterThanOrEqual(2);
        expect(n).toBeLessThanOrEqual(3);
      }
      expect(results[0].body.created + results[1].body.created + (statuses[2] === 201 ? 1 : 0)).toBe(
        rows.length,
      );
      const loads = await loadsOf(
        t,
        call.id,
        pool.map((u) => u.id),
      );
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe('lists, one assignment, removal', () => {
    let call: Awaited<ReturnType<typeof evaluatingCall>>['call'];
    let apps: Awaited<ReturnType<typeof evaluatingCall>>['apps'];
    let pool: TestUser[];
    let items: { id: string; evaluatorId: string; applicationId: string }[];

    beforeAll(async () => {
      ({ call, apps } = await evaluatingCall(t, 3));
      pool = await evaluators(t, 3);
      const res = await post(officer, `/api/v1/calls/${call.id}/assignments/auto`, {
        evaluatorIds: pool.map((u) => u.id),
      });
      expect(res.status).toBe(200);
      items = res.body.items;
    });

    it('GET /calls/:id/assignments: every assignment, filtered, paged, with the counts and the coverage', async () => {
      const all = await get(officer, `/api/v1/calls/${call.id}/assignments`);
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: 6, page: 1, pageSize: 25 });
      expect(all.body.summary).toEqual({
        byStatus: { pending_declaration: 6, conflict_declared: 0, in_progress: 0, submitted: 0 },
        applications: 3,
        uncovered: 0,
      });
      const mine = await get(officer, `/api/v1/calls/${call.id}/assignments?evaluatorId=${pool[0].id}`);
      expect(mine.body.items.every((a: { evaluatorId: string }) => a.evaluatorId === pool[0].id)).toBe(true);
      expect(mine.body.total).toBe(2);
      const one = await get(
        officer,
        `/api/v1/calls/${call.id}/assignments?applicationId=${apps[1].id}&pageSize=1`,
      );
      expect(one.body).toMatchObject({ total: 2, pageSize: 1 });
      expect(one.body.items).toHaveLength(1);
      const none = await get(officer, `/api/v1/calls/${call.id}/assignments?status=submitted`);
      expect(none.body.total).toBe(0);
      expect(none.body.summary.byStatus.pending_declaration).toBe(6);
      expect((await get(officer, `/api/v1/calls/${call.id}/assignments?pageSize=201`)).status).toBe(400);
      expect((await get(officer, `/api/v1/calls/${call.id}/assignments?status=done`)).status).toBe(400);
      for (const u of [pool[0], viewer, finance, ngo]) {
        expect((await get(u, `/api/v1/calls/${call.id}/assignments`)).status).toBe(403);
      }
    });

    it('GET /calls/:id/assignments: the conflicts of interest of the board, through the entity and through a partner', async () => {
      const {
        call: c,
        apps: [byEntity, byPartner, free],
      } = await evaluatingCall(t, 3);
      const partner = await insertEntity(t);
      await dataSource(t).query(`UPDATE applications SET partner_entity_ids = $2 WHERE id = $1`, [
        byPartner.id,
        [partner.id],
      ]);
      const [onEntity, onPartner, onBoth, none] = await evaluators(t, 4);
      await setInterests(t, onEntity, [byEntity.entityId]);
      await setInterests(t, onPartner, [partner.id]);
      await setInterests(t, onBoth, [partner.id, byEntity.entityId]);
      // An application no longer under evaluation is not on the board.
      await dataSource(t).query(`UPDATE applications SET status = 'evaluated' WHERE id = $1`, [free.id]);
      await setInterests(t, none, [free.entityId]);

      const res = await get(officer, `/api/v1/calls/${c.id}/assignments`);
      expect(res.status).toBe(200);
      const pairs = (
        res.body.conflicts as { applicationId: string; evaluatorId: string; entityNames: string[] }[]
      )
        .map((x) => `${x.applicationId}:${x.evaluatorId}:${x.entityNames.join('|')}`)
        .sort();
      expect(pairs).toEqual(
        [
          `${byEntity.id}:${onEntity.id}:${await entityName(byEntity.entityId)}`,
          `${byEntity.id}:${onBoth.id}:${await entityName(byEntity.entityId)}`,
          `${byPartner.id}:${onPartner.id}:${partner.legalName}`,
          `${byPartner.id}:${onBoth.id}:${partner.legalName}`,
        ].sort(),
      );
      // The board's marks are the API's refusals: each listed pair is refused, with the same entity named.
      const refused = await post(officer, `/api/v1/calls/${c.id}/assignments`, {
        applicationId: byPartner.id,
        evaluatorId: onPartner.id,
      });
      expect([refused.status, refused.body.code]).toEqual([422, 'CONFLICT_OF_INTEREST']);
      // The filters apply.
      const one = await get(officer, `/api/v1/calls/${c.id}/assignments?applicationId=${byPartner.id}`);
      expect(one.body.conflicts.map((x: { evaluatorId: string }) => x.evaluatorId).sort()).toEqual(
        [onPartner.id, onBoth.id].sort(),
      );
      const theirs = await get(officer, `/api/v1/calls/${c.id}/assignments?evaluatorId=${onEntity.id}`);
      expect(theirs.body.conflicts).toEqual([
        {
          applicationId: byEntity.id,
          evaluatorId: onEntity.id,
          entityNames: [await entityName(byEntity.entityId)],
        },
      ]);
    });

    it('GET /assignments: an evaluator sees only its own (even without mine=true); an officer all', async () => {
      const own = await get(pool[1], `/api/v1/assignments?callId=${call.id}`);
      expect(own.status).toBe(200);
      expect(own.body.total).toBe(2);
      expect(own.body.items.every((a: { evaluatorId: string }) => a.evaluatorId === pool[1].id)).toBe(true);
      expect((await get(pool[1], `/api/v1/assignments?mine=false&callId=${call.id}`)).body.total).toBe(2);
      expect((await get(pool[1], `/api/v1/assignments?status=submitted`)).body.total).toBe(0);
      expect((await get(officer, `/api/v1/assignments?callId=${call.id}`)).body.total).toBe(6);
      expect((await get(officer, `/api/v1/assignments?mine=true&callId=${call.id}`)).body.total).toBe(0);
      for (const u of [viewer, finance, ngo]) expect((await get(u, `/api/v1/assignments`)).status).toBe(403);
    });

    it("GET /assignments/:id: its evaluator and officers; another evaluator's is 404", async () => {
      const a = items.find((i) => i.evaluatorId === pool[2].id) as (typeof items)[number];
      const own = await get(pool[2], `/api/v1/assignments/${a.id}`);
      expect(own.status).toBe(200);
      expect(Object.keys(own.body.application).sort()).toEqual(
        ['entityId', 'entityName', 'id', 'partnerNames', 'registryNumber', 'title'].sort(),
      );
      const other = pool.find((u) => !items.some((i) => i.id === a.id && i.evaluatorId === u.id)) as TestUser;
      const res = await get(other, `/api/v1/assignments/${a.id}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      expect((await get(officer, `/api/v1/assignments/${a.id}`)).status).toBe(200);
      expect((await get(officer, `/api/v1/assignments/00000000-0000-4000-8000-000000000000`)).status).toBe(
        404,
      );
      for (const u of [viewer, finance, ngo])
        expect((await get(u, `/api/v1/assignments/${a.id}`)).status).toBe(403);
    });

    it('GET /evaluators: the evaluators with their open and submitted assignments per call', async () => {
      const res = await get(officer, `/api/v1/evaluators?callId=${call.id}&pageSize=200`);
      expect(res.status).toBe(200);
      for (const u of pool) {
        const row = res.body.items.find((e: { id: string }) => e.id === u.id);
        expect(row.calls).toEqual([
          { callId: call.id, callCode: call.code, open: 2, submitted: 0, conflictDeclared: 0 },
        ]);
      }
      expect(res.body.items.some((e: { id: string }) => e.id === viewer.id)).toBe(false);
      for (const u of [pool[0], viewer, finance, ngo])
        expect((await get(u, `/api/v1/evaluators`)).status).toBe(403);
    });

    it('DELETE /assignments/:id: before submission, audited; a submitted sheet or a declared conflict stays (409)', async () => {
      const [first, second, third] = items;
      const del = (u: TestUser, id: string) => t.http().delete(`/api/v1/assignments/${id}`).set(as(u));
      expect((await del(pool[0], first.id)).status).toBe(403);
      expect((await del(officer, first.id)).status).toBe(204);
      expect((await assignmentsOf(t, call.id)).some((r) => r.id === first.id)).toBe(false);
      const [event] = await auditOf(first.id, 'assignment.removed');
      expect(event).toMatchObject({ actor_id: officer.id, before: { applicationId: first.applicationId } });
      expect((await del(officer, first.id)).status).toBe(404);

      await dataSource(t).query(
        `UPDATE assignments SET status = 'submitted', submitted_at = now() WHERE id = $1`,
        [second.id],
      );
      await dataSource(t).query(
        `UPDATE assignments SET status = 'conflict_declared', conflict_of_interest = true, declared_at = now() WHERE id = $1`,
        [third.id],
      );
      for (const id of [second.id, third.id]) {
        const res = await del(officer, id);
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('INVALID_STATE');
      }
      // The application that lost an evaluator is uncovered until someone is assigned again.
      const after = await get(officer, `/api/v1/calls/${call.id}/assignments`);
      expect(after.body.summary.uncovered).toBeGreaterThanOrEqual(1);
      const declared = (await get(officer, `/api/v1/assignments/${third.id}`)).body;
      expect(declared.declaration).toMatchObject({ conflictOfInterest: true, note: null });
    });
  });
});
