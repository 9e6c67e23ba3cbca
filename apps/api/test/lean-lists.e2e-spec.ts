/**
 * The hot path: lists answer summaries (a page of 25 full-size calls or applications stays under 40 KB, the detail
 * keeps everything), an authenticated list costs its list and its total (the session check is cached for seconds),
 * and revoking a session is still immediate.
 */
import { Client } from 'pg';
import { defaultCallTemplate } from '@cofinanca/domain';
import { RequestContext } from '../src/common/request-context';
import { ApplicationEntity } from '../src/modules/applications/application.entity';
import type { CallEntity } from '../src/modules/calls/call.entity';
import { dataSource, insertCall, insertEntity } from './utils/fixtures';
import { fullApplication } from './utils/submission-fixtures';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

const PAGE_LIMIT = 40_000;

/** `n` characters of realistic prose (accented, as the council writes). */
const prose = (n: number, seed = '') =>
  `${seed}Projecte de cooperació amb les organitzacions de dones per a l'accés a l'aigua. `
    .repeat(Math.ceil(n / 80))
    .slice(0, n);

/** A call as full as the API accepts: every text at its maximum, a rubric with guidance for every criterion. */
function fullCallColumns(i: number): Partial<CallEntity> {
  const tpl = defaultCallTemplate();
  const text = (n: number) => ({ ca: prose(n, `ca${i} `), es: prose(n, `es${i} `), en: prose(n, `en${i} `) });
  return {
    title: text(300),
    description: text(20_000),
    rubric: {
      blocks: tpl.rubric.blocks.map((b) => ({
        ...b,
        name: text(300),
        criteria: b.criteria.map((c) => ({ ...c, name: text(300), guidance: prose(4000) })),
      })),
    },
    requiredDocuments: Array.from({ length: 10 }, (_, k) => ({
      code: `document_${k}`,
      name: text(300),
      required: k % 2 === 0,
    })),
  };
}

/** An application as full as the API accepts: long texts, 200 budget lines, every list filled. */
function fullApplicationColumns(): Partial<ApplicationEntity> {
  const base = fullApplication();
  const lines = Array.from({ length: 200 }, (_, k) => ({
    code: `L${k}`,
    category: prose(200),
    description: prose(2000),
    amount: '125.00',
    requestedAmount: '90.00',
  }));
  return {
    ...(base as Partial<ApplicationEntity>),
    title: prose(300),
    summary: prose(5000),
    locations: Array.from({ length: 50 }, (_, k) => prose(200, `${k} `)),
    budgetLines: lines,
    totalCost: '25000.00',
    requestedAmount: '18000.00',
    cofunding: Array.from({ length: 50 }, () => ({
      funder: prose(300),
      amount: '100.00',
      status: 'confirmed' as const,
    })),
    counterpart: { name: prose(300), countryCode: 'SN', description: prose(5000) },
  };
}

