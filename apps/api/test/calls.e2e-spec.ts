import { ROLES, type Role } from '@cofinanca/contracts';
import type { AuditEventResponse } from '../src/modules/audit/audit.dto';
import type { CallResponse } from '../src/modules/calls/calls.dto';
import { ApplicationEntity } from '../src/modules/applications/application.entity';
import { CallClosingService } from '../src/modules/calls/call-closing.service';
import { CallEntity } from '../src/modules/calls/call.entity';
import { dataSource, entityUser, insertCall, insertEntity } from './utils/fixtures';
import { bearer, createTestApp, unique, type TestApp, type TestUser } from './utils/test-app';

const DAY = 86_400_000;

/** What a draft from the template lacks to be published: money and window. */
function completion() {
  return {
    budget: '150000.00',
    maxAmountPerApplication: '20000.00',
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
  };
}

const code = () => unique('CALL').toUpperCase();

describe('calls', () => {
  let t: TestApp;
  const people = {} as Record<Role, TestUser>;
  let officer: string;
  let officer2: string;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) people[role] = await t.user(role);
    officer = people.officer.token;
    officer2 = (await t.user('officer')).token;
  });
  afterAll(() => t.close());

  const post = (path: string, token: string, body: object = {}) =>
    t.http().post(`/api/v1/calls${path}`).set(bearer(token)).send(body);
  const get = (path: string, token: string) => t.http().get(`/api/v1/calls${path}`).set(bearer(token));
  const patch = (id: string, token: string, body: object) =>
    t.http().patch(`/api/v1/calls/${id}`).set(bearer(token)).send(body);

  async function draft(body: object = {}): Promise<CallResponse> {
    const res = await post('', officer, { code: code(), year: 2026, ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function published(body: object = {}): Promise<CallResponse> {
    const d = await draft({ ...completion(), ...body });
    const res = await post(`/${d.id}/publish`, officer);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function auditOf(subjectId: string): Promise<AuditEventResponse[]> {
    const res = await t
      .http()
      .get('/api/v1/audit')
      .query({ subjectId, pageSize: 100 })
      .set(bearer(officer))
      .expect(200);
    return res.body.items;
  }

  describe('access', () => {
    const readers: Role[] = ['entity', 'viewer', 'evaluator', 'finance'];
    let theDraft: CallResponse;
    let thePublished: CallResponse;

    beforeAll(async () => {
      theDraft = await draft({ title: { ca: 'Esborrany secret', es: '', en: '' } });
      thePublished = await published();
    });

    it('anonymous gets 401 UNAUTHENTICATED on every route', async () => {
      const id = thePublished.id;
      const requests = [
        t.http().get('/api/v1/calls'),
        t.http().get('/api/v1/calls/export.csv'),
        t.http().get(`/api/v1/calls/${id}`),
        t.http().post('/api/v1/calls').send({ code: code(), year: 2026 }),
        t.http().post('/api/v1/calls/from-template').send({ code: code(), year: 2026 }),
        t.http().patch(`/api/v1/calls/${theDraft.id}`).send({ version: theDraft.version }),
        t.http().post(`/api/v1/calls/${theDraft.id}/publish`),
        t.http().post(`/api/v1/calls/${id}/close`),
        t.http().post(`/api/v1/calls/${id}/extend`).send({ closesAt: '2099-01-01T00:00:00Z', reason: 'x' }),
      ];
      for (const res of await Promise.all(requests)) {
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHENTICATED');
      }
    });

    it('admin reads calls as any signed-in user (api.md) but manages none: 403 FORBIDDEN', async () => {
      const admin = people.admin.token;
      const reads = await Promise.all([get('', admin), get(`/${thePublished.id}`, admin)]);
      for (const res of reads) expect(res.status).toBe(200);
      expect((await get(`/${theDraft.id}`, admin)).status).toBe(404);
      const requests = [
        get('/export.csv', admin),
        post('', admin, { code: code(), year: 2026 }),
        post('/from-template', admin, { code: code(), year: 2026 }),
        patch(theDraft.id, admin, { version: theDraft.version }),
        post(`/${theDraft.id}/publish`, admin),
        post(`/${thePublished.id}/close`, admin),
        post(`/${thePublished.id}/extend`, admin, { closesAt: '2099-01-01T00:00:00Z', reason: 'x' }),
      ];
      for (const res of await Promise.all(requests)) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    });

    it.each(readers)('%s reads published calls and never sees a draft', async (role) => {
      const token = people[role].token;
      const one = await get(`/${thePublished.id}`, token).expect(200);
      expect(one.body).toMatchObject({ id: thePublished.id, status: 'published' });
      expect(one.body.rubric.blocks.length).toBeGreaterThan(0);

      const hidden = await get(`/${theDraft.id}`, token).expect(404);
      expect(hidden.body.code).toBe('NOT_FOUND');

      const list = await get('', token).query({ pageSize: 200 }).expect(200);
      const ids = list.body.items.map((c: { id: string }) => c.id);
      expect(ids).toContain(thePublished.id);
      expect(ids).not.toContain(theDraft.id);
      expect(list.body.items.every((c: { status: string }) => c.status !== 'draft')).toBe(true);

      const drafts = await get('', token).query({ status: 'draft' }).expect(200);
      expect(drafts.body.total).toBe(0);
      const searched = await get('', token).query({ q: 'Esborrany secret' }).expect(200);
      expect(searched.body.total).toBe(0);
    });

    it.each(readers)(
      '%s gets 403 FORBIDDEN on every write and the export, and nothing changes',
      async (role) => {
        const token = people[role].token;
        const newCode = code();
        const requests = [
          get('/export.csv', token),
          post('', token, { code: newCode, year: 2026 }),
          post('/from-template', token, { code: newCode, year: 2026 }),
          patch(theDraft.id, token, { version: theDraft.version, budget: '1.00' }),
          post(`/${theDraft.id}/publish`, token),
          post(`/${thePublished.id}/close`, token),
          post(`/${thePublished.id}/extend`, token, { closesAt: '2099-01-01T00:00:00Z', reason: 'x' }),
        ];
        for (const res of await Promise.all(requests)) {
          expect(res.status).toBe(403);
          expect(res.body.code).toBe('FORBIDDEN');
        }
        const list = await get('', officer).query({ q: newCode }).expect(200);
        expect(list.body.total).toBe(0);
        const d = await get(`/${theDraft.id}`, officer).expect(200);
        expect(d.body).toMatchObject({ status: 'draft', version: theDraft.version, budget: null });
        const p = await get(`/${thePublished.id}`, officer).expect(200);
        expect(p.body).toMatchObject({ status: 'published', closesAt: thePublished.closesAt });
      },
    );

    it('an officer reaches every route and sees drafts', async () => {
      await get(`/${theDraft.id}`, officer).expect(200);
      const list = await get('', officer).query({ status: 'draft', pageSize: 200 }).expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toContain(theDraft.id);
      await get('/export.csv', officer).expect(200);
      const created = await post('', officer, { code: code(), year: 2026, ...completion() }).expect(201);
      await post('/from-template', officer, { code: code(), year: 2026 }).expect(201);
      const edited = await patch(created.body.id, officer, {
        version: created.body.version,
        correctionDays: 12,
      }).expect(200);
      expect(edited.body.correctionDays).toBe(12);
      await post(`/${created.body.id}/publish`, officer).expect(200);
      await post(`/${created.body.id}/extend`, officer, {
        closesAt: new Date(Date.now() + 60 * DAY).toISOString(),
        reason: 'More time',
      }).expect(200);
      await post(`/${created.body.id}/close`, officer).expect(200);
    });

    it('an unknown or malformed id answers 404 / 400', async () => {
      const missing = await get('/00000000-0000-4000-8000-000000000000', officer).expect(404);
      expect(missing.body.code).toBe('NOT_FOUND');
      await post('/00000000-0000-4000-8000-000000000000/publish', officer).expect(404);
      const bad = await get('/not-a-uuid', officer).expect(400);
      expect(bad.body.errors).toHaveProperty('id');
    });
  });

  describe('creating', () => {
    it("from-template pre-fills product.md's default rubric (A–G, 100 points, D minimum 10) and parameters", async () => {
      const c = code();
      const res = await post('/from-template', officer, { code: c, year: 2027 }).expect(201);
      const call = res.body;
      expect(call).toMatchObject({
        code: c,
        year: 2027,
        status: 'draft',
        version: expect.any(Number),
        budget: null,
        maxAmountPerApplication: null,
        opensAt: null,
        closesAt: null,
        maxCofinancingPercent: '80.00',
        maxExecutionMonths: 12,
        justificationMonths: 3,
        budgetDeviationPercent: '20.00',
        minimumTotalScore: 50,
        allocationMethod: 'rank_order',
        requiresGenderMarker: true,
        modalities: ['development'],
        publishedAt: null,
        closedAt: null,
        rubricTotal: 100,
      });
      expect(call.rubric.blocks.map((b: { code: string }) => b.code)).toEqual([
        'A',
        'B',
        'C',
        'D',
        'E',
        'F',
        'G',
      ]);
      const points = Object.fromEntries(
        call.rubric.blocks.map((b: { code: string; criteria: { maxPoints: number }[] }) => [
          b.code,
          b.criteria.reduce((s, k) => s + k.maxPoints, 0),
        ]),
      );
      expect(points).toEqual({ A: 15, B: 10, C: 25, D: 20, E: 10, F: 10, G: 10 });
      const d = call.rubric.blocks.find((b: { code: string }) => b.code === 'D');
      expect(d.minPoints).toBe(10);
      expect(d.tieBreakOrder).toBe(1);
      expect(call.rubric.blocks.find((b: { code: string }) => b.code === 'C').tieBreakOrder).toBe(2);
      expect(call.title.ca).not.toBe('');
      expect(call.requiredDocuments.length).toBeGreaterThan(0);
      expect(new Date(call.createdAt).toISOString()).toBe(call.createdAt);

      const events = await auditOf(call.id);
      expect(events.map((e) => e.action)).toEqual(['call.created']);
      expect(events[0].actorId).toBe(people.officer.id);
      expect(events[0].after).toMatchObject({ code: c, status: 'draft' });
    });

    it('creates a draft with every parameter given, answered normalised', async () => {
      const c = code();
      const body = {
        code: c,
        year: 2026,
        title: { ca: ' Convocatòria 2026 ', es: 'Convocatoria 2026', en: 'Call 2026' },
        description: { ca: 'Descripció', es: 'Descripción', en: 'Description' },
        modalities: ['development', 'humanitarian'],
        requiresGenderMarker: false,
        budget: '175823.4',
        maxAmountPerApplication: '20000',
        maxCofinancingPercent: '75',
        opensAt: '2026-03-02T09:00:00+01:00',
        closesAt: '2026-03-31T23:59:59+02:00',
        maxExecutionMonths: 18,
        advancePercent: '100',
        justificationMonths: 4,
        correctionDays: 10,
        allegationDays: 15,
        budgetDeviationPercent: '15.5',
        minimumTotalScore: 55.5,
        divergenceThreshold: 15.25,
        allocationMethod: 'score_bands',
        minPartialAwardPercent: '60',
        scoreBands: [
          { minScore: 80, percent: '100' },
          { minScore: 65.5, percent: '80.5' },
        ],
        rubric: {
          blocks: [
            {
              code: 'A',
              name: { ca: 'Bloc A', es: 'Bloque A', en: 'Block A' },
              minPoints: 5,
              tieBreakOrder: 1,
              criteria: [
                {
                  code: 'A1',
                  name: { ca: 'c', es: 'c', en: 'c' },
                  guidance: 'Mireu-ho bé',
                  maxPoints: 60.25,
                },
                { code: 'A2', name: { ca: 'd', es: 'd', en: 'd' }, maxPoints: 39.75 },
              ],
            },
          ],
        },
        requiredDocuments: [
          { code: 'project_form', name: { ca: 'Formulari', es: 'Formulario', en: 'Form' }, required: true },
        ],
      };
      const res = await post('', officer, body).expect(201);
      expect(res.body).toMatchObject({
        code: c,
        status: 'draft',
        title: { ca: 'Convocatòria 2026', es: 'Convocatoria 2026', en: 'Call 2026' },
        modalities: ['development', 'humanitarian'],
        requiresGenderMarker: false,
        budget: '175823.40',
        maxAmountPerApplication: '20000.00',
        maxCofinancingPercent: '75.00',
        opensAt: '2026-03-02T08:00:00.000Z',
        closesAt: '2026-03-31T21:59:59.000Z',
        maxExecutionMonths: 18,
        advancePercent: '100.00',
        justificationMonths: 4,
        allegationDays: 15,
        budgetDeviationPercent: '15.50',
        minimumTotalScore: 55.5,
        divergenceThreshold: 15.25,
        allocationMethod: 'score_bands',
        minPartialAwardPercent: '60.00',
        scoreBands: [
          { minScore: 80, percent: '100.00' },
          { minScore: 65.5, percent: '80.50' },
        ],
        rubricTotal: 100,
        requiredDocuments: body.requiredDocuments,
      });
      expect(res.body.rubric.blocks[0]).toMatchObject({
        code: 'A',
        minPoints: 5,
        tieBreakOrder: 1,
        criteria: [
          { code: 'A1', guidance: 'Mireu-ho bé', maxPoints: 60.25 },
          { code: 'A2', guidance: null, maxPoints: 39.75 },
        ],
      });
      const again = await get(`/${res.body.id}`, officer).expect(200);
      expect(again.body).toEqual(res.body);
    });

    it('parameters left out come from the template', async () => {
      const res = await post('', officer, { code: code(), year: 2026, budget: '1000.00' }).expect(201);
      expect(res.body).toMatchObject({ budget: '1000.00', maxCofinancingPercent: '80.00', rubricTotal: 100 });
      expect(res.body.rubric.blocks).toHaveLength(7);
    });

    it('a code already taken answers 409 DUPLICATE on code (create, from template and rename)', async () => {
      const first = await draft();
      for (const res of [
        await post('', officer, { code: first.code, year: 2026 }),
        await post('/from-template', officer, { code: first.code, year: 2026 }),
      ]) {
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('DUPLICATE');
        expect(res.body.errors).toHaveProperty('code');
      }
      const other = await draft();
      const rename = await patch(other.id, officer, { version: other.version, code: first.code }).expect(409);
      expect(rename.body.code).toBe('DUPLICATE');
      const list = await get('', officer).query({ q: first.code }).expect(200);
      expect(list.body.total).toBe(1);
    });

    it('code and year are required', async () => {
      const res = await post('', officer, {}).expect(400);
      expect(res.body.errors).toHaveProperty('code');
      expect(res.body.errors).toHaveProperty('year');
      const tpl = await post('/from-template', officer, { code: 'bad code!' }).expect(400);
      expect(tpl.body.errors).toHaveProperty('code');
      expect(tpl.body.errors).toHaveProperty('year');
    });
  });

  describe('bad input → 400 VALIDATION_FAILED naming the field', () => {
    const base = () => ({ code: code(), year: 2026 });

    it.each([
      ['budget', { budget: '100.123' }],
      ['budget', { budget: '-100.00' }],
      ['budget', { budget: 100 }],
      ['budget', { budget: '1e5' }],
      ['maxAmountPerApplication', { maxAmountPerApplication: '20000.001' }],
      ['maxAmountPerApplication', { maxAmountPerApplication: 20000 }],
      ['maxCofinancingPercent', { maxCofinancingPercent: '100.01' }],
      ['maxCofinancingPercent', { maxCofinancingPercent: '80.123' }],
      ['maxCofinancingPercent', { maxCofinancingPercent: 80 }],
      ['advancePercent', { advancePercent: '-1' }],
      ['scoreBands[0].percent', { scoreBands: [{ minScore: 50, percent: '101' }] }],
      ['maxExecutionMonths', { maxExecutionMonths: -1 }],
      ['maxExecutionMonths', { maxExecutionMonths: 1.5 }],
      ['correctionDays', { correctionDays: '10' }],
      ['minimumTotalScore', { minimumTotalScore: 50.123 }],
      ['minimumTotalScore', { minimumTotalScore: '50' }],
      ['divergenceThreshold', { divergenceThreshold: -1 }],
      ['opensAt', { opensAt: '2026-03-02T09:00:00' }],
      ['opensAt', { opensAt: '2026-03-02' }],
      ['closesAt', { closesAt: '2026-02-30T09:00:00Z' }],
      ['closesAt', { opensAt: '2026-03-31T10:00:00Z', closesAt: '2026-03-31T10:00:00Z' }],
      ['closesAt', { opensAt: '2026-04-01T00:00:00+02:00', closesAt: '2026-03-31T23:59:59+02:00' }],
      ['modalities', { modalities: ['tourism'] }],
      ['modalities', { modalities: ['epts', 'epts'] }],
      ['allocationMethod', { allocationMethod: 'lottery' }],
      ['title.ca', { title: { ca: 1, es: '', en: '' } }],
      ['title.en', { title: { ca: '', es: '' } }],
      ['title', { title: [] }],
      ['title', { title: 'Convocatòria' }],
      ['requiresGenderMarker', { requiresGenderMarker: 'yes' }],
      ['rubric.blocks', { rubric: {} }],
      ['rubric.blocks[0]', { rubric: { blocks: [[]] } }],
      ['rubric.blocks[0].criteria[0].maxPoints', { rubric: rubricWith({ maxPoints: '5' }) }],
      ['rubric.blocks[0].criteria[0].maxPoints', { rubric: rubricWith({ maxPoints: 5.555 }) }],
      ['rubric.blocks[0].criteria[0].maxPoints', { rubric: rubricWith({ maxPoints: -5 }) }],
      ['rubric.blocks[0].criteria[0].name', { rubric: rubricWith({ name: null }) }],
      ['rubric.blocks[0].minPoints', { rubric: rubricWith({}, { minPoints: -1 }) }],
      ['rubric.blocks[0].tieBreakOrder', { rubric: rubricWith({}, { tieBreakOrder: 0 }) }],
      ['requiredDocuments[0].code', { requiredDocuments: [doc({ code: 'attachment' })] }],
      ['requiredDocuments[0].code', { requiredDocuments: [doc({ code: 'bank_certificate' })] }],
      ['requiredDocuments[0].code', { requiredDocuments: [doc({ code: 'correction' })] }],
      ['requiredDocuments[0].code', { requiredDocuments: [doc({ code: 'Project Form' })] }],
      ['requiredDocuments[0].required', { requiredDocuments: [doc({ required: 'yes' })] }],
      ['maxCofinancingPercent', { maxCofinancingPercent: null }],
      ['rubric', { rubric: null }],
    ])('%s: %j', async (field, extra) => {
      const body = { ...base(), ...extra };
      const res = await post('', officer, body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toHaveProperty([field]);
      const list = await get('', officer).query({ q: body.code }).expect(200);
      expect(list.body.total).toBe(0);
    });

    it.each([
      ['extra', { extra: 1 }],
      ['title.fr', { title: { ca: '', es: '', en: '', fr: 'x' } }],
      ['description.de', { description: { ca: '', es: '', en: '', de: 'x' } }],
      ['rubric.weights', { rubric: { blocks: [], weights: 1 } }],
      ['rubric.blocks[0].weight', { rubric: rubricWith({}, { weight: 2 }) }],
      ['rubric.blocks[0].name.fr', { rubric: rubricWith({}, { name: { ca: '', es: '', en: '', fr: '' } }) }],
      ['rubric.blocks[0].criteria[0].hint', { rubric: rubricWith({ hint: 'x' }) }],
      [
        'rubric.blocks[0].criteria[0].name.it',
        { rubric: rubricWith({ name: { ca: '', es: '', en: '', it: '' } }) },
      ],
      ['requiredDocuments[0].maxSize', { requiredDocuments: [{ ...doc(), maxSize: 10 }] }],
      [
        'requiredDocuments[0].name.pt',
        { requiredDocuments: [doc({ name: { ca: '', es: '', en: '', pt: '' } })] },
      ],
      ['scoreBands[0].amount', { scoreBands: [{ minScore: 50, percent: '80', amount: '1' }] }],
    ])('an unknown field at any depth is refused: %s', async (field, extra) => {
      const res = await post('', officer, { ...base(), ...extra }).expect(400);
      expect(res.body.errors[field]).toEqual([{ code: 'UNKNOWN_FIELD', message: 'No és un camp conegut.' }]);
    });

    it('unknown fields are refused in PATCH and extend bodies too', async () => {
      const d = await draft();
      const res = await patch(d.id, officer, {
        version: d.version,
        rubric: rubricWith({ extra: true }),
      }).expect(400);
      expect(res.body.errors).toHaveProperty(['rubric.blocks[0].criteria[0].extra']);
      const p = await published();
      const ext = await post(`/${p.id}/extend`, officer, {
        closesAt: new Date(Date.now() + 60 * DAY).toISOString(),
        reason: 'r',
        notify: false,
      }).expect(400);
      expect(ext.body.errors).toHaveProperty('notify');
      const after = await get(`/${p.id}`, officer).expect(200);
      expect(after.body.closesAt).toBe(p.closesAt);
    });

    it('lists refuse a pageSize over 200, an unknown sort and a bad status', async () => {
      expect((await get('', officer).query({ pageSize: 201 }).expect(400)).body.errors).toHaveProperty(
        'pageSize',
      );
      expect((await get('', officer).query({ sort: 'budget' }).expect(400)).body.errors).toHaveProperty(
        'sort',
      );
      expect((await get('', officer).query({ status: 'open' }).expect(400)).body.errors).toHaveProperty(
        'status',
      );
    });
  });

  describe('editing a draft', () => {
    it('PATCH without version → 400; with a stale one → 409 STALE_VERSION and nothing changes', async () => {
      const d = await draft();
      const missing = await patch(d.id, officer, { budget: '100.00' }).expect(400);
      expect(missing.body.errors).toHaveProperty('version');
      const stale = await patch(d.id, officer, { version: d.version - 1, budget: '100.00' }).expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const after = await get(`/${d.id}`, officer).expect(200);
      expect(after.body).toMatchObject({ budget: null, version: d.version });
    });

    it('two officers editing the same draft: the second gets 409 STALE_VERSION', async () => {
      const d = await draft();
      const a = await get(`/${d.id}`, officer).expect(200);
      const b = await get(`/${d.id}`, officer2).expect(200);
      const first = await patch(d.id, officer, { version: a.body.version, budget: '100000.00' }).expect(200);
      expect(first.body.version).toBe(a.body.version + 1);
      const second = await patch(d.id, officer2, { version: b.body.version, budget: '90000.00' }).expect(409);
      expect(second.body.code).toBe('STALE_VERSION');
      const after = await get(`/${d.id}`, officer).expect(200);
      expect(after.body.budget).toBe('100000.00');
    });

    it('arrays replace the stored ones whole; absent fields stay; null clears a nullable one', async () => {
      const d = await draft({ budget: '5000.00' });
      const res = await patch(d.id, officer, {
        version: d.version,
        modalities: ['epts'],
        requiredDocuments: [doc({ code: 'only_one' })],
        rubric: rubricWith({ maxPoints: 30 }),
      }).expect(200);
      expect(res.body.modalities).toEqual(['epts']);
      expect(res.body.requiredDocuments).toEqual([doc({ code: 'only_one' })]);
      expect(res.body.rubric.blocks).toHaveLength(1);
      expect(res.body.rubricTotal).toBe(30);
      expect(res.body.budget).toBe('5000.00');
      expect(res.body.title).toEqual(d.title);
      const cleared = await patch(d.id, officer, { version: res.body.version, budget: null }).expect(200);
      expect(cleared.body.budget).toBeNull();
    });

    it('a PATCH moving closesAt before the stored opensAt → 400 on closesAt', async () => {
      const d = await draft({ opensAt: '2026-03-02T09:00:00+01:00', closesAt: '2026-03-31T23:59:59+02:00' });
      const res = await patch(d.id, officer, {
        version: d.version,
        closesAt: '2026-03-01T00:00:00+01:00',
      }).expect(400);
      expect(res.body.errors).toHaveProperty('closesAt');
      const opens = await patch(d.id, officer, {
        version: d.version,
        opensAt: '2026-04-01T00:00:00+02:00',
      }).expect(400);
      expect(opens.body.errors).toHaveProperty('closesAt');
    });

    it('every edit is audited as call.updated with before and after', async () => {
      const d = await draft();
      await patch(d.id, officer, { version: d.version, budget: '123.45', correctionDays: 7 }).expect(200);
      const events = await auditOf(d.id);
      const updated = events.find((e) => e.action === 'call.updated');
      expect(updated?.before).toMatchObject({ budget: null, correctionDays: d.correctionDays });
      expect(updated?.after).toMatchObject({ budget: '123.45', correctionDays: 7 });
    });

    it('a PATCH that changes nothing leaves no audit event', async () => {
      const d = await draft();
      const res = await patch(d.id, officer, { version: d.version, budget: null }).expect(200);
      expect(res.body.version).toBe(d.version);
      expect((await auditOf(d.id)).map((e) => e.action)).toEqual(['call.created']);
    });

    it('after publishing, PATCH answers 409 INVALID_STATE and nothing changes', async () => {
      const p = await published();
      const res = await patch(p.id, officer, { version: p.version, budget: '1.00' }).expect(409);
      expect(res.body.code).toBe('INVALID_STATE');
      const after = await get(`/${p.id}`, officer).expect(200);
      expect(after.body.budget).toBe(p.budget);
    });
  });

  describe('publishing', () => {
    it('an incomplete call → 422 CALL_INCOMPLETE naming the fields, and nothing changes', async () => {
      const d = await draft();
      const res = await post(`/${d.id}/publish`, officer).expect(422);
      expect(res.body.code).toBe('CALL_INCOMPLETE');
      for (const field of ['budget', 'maxAmountPerApplication', 'opensAt', 'closesAt']) {
        expect(res.body.errors).toHaveProperty([field]);
      }
      const after = await get(`/${d.id}`, officer).expect(200);
      expect(after.body).toMatchObject({ status: 'draft', publishedAt: null, version: d.version });
      expect((await auditOf(d.id)).map((e) => e.action)).not.toContain('call.published');
      await get(`/${d.id}`, people.entity.token).expect(404);
    });

    it('names a criterion without points, an empty title and an empty rubric', async () => {
      const d = await draft({ ...completion(), rubric: rubricWith({ maxPoints: 0 }) });
      const res = await post(`/${d.id}/publish`, officer).expect(422);
      expect(res.body.errors).toHaveProperty(['rubric.blocks[0].criteria[0].maxPoints']);

      const e = await draft({
        ...completion(),
        title: { ca: 'Títol', es: 'Título', en: '' },
        rubric: { blocks: [] },
      });
      const res2 = await post(`/${e.id}/publish`, officer).expect(422);
      expect(res2.body.errors).toHaveProperty(['title.en']);
      expect(res2.body.errors).toHaveProperty(['rubric.blocks']);
      expect(res2.body.errors).not.toHaveProperty('budget');
    });

    it('a deadline already passed → 422 CALL_INCOMPLETE on closesAt', async () => {
      const d = await draft({
        ...completion(),
        opensAt: new Date(Date.now() - 10 * DAY).toISOString(),
        closesAt: new Date(Date.now() - DAY).toISOString(),
      });
      const res = await post(`/${d.id}/publish`, officer).expect(422);
      expect(Object.keys(res.body.errors)).toEqual(['closesAt']);
    });

    it('a complete draft is published, visible to NGOs, audited; publishing again → 409', async () => {
      const d = await draft(completion());
      const res = await post(`/${d.id}/publish`, officer).expect(200);
      expect(res.body).toMatchObject({ status: 'published', version: d.version + 1 });
      expect(Date.parse(res.body.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
      await get(`/${d.id}`, people.entity.token).expect(200);
      const events = await auditOf(d.id);
      expect(events[0]).toMatchObject({ action: 'call.published', actorId: people.officer.id });
      const again = await post(`/${d.id}/publish`, officer).expect(409);
      expect(again.body.code).toBe('INVALID_STATE');
    });
  });

  describe('closing', () => {
    it('an officer closes a published call: closed, closedAt, audited; a draft or closed call → 409', async () => {
      const p = await published();
      const res = await post(`/${p.id}/close`, officer).expect(200);
      expect(res.body.status).toBe('closed');
      expect(Date.parse(res.body.closedAt)).toBeGreaterThan(Date.now() - 60_000);
      const events = await auditOf(p.id);
      expect(events[0]).toMatchObject({
        action: 'call.closed',
        actorId: people.officer.id,
        before: { status: 'published' },
        after: { status: 'closed' },
      });
      expect((await post(`/${p.id}/close`, officer).expect(409)).body.code).toBe('INVALID_STATE');
      const d = await draft();
      expect((await post(`/${d.id}/close`, officer).expect(409)).body.code).toBe('INVALID_STATE');
      const reopened = await post(`/${p.id}/extend`, officer, {
        closesAt: new Date(Date.now() + 90 * DAY).toISOString(),
        reason: 'x',
      }).expect(409);
      expect(reopened.body.code).toBe('INVALID_STATE');
    });

    it('closeDue(now) closes every published call whose closesAt has come, and only those', async () => {
      const closing = t.app.get(CallClosingService);
      const now = Date.now();
      const due = await insertCall(t, {
        closesAt: new Date(now - 60_000),
        opensAt: new Date(now - 10 * DAY),
      });
      const exactlyNow = await insertCall(t, { closesAt: new Date(now), opensAt: new Date(now - 10 * DAY) });
      const open = await insertCall(t, { closesAt: new Date(now + 60 * 60_000) });
      const draftPast = await insertCall(t, {
        status: 'draft',
        publishedAt: null,
        opensAt: new Date(now - 10 * DAY),
        closesAt: new Date(now - DAY),
      });
      const closedBefore = await insertCall(t, {
        status: 'closed',
        closedAt: new Date(now - DAY),
        opensAt: new Date(now - 10 * DAY),
        closesAt: new Date(now - DAY),
      });

      const closed = await closing.closeDue(new Date(now));
      expect(closed).toEqual(expect.arrayContaining([due.id, exactlyNow.id]));
      for (const other of [open, draftPast, closedBefore]) expect(closed).not.toContain(other.id);

      const repo = dataSource(t).getRepository(CallEntity);
      const dueAfter = await repo.findOneByOrFail({ id: due.id });
      expect(dueAfter.status).toBe('closed');
      expect(dueAfter.closedAt?.getTime()).toBe(due.closesAt?.getTime());
      expect((await repo.findOneByOrFail({ id: open.id })).status).toBe('published');
      expect((await repo.findOneByOrFail({ id: draftPast.id })).status).toBe('draft');
      expect((await repo.findOneByOrFail({ id: closedBefore.id })).closedAt?.getTime()).toBe(
        closedBefore.closedAt?.getTime(),
      );

      const events = await auditOf(due.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'call.closed', actorId: null, after: { status: 'closed' } });

      // A call extended between the search and its row lock stays published.
      const ds = dataSource(t);
      const raced = await insertCall(t, {
        closesAt: new Date(now - 1000),
        opensAt: new Date(now - 10 * DAY),
      });
      const query = ds.query.bind(ds);
      const spy = jest
        .spyOn(ds, 'query')
        .mockImplementationOnce(async (...args: Parameters<typeof ds.query>) => {
          const rows = await query(...args);
          await query(`UPDATE calls SET closes_at = $2 WHERE id = $1`, [raced.id, new Date(now + DAY)]);
          return rows;
        });
      try {
        expect(await closing.closeDue(new Date(now))).not.toContain(raced.id);
      } finally {
        spy.mockRestore();
      }
      expect((await repo.findOneByOrFail({ id: raced.id })).status).toBe('published');

      // Later, the open one is due too; and nothing closes twice.
      const later = await closing.closeDue(new Date(now + 2 * 60 * 60_000));
      expect(later).toContain(open.id);
      expect(later).not.toContain(due.id);
      expect(await auditOf(due.id)).toHaveLength(1);
    });
  });

  describe('extending the deadline', () => {
    it('only a published call whose deadline has not passed (else 409 INVALID_STATE)', async () => {
      const d = await draft(completion());
      const body = { closesAt: new Date(Date.now() + 90 * DAY).toISOString(), reason: 'More time' };
      expect((await post(`/${d.id}/extend`, officer, body).expect(409)).body.code).toBe('INVALID_STATE');
      const passed = await insertCall(t, {
        opensAt: new Date(Date.now() - 10 * DAY),
        closesAt: new Date(Date.now() - 1000),
      });
      expect((await post(`/${passed.id}/extend`, officer, body).expect(409)).body.code).toBe('INVALID_STATE');
      const after = await dataSource(t).getRepository(CallEntity).findOneByOrFail({ id: passed.id });
      expect(after.closesAt?.getTime()).toBe(passed.closesAt?.getTime());
    });

    it('the new deadline must be later, and a reason is required (400)', async () => {
      const p = await published();
      const current = Date.parse(p.closesAt as string);
      for (const [field, body] of [
        ['closesAt', { closesAt: new Date(current - DAY).toISOString(), reason: 'r' }],
        ['closesAt', { closesAt: new Date(current).toISOString(), reason: 'r' }],
        ['closesAt', { closesAt: '2099-01-01T10:00:00', reason: 'r' }],
        ['closesAt', { reason: 'r' }],
        ['reason', { closesAt: new Date(current + DAY).toISOString() }],
        ['reason', { closesAt: new Date(current + DAY).toISOString(), reason: '   ' }],
      ] as const) {
        const res = await post(`/${p.id}/extend`, officer, body).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.errors).toHaveProperty([field]);
      }
      const after = await get(`/${p.id}`, officer).expect(200);
      expect(after.body).toMatchObject({ closesAt: p.closesAt, version: p.version });
    });

    it('moves closesAt, audits before/after and e-mails the users of entities with drafts, in their language', async () => {
      const call = await insertCall(t);
      const otherCall = await insertCall(t);
      const withDraft = await insertEntity(t);
      const withSubmitted = await insertEntity(t);
      const withDraftElsewhere = await insertEntity(t);
      const withNothing = await insertEntity(t);

      const ca = await entityUser(t, withDraft.id);
      const es = await t.user('entity', { entityId: withDraft.id, locale: 'es' });
      const en = await t.user('entity', { entityId: withDraft.id, locale: 'en' });
      const gone = await t.user('entity', { entityId: withDraft.id });
      await t
        .http()
        .patch(`/api/v1/users/${gone.id}`)
        .set(bearer(t.adminToken))
        .send({ version: gone.version, active: false })
        .expect(200);
      const demoted = await t.user('entity', { entityId: withDraft.id });
      await t
        .http()
        .patch(`/api/v1/users/${demoted.id}`)
        .set(bearer(t.adminToken))
        .send({ version: demoted.version, roles: ['viewer'] })
        .expect(200);
      const submittedUser = await entityUser(t, withSubmitted.id);
      const elsewhereUser = await entityUser(t, withDraftElsewhere.id);
      const nothingUser = await entityUser(t, withNothing.id);

      const apps = dataSource(t).getRepository(ApplicationEntity);
      await apps.save(apps.create({ callId: call.id, entityId: withDraft.id, status: 'draft' }));
      await apps.save(apps.create({ callId: call.id, entityId: withDraft.id, status: 'draft' }));
      await apps.save(
        apps.create({
          callId: call.id,
          entityId: withSubmitted.id,
          status: 'submitted',
          registryNumber: `REG-2099-${String(Math.floor(Math.random() * 999999)).padStart(6, '0')}`,
          submittedAt: new Date(),
        }),
      );
      await apps.save(
        apps.create({ callId: otherCall.id, entityId: withDraftElsewhere.id, status: 'draft' }),
      );

      const closesAt = '2099-07-15T23:59:00+02:00';
      const res = await post(`/${call.id}/extend`, officer, {
        closesAt,
        reason: 'Vaga de transports',
      }).expect(200);
      expect(res.body).toMatchObject({ status: 'published', closesAt: '2099-07-15T21:59:00.000Z' });

      const events = await auditOf(call.id);
      expect(events[0]).toMatchObject({
        action: 'call.extended',
        actorId: people.officer.id,
        before: { closesAt: call.closesAt?.toISOString() },
        after: { closesAt: '2099-07-15T21:59:00.000Z', reason: 'Vaga de transports' },
      });

      const mails: { to_address: string; locale: string; subject: string; text: string }[] = await dataSource(
        t,
      ).query(
        `SELECT to_address, locale, subject, text FROM outbox_messages WHERE template = 'call_extended' AND to_address = ANY($1)`,
        [[ca, es, en, gone, demoted, submittedUser, elsewhereUser, nothingUser].map((u) => u.email)],
      );
      const byAddress = Object.fromEntries(mails.map((m) => [m.to_address, m]));
      expect(Object.keys(byAddress).sort()).toEqual([ca.email, es.email, en.email].sort());
      expect(mails).toHaveLength(3); // one each, although the entity has two drafts

      expect(byAddress[ca.email]).toMatchObject({
        locale: 'ca',
        subject: `S'ha ampliat el termini de la convocatòria ${call.code}`,
      });
      expect(byAddress[ca.email].text).toContain('15 de juliol del 2099');
      expect(byAddress[ca.email].text).toContain('a les 23:59');
      expect(byAddress[ca.email].text).toContain(call.title.ca);
      expect(byAddress[ca.email].text).toContain('Vaga de transports');
      expect(byAddress[ca.email].text).toContain(`http://cofinanca.test/open-calls/${call.id}`);
      expect(byAddress[es.email].locale).toBe('es');
      expect(byAddress[es.email].text).toContain('15 de julio de 2099');
      expect(byAddress[es.email].text).toContain('a las 23:59');
      expect(byAddress[en.email].locale).toBe('en');
      expect(byAddress[en.email].text).toContain('15 July 2099 at 23:59');
    });
  });

  it('documents the call schemas under the names the back-office uses', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    for (const name of [
      'CallResponse',
      'CallPage',
      'CreateCallDto',
      'UpdateCallDto',
      'CallFromTemplateDto',
      'ExtendCallDto',
      'RubricDto',
      'RubricBlockDto',
      'RubricCriterionDto',
      'RequiredDocumentDto',
      'ScoreBandDto',
      'LocalisedText',
    ]) {
      expect(doc.components.schemas).toHaveProperty([name]);
    }
    expect(doc.components.schemas.UpdateCallDto.required).toEqual(['version']);
    expect(doc.components.schemas.CreateCallDto.required).toEqual(expect.arrayContaining(['code', 'year']));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/calls',
        '/api/v1/calls/export.csv',
        '/api/v1/calls/from-template',
        '/api/v1/calls/{id}',
        '/api/v1/calls/{id}/publish',
        '/api/v1/calls/{id}/close',
        '/api/v1/calls/{id}/extend',
      ]),
    );
  });

  describe('listing', () => {
    it('pages, filters by year, status and text, and sorts', async () => {
      const year = 2031;
      const tag = unique('list').toUpperCase();
      const a = await draft({ code: `${tag}-A`, year, title: { ca: 'Alfa única', es: '', en: '' } });
      const b = await published({ code: `${tag}-B`, year });
      const c = await draft({ code: `${tag}-C`, year: 2032 });

      const byYear = await get('', officer).query({ year, sort: 'code' }).expect(200);
      expect(byYear.body.items.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
      const desc = await get('', officer).query({ year, sort: '-code' }).expect(200);
      expect(desc.body.items.map((x: { id: string }) => x.id)).toEqual([b.id, a.id]);
      const paged = await get('', officer).query({ q: tag, sort: 'code', pageSize: 2, page: 2 }).expect(200);
      expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(paged.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
      const onlyPublished = await get('', officer).query({ q: tag, status: 'published' }).expect(200);
      expect(onlyPublished.body.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
      const byTitle = await get('', officer).query({ q: 'alfa ÚNICA' }).expect(200);
      expect(byTitle.body.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
      for (const sort of ['year', '-closesAt', 'createdAt']) {
        await get('', officer).query({ sort }).expect(200);
      }
      const entityView = await get('', people.entity.token).query({ q: tag }).expect(200);
      expect(entityView.body.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    });

    it('answers money and percentages as 2-decimal strings, scores as numbers, instants as ISO', async () => {
      const p = await published({ budget: '99999', minimumTotalScore: 50 });
      const res = await get('', people.viewer.token).query({ q: p.code }).expect(200);
      const item = res.body.items[0];
      expect(item.budget).toBe('99999.00');
      expect(item.maxCofinancingPercent).toBe('80.00');
      expect(item.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      // The list gives summaries; the rules of evaluation come with the call itself.
      expect(item).not.toHaveProperty('minimumTotalScore');
      const detail = await get(`/${p.id}`, people.viewer.token).expect(200);
      expect(detail.body.minimumTotalScore).toBe(50);
      expect(typeof detail.body.divergenceThreshold).toBe('number');
    });

    it('exports CSV for spreadsheets (BOM, `;`), with the filters', async () => {
      const p = await published({ title: { ca: 'Títol; amb punt i coma', es: 'Título', en: 'Title' } });
      const res = await get('/export.csv', officer).query({ q: p.code }).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const text = res.text;
      expect(text.startsWith('\uFEFFCodi;Any;Títol;Estat')).toBe(true);
      const lines = text.trim().split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`${p.code};2026;"Títol; amb punt i coma";Publicada`);
    });
  });
});

function rubricWith(criterion: Record<string, unknown> = {}, block: Record<string, unknown> = {}) {
  return {
    blocks: [
      {
        code: 'A',
        name: { ca: 'Bloc', es: 'Bloque', en: 'Block' },
        criteria: [
          {
            code: 'A1',
            name: { ca: 'Criteri', es: 'Criterio', en: 'Criterion' },
            maxPoints: 10,
            ...criterion,
          },
        ],
        ...block,
      },
    ],
  };
}

function doc(overrides: Record<string, unknown> = {}) {
  return {
    code: 'project_form',
    name: { ca: 'Formulari', es: 'Formulario', en: 'Form' },
    required: true,
    ...overrides,
  };
}
