import { freshDatabase, type TestDatabase } from './utils/databases';
import { TcpProxy } from './utils/tcp-proxy';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

/** A 503 SERVICE_UNAVAILABLE problem with Retry-After and nothing of the database in it. */
function expectUnavailable(res: {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}) {
  expect(res.status).toBe(503);
  expect(res.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  expect(res.headers['retry-after']).toBe('5');
  expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|53300|too many|127\.0\.0\.1|stack/);
}

/** The app reaches its database through a proxy the test can cut, as when the database server goes away. */
describe('database outage', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;
  let officer: TestUser;

  beforeAll(async () => {
    db = await freshDatabase();
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    t = await createTestApp({}, { ...db, url: viaProxy.toString() });
    officer = await t.user('officer');
  });
  afterAll(async () => {
    await t.app.close();
    await proxy.cut();
    await db.drop();
  });

  it('answers 503 while the database is unreachable and recovers by itself when it returns', async () => {
    await t.http().get('/api/health').expect(200);
    await proxy.cut();

    const down = await t.http().get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });

    const api = await t.http().get('/api/v1/calendar/holidays').set(bearer(t.adminToken));
    expect(api.status).toBe(503);
    expect(api.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(api.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
    expectUnavailable(await t.http().get('/api/v1/applications').set(bearer(officer.token)));
    expectUnavailable(
      await t
        .http()
        .post('/api/v1/calls/from-template')
        .set(bearer(officer.token))
        .send({ code: 'OUTAGE-1', year: 2027 }),
    );

    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await t.http().get('/api/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    await t.http().get('/api/v1/calendar/holidays').set(bearer(t.adminToken)).expect(200);
  });

  it.each([
    ['53300', 'sorry, too many clients already'],
    ['57P03', 'the database system is starting up'],
  ])('answers 503 on every route while the server refuses sessions (%s)', async (sqlstate, message) => {
    await t.http().get('/api/v1/applications').set(bearer(officer.token)).expect(200);
    await proxy.refuseSessions(sqlstate, message);

    expectUnavailable(await t.http().get('/api/health'));
    expectUnavailable(await t.http().get('/api/v1/applications').set(bearer(officer.token)));
    expectUnavailable(await t.http().get('/api/v1/calls').set(bearer(officer.token)));
    expectUnavailable(
      await t
        .http()
        .post('/api/v1/calls/from-template')
        .set(bearer(officer.token))
        .send({ code: 'OUTAGE-1', year: 2027 }),
    );
    expectUnavailable(
      await t.http().post('/api/v1/auth/login').send({ email: officer.email, password: officer.password }),
    );

    await proxy.cut();
    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await t.http().get('/api/v1/applications').set(bearer(officer.token))).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