/** Counts the SQL statements sent while serving HTTP requests (not the background jobs, which have no request id). */
function countQueries() {
  const original = Client.prototype.query;
  let count = 0;
  const statements: string[] = [];
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    if (RequestContext.get().requestId) {
      count++;
      const q = args[0];
      statements.push(typeof q === 'string' ? q : String((q as { text?: string })?.text ?? q));
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  return {
    take() {
      const result = { count, statements: [...statements] };
      count = 0;
      statements.length = 0;
      return result;
    },
    restore() {
      Client.prototype.query = original;
    },
  };
}

describe('lean lists', () => {
  let t: TestApp;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user('officer');
  });
  afterAll(() => t.close());

  describe('summaries', () => {
    let calls: CallEntity[];

    beforeAll(async () => {
      calls = [];
      for (let i = 0; i < 25; i++) calls.push(await insertCall(t, fullCallColumns(i)));
      // The applications' calls and entity have names of a real length (every title of a call at its 300-character
      // maximum in the three languages would be 54 KB a page: the call's title is what the lists show of it).
      const entity = await insertEntity(t, { legalName: "Associació d'Amistat amb el Poble de Ziguinxor" });
      const applied: CallEntity[] = [];
      for (let i = 0; i < 5; i++) {
        applied.push(
          await insertCall(t, {
            ...fullCallColumns(i),
            title: {
              ca: `Convocatòria de subvencions a projectes de cooperació al desenvolupament ${2026 + i}`,
              es: `Convocatoria de subvenciones a proyectos de cooperación al desarrollo ${2026 + i}`,
              en: `Call for grants to development cooperation projects ${2026 + i}`,
            },
          }),
        );
      }
      const repo = dataSource(t).getRepository(ApplicationEntity);
      for (let i = 0; i < 25; i++) {
        await repo.save(
          repo.create({
            ...fullApplicationColumns(),
            callId: applied[i % 5].id,
            entityId: entity.id,
            status: 'draft',
            registryNumber: null,
            submittedAt: null,
            statusReason: null,
            createdBy: officer.id,
          }),
        );
      }
    });

    it('a page of 25 full-size calls weighs under 40 KB; the detail has every text and the rubric', async () => {
      // Oldest first: the 25 calls whose every text is at its maximum.
      const res = await t.http().get('/api/v1/calls?pageSize=25&sort=createdAt').set(bearer(officer.token));
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(25);
      expect(Buffer.byteLength(res.text)).toBeLessThan(PAGE_LIMIT);
      const item = res.body.items[0];
      expect(item).toEqual(
        expect.objectContaining({ id: expect.any(String), code: expect.any(String), status: 'published' }),
      );
      expect(item.title.ca).toHaveLength(300);
      for (const heavy of ['description', 'rubric', 'requiredDocuments'])
        expect(item).not.toHaveProperty(heavy);

      const detail = await t.http().get(`/api/v1/calls/${item.id}`).set(bearer(officer.token));
      expect(detail.status).toBe(200);
      expect(detail.body.description.ca).toHaveLength(20_000);
      expect(detail.body.rubric.blocks[0].criteria[0].guidance).toHaveLength(4000);
      expect(detail.body.requiredDocuments).toHaveLength(10);
      expect(Buffer.byteLength(detail.text)).toBeGreaterThan(60_000);
    });

    it('a page of 25 full-size applications weighs under 40 KB; the detail has the whole content', async () => {
      const res = await t.http().get('/api/v1/applications?pageSize=25').set(bearer(officer.token));
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(25);
      expect(Buffer.byteLength(res.text)).toBeLessThan(PAGE_LIMIT);
      const item = res.body.items[0];
      expect(item).toEqual(
        expect.objectContaining({
          title: expect.any(String),
          requestedAmount: '18000.00',
          call: { id: expect.any(String), code: expect.any(String), title: expect.any(Object) },
          entity: { id: expect.any(String), legalName: expect.any(String), nif: expect.any(String) },
          openRequirementDueDate: null,
        }),
      );
      for (const heavy of [
        'summary',
        'budgetLines',
        'cofunding',
        'locations',
        'counterpart',
        'beneficiaries',
      ]) {
        expect(item).not.toHaveProperty(heavy);
      }

      const detail = await t.http().get(`/api/v1/applications/${item.id}`).set(bearer(officer.token));
      expect(detail.status).toBe(200);
      expect(detail.body.summary).toHaveLength(5000);
      expect(detail.body.budgetLines).toHaveLength(200);
      expect(detail.body.cofunding).toHaveLength(50);
      expect(detail.body.counterpart.description).toHaveLength(5000);
      expect(detail.body.totals.budgetLinesTotal).toBe('25000.00');
    });

    it('the exports still carry every column of the list', async () => {
      const res = await t.http().get('/api/v1/applications/export.csv').set(bearer(officer.token));
      expect(res.status).toBe(200);
      const lines = res.text.trim().split('\r\n');
      expect(lines).toHaveLength(26);
      expect(lines[1]).toContain('25000,00');
    });
  });

  describe('queries per request', () => {
    let counter: ReturnType<typeof countQueries>;
    beforeAll(() => {
      counter = countQueries();
    });
    afterAll(() => counter.restore());

    it('an authenticated list costs its page and its total; the session check is cached for seconds', async () => {
      const viewer = await t.user('viewer');
      counter.take();
      const first = await t.http().get('/api/v1/calls?pageSize=25').set(bearer(viewer.token));
      expect(first.status).toBe(200);
      const cold = counter.take();
      // The session check (a sign-in moments ago may already have it cached), the page, the total.
      expect(cold.count).toBeLessThanOrEqual(3);

      const again = await t.http().get('/api/v1/calls?pageSize=25&sort=code').set(bearer(viewer.token));
      expect(again.status).toBe(200);
      const warm = counter.take();
      expect(warm.statements.filter((s) => /"sessions"/.test(s))).toEqual([]);
      expect(warm.count).toBe(2);

      const apps = await t.http().get('/api/v1/applications?pageSize=25').set(bearer(officer.token));
      expect(apps.status).toBe(200);
      expect(counter.take().count).toBeLessThanOrEqual(3);
      await t.http().get('/api/v1/applications?pageSize=25&q=aigua').set(bearer(officer.token));
      expect(counter.take().count).toBe(2);
    });
  });

  describe('exports', () => {
    it('read one database cursor in a read-only snapshot, never OFFSET pages', async () => {
      const counter = countQueries();
      try {
        for (const path of ['applications', 'calls', 'entities', 'users']) {
          const token = path === 'users' ? t.adminToken : officer.token;
          const res = await t.http().get(`/api/v1/${path}/export.csv`).set(bearer(token));
          expect(res.status).toBe(200);
          const { statements } = counter.take();
          expect(
            statements.filter((s) => /^DECLARE export_\w+ NO SCROLL CURSOR FOR SELECT/.test(s)),
          ).toHaveLength(1);
          expect(statements.filter((s) => /^FETCH \d+ FROM export_/.test(s)).length).toBeGreaterThan(0);
          expect(statements.filter((s) => /\bOFFSET\b/.test(s))).toEqual([]);
        }
      } finally {
        counter.restore();
      }
    });
  });

  describe('revocation is immediate despite the cache', () => {
    const me = (token: string) => t.http().get('/api/v1/auth/me').set(bearer(token));

    it('logout: the same token answers 401 at once', async () => {
      const u = await t.user('viewer');
      expect((await me(u.token)).status).toBe(200);
      expect((await me(u.token)).status).toBe(200); // now from the cache
      expect((await t.http().post('/api/v1/auth/logout').set(bearer(u.token))).status).toBeLessThan(300);
      const after = await me(u.token);
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('UNAUTHENTICATED');
    });

    it('deactivation: the user’s token answers 401 at once', async () => {
      const u = await t.user('viewer');
      expect((await me(u.token)).status).toBe(200);
      const off = await t
        .http()
        .patch(`/api/v1/users/${u.id}`)
        .set(bearer(t.adminToken))
        .send({ active: false, version: u.version });
      expect(off.status).toBe(200);
      expect((await me(u.token)).status).toBe(401);
    });

    it('a change of roles: the old token answers 401 at once', async () => {
      const u = await t.user('viewer');
      expect((await t.http().get('/api/v1/calls').set(bearer(u.token))).status).toBe(200);
      const changed = await t
        .http()
        .patch(`/api/v1/users/${u.id}`)
        .set(bearer(t.adminToken))
        .send({ roles: ['officer'], version: u.version });
      expect(changed.status).toBe(200);
      expect((await t.http().get('/api/v1/calls').set(bearer(u.token))).status).toBe(401);
    });

    it('a password change: the other sessions answer 401 at once, this one goes on', async () => {
      const u = await t.user('viewer');
      const other = await t.login(u.email, u.password);
      expect((await me(other)).status).toBe(200);
      const changed = await t
        .http()
        .post('/api/v1/auth/change-password')
        .set(bearer(u.token))
        .send({ currentPassword: u.password, newPassword: 'Una-contrasenya-nova-2026' });
      expect(changed.status).toBeLessThan(300);
      expect((await me(other)).status).toBe(401);
      expect((await me(u.token)).status).toBe(200);
    });

    it('a profile change is seen by the next request (the cached user is forgotten)', async () => {
      const u = await t.user('viewer');
      expect((await me(u.token)).body.locale).toBe('ca');
      const patched = await t.http().patch('/api/v1/auth/me').set(bearer(u.token)).send({ locale: 'es' });
      expect(patched.status).toBe(200);
      const refused = await t.http().get('/api/v1/calls?pageSize=500').set(bearer(u.token));
      expect(refused.status).toBe(400);
      expect(refused.body.errors.pageSize[0].message).not.toBe(
        (await t.http().get('/api/v1/calls?pageSize=500').set(bearer(t.adminToken))).body.errors.pageSize[0]
          .message,
      );
    });
  });
});
