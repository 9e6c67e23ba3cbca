import type { Role } from '@cofinanca/contracts';
import { ApplicationEntity } from '../src/modules/applications/application.entity';
import { DocumentEntity } from '../src/modules/documents/document.entity';
import { dataSource, entityUser, insertCall, insertEntity } from './utils/fixtures';
import { bearer, createTestApp, unique, type TestApp, type TestUser } from './utils/test-app';

/** A complete, consistent form: every field of api.md. */
function fullContent(partnerId: string) {
  return {
    title: 'Aigua potable a Thiès',
    summary: 'Pous i formació en gestió comunitària de l’aigua.',
    modality: 'development',
    countryCode: 'SN',
    locations: ['Thiès', 'Mbour'],
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    totalCost: '25000',
    requestedAmount: '18000.00',
    ownContribution: '2000.5',
    cofunding: [{ funder: 'Diputació de Lleida', amount: '4999.50', status: 'confirmed' }],
    budgetLines: [
      {
        code: 'A1',
        category: 'Personal',
        description: 'Tècnica local',
        amount: '15000',
        requestedAmount: '10000',
      },
      { code: 'A2', category: 'Obres', description: 'Pous', amount: '10000.00', requestedAmount: '8000.00' },
    ],
    sectors: [
      { code: '14030', percent: '60' },
      { code: '15170', percent: '40.00' },
    ],
    sdgs: [
      { goal: 6, targets: ['6.1', '6.b'] },
      { goal: 5, targets: ['5.5'] },
    ],
    policyMarkers: [
      { code: '1', significance: 2 },
      { code: '2', significance: 1 },
    ],
    beneficiaries: {
      direct: {
        women: 300,
        men: 250,
        other: 0,
        byAge: { '0-17': { women: 100, men: 90, other: 0 }, '65+': { women: 20, men: 10, other: 0 } },
      },
      indirect: { women: 1000, men: 900, other: 10 },
    },
    counterpart: { name: 'Association Jappo', countryCode: 'SN', description: 'ONG local de Thiès' },
    partnerEntityIds: [partnerId],
  };
}

