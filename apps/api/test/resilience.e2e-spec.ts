import { freshDatabase, type TestDatabase } from './utils/databases';
import { TcpProxy } from './utils/tcp-proxy';
import { bearer, createTestApp, type TestApp } from './utils/test-app';

/** The app reaches its database through a proxy the test can cut, as when the database server goes away. */
describe('database outage', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    db = await freshDatabase();
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    t = await createTestApp({}, { ...db, url: viaProxy.toString() });
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

    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await t.http().get('/api/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    await t.http().get('/api/v1/calendar/holidays').set(bearer(t.adminToken)).expect(200);
  });
});