describe('applications: the form', () => {
  let t: TestApp;
  const staff = {} as Record<Exclude<Role, 'entity'>, TestUser>;
  let ownEntityId: string;
  let otherEntityId: string;
  let partnerId: string;
  let own: TestUser;
  let other: TestUser;
  let callId: string;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'officer', 'evaluator', 'finance', 'viewer'] as const) {
      staff[role] = await t.user(role);
    }
    ownEntityId = (await insertEntity(t)).id;
    otherEntityId = (await insertEntity(t)).id;
    partnerId = (await insertEntity(t)).id;
    own = await entityUser(t, ownEntityId);
    other = await entityUser(t, otherEntityId);
    callId = (await insertCall(t)).id;
  });
  afterAll(() => t.close());

  const create = (token: string, body: Record<string, unknown> = {}, call = callId) =>
    t.http().post(`/api/v1/calls/${call}/applications`).set(bearer(token)).send(body);

  /** A new draft of the own entity, through the API. */
  async function draft(body: Record<string, unknown> = {}, user = own) {
    const res = await create(user.token, body);
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number } & Record<string, unknown>;
  }

  const patch = (token: string, id: string, body: Record<string, unknown>) =>
    t.http().patch(`/api/v1/applications/${id}`).set(bearer(token)).send(body);

  /** Puts an application in a state directly (no route sets these yet), leaving its version alone. */
  const setStatus = (id: string, status: string) =>
    dataSource(t).query('UPDATE applications SET status = $1 WHERE id = $2', [status, id]);

  const rowCount = (where: Record<string, unknown>) =>
    dataSource(t).getRepository(ApplicationEntity).countBy(where);

  describe('create a draft', () => {
    it('an entity user creates a draft for its own entity, with summaries, totals and an audit event', async () => {
      const res = await create(own.token).expect(201);
      expect(res.body).toMatchObject({
        callId,
        entityId: ownEntityId,
        status: 'draft',
        registryNumber: null,
        submittedAt: null,
        statusReason: null,
        title: null,
        locations: [],
        budgetLines: [],
        beneficiaries: null,
        counterpart: null,
        partnerEntityIds: [],
        call: { id: callId },
        entity: { id: ownEntityId },
        totals: { budgetLinesTotal: '0.00', cofinancingPercent: null, sectorsPercent: '0.00' },
        version: 1,
      });
      expect(typeof res.body.call.code).toBe('string');
      expect(res.body.call.title).toHaveProperty('ca');
      expect(res.body.entity.nif).toMatch(/^G\d{8}$/);
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectId: res.body.id })
        .set(bearer(staff.officer.token))
        .expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('application.created');
    });

    it('stores the initial fields given, money and percentages with two decimals, and computes the totals', async () => {
      const res = await create(own.token, fullContent(partnerId)).expect(201);
      expect(res.body).toMatchObject({
        title: 'Aigua potable a Thiès',
        totalCost: '25000.00',
        requestedAmount: '18000.00',
        ownContribution: '2000.50',
        cofunding: [{ funder: 'Diputació de Lleida', amount: '4999.50', status: 'confirmed' }],
        budgetLines: [
          { code: 'A1', amount: '15000.00', requestedAmount: '10000.00' },
          { code: 'A2', amount: '10000.00', requestedAmount: '8000.00' },
        ],
        sectors: [
          { code: '14030', percent: '60.00' },
          { code: '15170', percent: '40.00' },
        ],
        sdgs: [
          { goal: 6, targets: ['6.1', '6.b'] },
          { goal: 5, targets: ['5.5'] },
        ],
        policyMarkers: [
          { code: '1', significance: 2 },
          { code: '2', significance: 1 },
        ],
        beneficiaries: fullContent(partnerId).beneficiaries,
        counterpart: fullContent(partnerId).counterpart,
        partnerEntityIds: [partnerId],
        totals: {
          budgetLinesTotal: '25000.00',
          budgetLinesRequested: '18000.00',
          cofundingTotal: '4999.50',
          fundingTotal: '25000.00',
          cofinancingPercent: '72.00',
          sectorsPercent: '100.00',
          budgetBalanced: true,
        },
      });
      const again = await t
        .http()
        .get(`/api/v1/applications/${res.body.id}`)
        .set(bearer(own.token))
        .expect(200);
      expect(again.body).toEqual(res.body);
    });

    it('an officer creates a draft for any entity named in entityId', async () => {
      const res = await create(staff.officer.token, {
        entityId: otherEntityId,
        title: 'Per l’entitat',
      }).expect(201);
      expect(res.body).toMatchObject({ entityId: otherEntityId, status: 'draft', title: 'Per l’entitat' });
    });

    it('an officer must name an existing entity (400 entityId)', async () => {
      const none = await create(staff.officer.token).expect(400);
      expect(none.body.errors).toHaveProperty('entityId');
      const unknown = await create(staff.officer.token, {
        entityId: '00000000-0000-4000-8000-000000000000',
      }).expect(400);
      expect(unknown.body.errors).toHaveProperty('entityId');
    });

    it('an entity user cannot create a draft for another entity (400 entityId, nothing created)', async () => {
      const before = await rowCount({ entityId: otherEntityId });
      const res = await create(own.token, { entityId: otherEntityId }).expect(400);
      expect(res.body.errors).toHaveProperty('entityId');
      expect(await rowCount({ entityId: otherEntityId })).toBe(before);
      // Naming its own entity is fine.
      await create(own.token, { entityId: ownEntityId }).expect(201);
    });

    it('a suspended or not yet validated entity may still keep drafts (submission checks it)', async () => {
      for (const status of ['pending_validation', 'suspended'] as const) {
        const e = await insertEntity(t, { status, validatedAt: null });
        const u = await entityUser(t, e.id);
        const res = await create(u.token).expect(201);
        expect(res.body.entityId).toBe(e.id);
      }
    });

    it('a call in draft is 404 for an entity and 422 CALL_NOT_OPEN for an officer', async () => {
      const call = await insertCall(t, { status: 'draft', publishedAt: null });
      const a = await create(own.token, {}, call.id).expect(404);
      expect(a.body.code).toBe('NOT_FOUND');
      const b = await create(staff.officer.token, { entityId: ownEntityId }, call.id).expect(422);
      expect(b.body.code).toBe('CALL_NOT_OPEN');
      expect(await rowCount({ callId: call.id })).toBe(0);
    });

    it('a call not open yet answers 422 CALL_NOT_OPEN, one past its deadline 422 DEADLINE_PASSED', async () => {
      const day = 86_400_000;
      const early = await insertCall(t, {
        opensAt: new Date(Date.now() + day),
        closesAt: new Date(Date.now() + 9 * day),
      });
      const res1 = await create(own.token, {}, early.id).expect(422);
      expect(res1.body.code).toBe('CALL_NOT_OPEN');
      const late = await insertCall(t, {
        opensAt: new Date(Date.now() - 9 * day),
        closesAt: new Date(Date.now() - 1000),
      });
      const res2 = await create(own.token, {}, late.id).expect(422);
      expect(res2.body.code).toBe('DEADLINE_PASSED');
      const closed = await insertCall(t, {
        status: 'closed',
        opensAt: new Date(Date.now() - 9 * day),
        closesAt: new Date(Date.now() - day),
        closedAt: new Date(),
      });
      expect((await create(own.token, {}, closed.id).expect(422)).body.code).toBe('DEADLINE_PASSED');
      const closedEarly = await insertCall(t, { status: 'closed', closedAt: new Date() });
      expect((await create(own.token, {}, closedEarly.id).expect(422)).body.code).toBe('CALL_NOT_OPEN');
      for (const c of [early, late, closed, closedEarly]) expect(await rowCount({ callId: c.id })).toBe(0);
    });

    it('an unknown call answers 404; a malformed id 400', async () => {
      await create(own.token, {}, '00000000-0000-4000-8000-000000000000').expect(404);
      await create(own.token, {}, 'not-a-uuid').expect(400);
    });

    it('invalid initial fields answer 400 and create nothing', async () => {
      const before = await rowCount({ entityId: ownEntityId });
      const res = await create(own.token, { totalCost: 12000, surprise: true }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toHaveProperty('totalCost');
      expect(res.body.errors).toHaveProperty('surprise');
      expect(await rowCount({ entityId: ownEntityId })).toBe(before);
    });

    it.each(['evaluator', 'finance', 'viewer', 'admin'] as const)('%s gets 403', async (role) => {
      const res = await create(staff[role].token, { entityId: ownEntityId }).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });

    it('anonymous gets 401', async () => {
      const res = await t.http().post(`/api/v1/calls/${callId}/applications`).send({}).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('read and list', () => {
    let mine: string;
    let theirs: string;
    let otherCall: string;
    const tag = unique('tag');

    beforeAll(async () => {
      mine = (await draft({ title: `Projecte ${tag} propi` })).id;
      theirs = (await draft({ title: `Projecte ${tag} aliè` }, other)).id;
      otherCall = (await insertCall(t)).id;
      await create(own.token, { title: `Projecte ${tag} segona` }, otherCall).expect(201);
      await dataSource(t)
        .getRepository(ApplicationEntity)
        .update(
          { id: mine },
          { status: 'submitted', registryNumber: `REG-2099-${tag.slice(-6)}`, submittedAt: new Date() },
        );
    });

    it('GET one: its entity and staff 200; another entity 404; other roles 403; anonymous 401', async () => {
      const a = await t.http().get(`/api/v1/applications/${mine}`).set(bearer(own.token)).expect(200);
      expect(a.body).toMatchObject({ id: mine, status: 'submitted', entityId: ownEntityId });
      await t.http().get(`/api/v1/applications/${mine}`).set(bearer(staff.officer.token)).expect(200);
      const hidden = await t.http().get(`/api/v1/applications/${theirs}`).set(bearer(own.token)).expect(404);
      expect(hidden.body.code).toBe('NOT_FOUND');
      expect(JSON.stringify(hidden.body)).not.toContain(otherEntityId);
      for (const role of ['finance', 'viewer', 'admin'] as const) {
        const res = await t.http().get(`/api/v1/applications/${mine}`).set(bearer(staff[role].token));
        expect(res.status).toBe(403);
      }
      // An evaluator reaches only the applications assigned to it (evaluation-scoring.e2e-spec.ts): this one is 404.
      const unassigned = await t
        .http()
        .get(`/api/v1/applications/${mine}`)
        .set(bearer(staff.evaluator.token));
      expect([unassigned.status, unassigned.body.code]).toEqual([404, 'NOT_FOUND']);
      await t.http().get(`/api/v1/applications/${mine}`).expect(401);
      // The history of another entity's application is as hidden as the application.
      await t.http().get(`/api/v1/applications/${theirs}/history`).set(bearer(own.token)).expect(404);
      await t.http().get(`/api/v1/applications/${mine}/history`).set(bearer(own.token)).expect(200);
      await t
        .http()
        .get('/api/v1/applications/00000000-0000-4000-8000-000000000000')
        .set(bearer(own.token))
        .expect(404);
      await t.http().get('/api/v1/applications/nope').set(bearer(own.token)).expect(400);
    });

    it('an entity lists only its own applications, whatever it filters on', async () => {
      const res = await t
        .http()
        .get('/api/v1/applications')
        .query({ pageSize: 200 })
        .set(bearer(own.token))
        .expect(200);
      expect(res.body.total).toBeGreaterThanOrEqual(2);
      expect(res.body.items.every((a: { entityId: string }) => a.entityId === ownEntityId)).toBe(true);
      const sneaky = await t
        .http()
        .get('/api/v1/applications')
        .query({ entityId: otherEntityId })
        .set(bearer(own.token))
        .expect(200);
      expect(sneaky.body).toMatchObject({ total: 0, items: [] });
      const byText = await t
        .http()
        .get('/api/v1/applications')
        .query({ q: tag })
        .set(bearer(own.token))
        .expect(200);
      expect(byText.body.items.map((a: { id: string }) => a.id)).not.toContain(theirs);
      expect(byText.body.total).toBe(2);
    });

    it('staff list everything, filtered by call, status, entity and text (title, registry number, entity name)', async () => {
      const officer = bearer(staff.officer.token);
      const all = await t.http().get('/api/v1/applications').query({ q: tag }).set(officer).expect(200);
      expect(all.body.total).toBe(3);
      const byCall = await t
        .http()
        .get('/api/v1/applications')
        .query({ q: tag, callId: otherCall })
        .set(officer);
      expect(byCall.body.total).toBe(1);
      const byStatus = await t
        .http()
        .get('/api/v1/applications')
        .query({ q: tag, status: 'submitted' })
        .set(officer);
      expect(byStatus.body.items.map((a: { id: string }) => a.id)).toEqual([mine]);
      const byEntity = await t
        .http()
        .get('/api/v1/applications')
        .query({ q: tag, entityId: otherEntityId })
        .set(officer);
      expect(byEntity.body.items.map((a: { id: string }) => a.id)).toEqual([theirs]);
      const byNumber = await t
        .http()
        .get('/api/v1/applications')
        .query({ q: `REG-2099-${tag.slice(-6)}` })
        .set(officer);
      expect(byNumber.body.items.map((a: { id: string }) => a.id)).toEqual([mine]);
      const entity = await dataSource(t).query('SELECT legal_name FROM entities WHERE id = $1', [
        otherEntityId,
      ]);
      const byName = await t
        .http()
        .get('/api/v1/applications')
        .query({ q: entity[0].legal_name })
        .set(officer)
        .expect(200);
      expect(byName.body.items.map((a: { id: string }) => a.id)).toContain(theirs);
      expect(byName.body.items.every((a: { entityId: string }) => a.entityId === otherEntityId)).toBe(true);
    });

    it('pages and sorts; an unknown sort or a page over 200 answers 400', async () => {
      const officer = bearer(staff.officer.token);
      const p1 = await t
        .http()
        .get('/api/v1/applications')
        .query({ q: tag, pageSize: 2, sort: 'title' })
        .set(officer);
      expect(p1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      const titles = p1.body.items.map((a: { title: string }) => a.title);
      expect(titles).toEqual([...titles].sort());
      const p2 = await t
        .http()
        .get('/api/v1/applications')
        .query({ q: tag, pageSize: 2, page: 2, sort: 'title' })
        .set(officer);
      expect(p2.body.items).toHaveLength(1);
      const desc = await t.http().get('/api/v1/applications').query({ q: tag, sort: '-title' }).set(officer);
      expect(desc.body.items.map((a: { title: string }) => a.title)).toEqual(
        [...titles, p2.body.items[0].title].sort().reverse(),
      );
      for (const sort of ['createdAt', '-submittedAt', 'registryNumber', 'status', '-requestedAmount']) {
        await t.http().get('/api/v1/applications').query({ sort }).set(officer).expect(200);
      }
      const bad = await t
        .http()
        .get('/api/v1/applications')
        .query({ sort: 'entityId' })
        .set(officer)
        .expect(400);
      expect(bad.body.errors).toHaveProperty('sort');
      await t.http().get('/api/v1/applications').query({ pageSize: 201 }).set(officer).expect(400);
      await t.http().get('/api/v1/applications').query({ status: 'nope' }).set(officer).expect(400);
      await t.http().get('/api/v1/applications').query({ callId: 'x' }).set(officer).expect(400);
      await t.http().get('/api/v1/applications').query({ unknown: 'x' }).set(officer).expect(400);
    });

    it('the list and the export are refused to other roles (403) and to anonymous (401)', async () => {
      for (const role of ['evaluator', 'finance', 'viewer', 'admin'] as const) {
        // An evaluator lists the applications assigned to it (none here); the export stays the office's and entities'.
        if (role === 'evaluator') {
          const list = await t.http().get('/api/v1/applications').set(bearer(staff[role].token)).expect(200);
          expect(list.body).toMatchObject({ items: [], total: 0 });
        } else {
          await t.http().get('/api/v1/applications').set(bearer(staff[role].token)).expect(403);
        }
        await t.http().get('/api/v1/applications/export.csv').set(bearer(staff[role].token)).expect(403);
      }
      await t.http().get('/api/v1/applications').expect(401);
      await t.http().get('/api/v1/applications/export.csv').expect(401);
    });

    it('exports CSV with a BOM and `;`, the same filters, and only what the caller may see', async () => {
      const officer = await t
        .http()
        .get('/api/v1/applications/export.csv')
        .query({ q: tag, sort: 'title' })
        .set(bearer(staff.officer.token))
        .expect(200);
      expect(officer.headers['content-type']).toMatch(/^text\/csv/);
      expect(officer.text.startsWith('\uFEFF')).toBe(true);
      const lines = officer.text.slice(1).trim().split('\r\n');
      expect(lines[0]).toBe(
        'Número de registre;Presentada;Estat;Convocatòria;Entitat;NIF;Títol;Codi del país;Cost total;Import sol·licitat',
      );
      expect(lines).toHaveLength(4);
      expect(
        lines.some((l) => l.startsWith(`REG-2099-${tag.slice(-6)};`) && l.includes(';Presentada;')),
      ).toBe(true);
      const entity = await t
        .http()
        .get('/api/v1/applications/export.csv')
        .query({ q: tag })
        .set(bearer(own.token));
      const rows = entity.text.slice(1).trim().split('\r\n');
      expect(rows).toHaveLength(3);
      expect(rows.some((l) => l.includes('aliè'))).toBe(false);
      const filtered = await t
        .http()
        .get('/api/v1/applications/export.csv')
        .query({ q: tag, status: 'draft', callId })
        .set(bearer(staff.officer.token));
      expect(filtered.text.slice(1).trim().split('\r\n')).toHaveLength(2);
    });
  });

  describe('edit (PATCH)', () => {
    it('its entity edits a draft with the current version; arrays replace whole; null clears; audited by keys', async () => {
      const app = await draft(fullContent(partnerId));
      const res = await patch(own.token, app.id, {
        version: app.version,
        title: 'Nou títol',
        sectors: [{ code: '14030', percent: '100' }],
        counterpart: null,
        locations: null,
      }).expect(200);
      expect(res.body).toMatchObject({
        title: 'Nou títol',
        sectors: [{ code: '14030', percent: '100.00' }],
        counterpart: null,
        locations: [],
        summary: fullContent(partnerId).summary,
        version: app.version + 1,
      });
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectId: app.id, action: 'application.updated' })
        .set(bearer(staff.officer.token))
        .expect(200);
      expect(audit.body.items).toHaveLength(1);
      expect(Object.keys(audit.body.items[0].after).sort()).toEqual([
        'counterpart',
        'locations',
        'sectors',
        'title',
      ]);
      expect(audit.body.items[0].before.title).toBe('Aigua potable a Thiès');
    });

    it('version is required (400) and a stale one answers 409 STALE_VERSION, changing nothing', async () => {
      const app = await draft({ title: 'Original' });
      const missing = await patch(own.token, app.id, { title: 'x' }).expect(400);
      expect(missing.body.errors).toHaveProperty('version');
      await patch(own.token, app.id, { version: app.version, title: 'Primer' }).expect(200);
      const stale = await patch(own.token, app.id, { version: app.version, title: 'Segon' }).expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const now = await t.http().get(`/api/v1/applications/${app.id}`).set(bearer(own.token));
      expect(now.body).toMatchObject({ title: 'Primer', version: app.version + 1 });
    });

    it('is allowed in correction_requested and refused with 409 INVALID_STATE once submitted or decided', async () => {
      const app = await draft();
      await setStatus(app.id, 'correction_requested');
      const ok = await patch(own.token, app.id, { version: app.version, title: 'Esmenat' }).expect(200);
      for (const status of ['submitted', 'admitted', 'inadmissible', 'withdrawn']) {
        await setStatus(app.id, status);
        const res = await patch(own.token, app.id, { version: ok.body.version, title: 'Tard' }).expect(409);
        expect(res.body.code).toBe('INVALID_STATE');
      }
      const row = await dataSource(t).getRepository(ApplicationEntity).findOneByOrFail({ id: app.id });
      expect(row.title).toBe('Esmenat');
    });

    it('only its entity: an officer 403, another entity 404, other roles 403, anonymous 401', async () => {
      const app = await draft({ title: 'Meu' });
      const body = { version: app.version, title: 'Intrús' };
      expect((await patch(staff.officer.token, app.id, body).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await patch(other.token, app.id, body).expect(404)).body.code).toBe('NOT_FOUND');
      for (const role of ['evaluator', 'finance', 'viewer', 'admin'] as const) {
        await patch(staff[role].token, app.id, body).expect(403);
      }
      await t.http().patch(`/api/v1/applications/${app.id}`).send(body).expect(401);
      const row = await dataSource(t).getRepository(ApplicationEntity).findOneByOrFail({ id: app.id });
      expect(row.title).toBe('Meu');
    });

    it('a budget line asking more than its amount is kept (a submission rule, not a 400)', async () => {
      const app = await draft();
      const res = await patch(own.token, app.id, {
        version: app.version,
        budgetLines: [
          { code: 'A', category: 'Obres', description: '', amount: '10.00', requestedAmount: '20.00' },
        ],
      }).expect(200);
      expect(res.body.totals.budgetBalanced).toBe(false);
    });

    it('accepts the boundaries: same start and end date, 100 %, 12 digits, goal targets with letters', async () => {
      const app = await draft();
      await patch(own.token, app.id, {
        version: app.version,
        startDate: '2027-03-01',
        endDate: '2027-03-01',
        totalCost: '999999999999.99',
        sectors: [{ code: '15170', percent: '100.00' }],
        sdgs: [{ goal: 17, targets: ['17.1', '17.19'] }],
        policyMarkers: [{ code: '1', significance: 0 }],
        beneficiaries: {
          direct: { women: 0, men: 0, other: 0, byAge: {} },
          indirect: { women: 0, men: 0, other: 0 },
        },
      }).expect(200);
    });

    describe('bad input answers 400 naming the field, and changes nothing', () => {
      let app: { id: string; version: number };
      beforeAll(async () => {
        app = await draft(fullContent(partnerId));
      });
      afterAll(async () => {
        const row = await dataSource(t).getRepository(ApplicationEntity).findOneByOrFail({ id: app.id });
        expect(row.version).toBe(app.version);
        expect(row.title).toBe(fullContent(partnerId).title);
      });

      const line = { code: 'A', category: 'C', description: 'D', amount: '1.00', requestedAmount: '1.00' };
      const counts = { women: 1, men: 1, other: 1 };
      const cases: [string, Record<string, unknown>, string][] = [
        ['an unknown top-level field', { foo: 1 }, 'foo'],
        ['an unknown field in a budget line', { budgetLines: [{ ...line, foo: 1 }] }, 'budgetLines[0].foo'],
        [
          'an unknown field in a co-funder',
          { cofunding: [{ funder: 'F', amount: '1', status: 'requested', x: 1 }] },
          'cofunding[0].x',
        ],
        [
          'an unknown field in a sector',
          { sectors: [{ code: '15170', percent: '100', x: 1 }] },
          'sectors[0].x',
        ],
        ['an unknown field in an SDG', { sdgs: [{ goal: 5, targets: [], x: 1 }] }, 'sdgs[0].x'],
        [
          'an unknown field in a marker',
          { policyMarkers: [{ code: '1', significance: 1, x: 1 }] },
          'policyMarkers[0].x',
        ],
        [
          'an unknown field in the counterpart',
          { counterpart: { name: 'n', countryCode: 'SN', description: 'd', x: 1 } },
          'counterpart.x',
        ],
        [
          'an unknown age band',
          { beneficiaries: { direct: { ...counts, byAge: { '90+': counts } }, indirect: counts } },
          'beneficiaries.direct.byAge.90+',
        ],
        [
          'an unknown field in an age band',
          {
            beneficiaries: {
              direct: { ...counts, byAge: { '0-17': { ...counts, x: 1 } } },
              indirect: counts,
            },
          },
          'beneficiaries.direct.byAge.0-17.x',
        ],
        ['money as a JSON number', { totalCost: 25000 }, 'totalCost'],
        ['a negative amount', { requestedAmount: '-1.00' }, 'requestedAmount'],
        ['three decimals', { ownContribution: '1.005' }, 'ownContribution'],
        ['more than 12 digits', { totalCost: '1234567890123' }, 'totalCost'],
        [
          'a line amount with three decimals',
          { budgetLines: [{ ...line, amount: '1.001' }] },
          'budgetLines[0].amount',
        ],
        [
          'a negative requested line amount',
          { budgetLines: [{ ...line, requestedAmount: '-5' }] },
          'budgetLines[0].requestedAmount',
        ],
        [
          'a co-funding amount as a number',
          { cofunding: [{ funder: 'F', amount: 5, status: 'confirmed' }] },
          'cofunding[0].amount',
        ],
        [
          'a co-funding status',
          { cofunding: [{ funder: 'F', amount: '5', status: 'maybe' }] },
          'cofunding[0].status',
        ],
        ['an end date before the start date', { startDate: '2027-06-01', endDate: '2027-05-31' }, 'endDate'],
        ['an end date before the stored start date', { endDate: '2026-12-31' }, 'endDate'],
        ['an impossible date', { startDate: '2027-02-30' }, 'startDate'],
        ['a date with a time', { endDate: '2027-12-31T00:00:00Z' }, 'endDate'],
        ['a title over 300 characters', { title: 'x'.repeat(301) }, 'title'],
        ['a summary over 5000 characters', { summary: 'x'.repeat(5001) }, 'summary'],
        ['an unknown modality', { modality: 'tourism' }, 'modality'],
        ['an unknown country', { countryCode: 'XX' }, 'countryCode'],
        ['a lower-case country', { countryCode: 'sn' }, 'countryCode'],
        ['a location that is not a string', { locations: [3] }, 'locations'],
        ['an unknown sector', { sectors: [{ code: '99999', percent: '100' }] }, 'sectors[0].code'],
        ['a 3-digit sector category', { sectors: [{ code: '151', percent: '100' }] }, 'sectors[0].code'],
        ['a percentage over 100', { sectors: [{ code: '15170', percent: '100.01' }] }, 'sectors[0].percent'],
        ['a percentage as a number', { sectors: [{ code: '15170', percent: 100 }] }, 'sectors[0].percent'],
        [
          'a repeated sector',
          {
            sectors: [
              { code: '15170', percent: '50' },
              { code: '15170', percent: '50' },
            ],
          },
          'sectors',
        ],
        ['goal 18', { sdgs: [{ goal: 18, targets: [] }] }, 'sdgs[0].goal'],
        ['a target of another goal', { sdgs: [{ goal: 5, targets: ['5.1', '6.1'] }] }, 'sdgs[0].targets'],
        ['an unknown target', { sdgs: [{ goal: 5, targets: ['5.99'] }] }, 'sdgs[0].targets'],
        [
          'a repeated goal',
          {
            sdgs: [
              { goal: 5, targets: [] },
              { goal: 5, targets: ['5.1'] },
            ],
          },
          'sdgs',
        ],
        [
          'an unknown policy marker',
          { policyMarkers: [{ code: '99', significance: 1 }] },
          'policyMarkers[0].code',
        ],
        [
          'significance 3',
          { policyMarkers: [{ code: '1', significance: 3 }] },
          'policyMarkers[0].significance',
        ],
        [
          'a repeated marker',
          {
            policyMarkers: [
              { code: '1', significance: 1 },
              { code: '1', significance: 2 },
            ],
          },
          'policyMarkers',
        ],
        [
          'negative beneficiaries',
          { beneficiaries: { direct: { ...counts, women: -1 }, indirect: counts } },
          'beneficiaries.direct.women',
        ],
        [
          'fractional beneficiaries',
          { beneficiaries: { direct: counts, indirect: { ...counts, men: 1.5 } } },
          'beneficiaries.indirect.men',
        ],
        ['beneficiaries without indirect', { beneficiaries: { direct: counts } }, 'beneficiaries.indirect'],
        [
          'a counterpart country',
          { counterpart: { name: 'n', countryCode: 'ZZ', description: 'd' } },
          'counterpart.countryCode',
        ],
        ['a partner that is not a uuid', { partnerEntityIds: ['abc'] }, 'partnerEntityIds'],
        [
          'an unknown partner',
          { partnerEntityIds: ['00000000-0000-4000-8000-000000000000'] },
          'partnerEntityIds[0]',
        ],
      ];

      it.each(cases)('%s', async (_name, body, field) => {
        const res = await patch(own.token, app.id, { version: app.version, ...body }).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(Object.keys(res.body.errors)).toContain(field);
      });

      it('a partner that is the applicant itself or not active', async () => {
        const suspended = await insertEntity(t, { status: 'suspended' });
        const res = await patch(own.token, app.id, {
          version: app.version,
          partnerEntityIds: [partnerId, ownEntityId, suspended.id],
        }).expect(400);
        expect(Object.keys(res.body.errors).sort()).toEqual(['partnerEntityIds[1]', 'partnerEntityIds[2]']);
      });
    });
  });

  describe('delete a draft', () => {
    it('its entity deletes a draft with its documents (rows and files), audited', async () => {
      const app = await draft({ title: 'Per esborrar' });
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
      await t
        .http()
        .post(`/api/v1/applications/${app.id}/documents`)
        .set(bearer(own.token))
        .field('type', 'attachment')
        .attach('file', pdf, 'annex.pdf')
        .expect(201);
      await t.http().delete(`/api/v1/applications/${app.id}`).set(bearer(own.token)).expect(204);
      await t.http().get(`/api/v1/applications/${app.id}`).set(bearer(own.token)).expect(404);
      expect(await rowCount({ id: app.id })).toBe(0);
      expect(await dataSource(t).getRepository(DocumentEntity).countBy({ applicationId: app.id })).toBe(0);
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectId: app.id, action: 'application.deleted' })
        .set(bearer(staff.officer.token));
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0].before.documents).toHaveLength(1);
    });

    it('refuses anything but a draft with 409 INVALID_STATE', async () => {
      const app = await draft();
      for (const status of ['submitted', 'correction_requested', 'admitted', 'withdrawn']) {
        await setStatus(app.id, status);
        const res = await t
          .http()
          .delete(`/api/v1/applications/${app.id}`)
          .set(bearer(own.token))
          .expect(409);
        expect(res.body.code).toBe('INVALID_STATE');
      }
      expect(await rowCount({ id: app.id })).toBe(1);
    });

    it('only its entity: an officer 403, another entity 404, other roles 403, anonymous 401', async () => {
      const app = await draft();
      await t.http().delete(`/api/v1/applications/${app.id}`).set(bearer(staff.officer.token)).expect(403);
      await t.http().delete(`/api/v1/applications/${app.id}`).set(bearer(other.token)).expect(404);
      for (const role of ['evaluator', 'finance', 'viewer', 'admin'] as const) {
        await t.http().delete(`/api/v1/applications/${app.id}`).set(bearer(staff[role].token)).expect(403);
      }
      await t.http().delete(`/api/v1/applications/${app.id}`).expect(401);
      expect(await rowCount({ id: app.id })).toBe(1);
    });
  });

  it('a second user of the same entity reads and edits the same drafts', async () => {
    const colleague = await entityUser(t, ownEntityId);
    const app = await draft({ title: 'Compartit' });
    const res = await patch(colleague.token, app.id, {
      version: app.version,
      title: 'Compartit i editat',
    }).expect(200);
    expect(res.body.title).toBe('Compartit i editat');
  });
});
