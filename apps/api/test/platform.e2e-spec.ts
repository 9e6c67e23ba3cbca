import { bearer, createTestApp, type TestApp } from './utils/test-app';
import { pendingSchemaChanges } from '../src/database/migrate';
import { buildOpenApi } from '../src/app';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports health with the database', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('has migrations that match the entities exactly (no drift)', async () => {
    expect(await pendingSchemaChanges(t.db.url)).toEqual([]);
  });

  it('refuses anonymous GET /api/v1/users with 401 UNAUTHENTICATED problem+json', async () => {
    const res = await t.http().get('/api/v1/users').expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      title: expect.any(String),
      type: expect.any(String),
    });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('keeps a well-formed incoming X-Request-Id and makes one otherwise', async () => {
    const kept = await t.http().get('/api/health').set('X-Request-Id', 'trace-1234-abcd');
    expect(kept.headers['x-request-id']).toBe('trace-1234-abcd');
    const made = await t.http().get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED and changes nothing', async () => {
    const before = await t.http().get('/api/v1/users').set(bearer(t.adminToken));
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(t.adminToken))
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.cat", "name": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const after = await t.http().get('/api/v1/users').set(bearer(t.adminToken));
    expect(after.body.total).toBe(before.body.total);
  });

  it('answers a huge body with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(t.adminToken))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'x@y.cat', name: 'x'.repeat(2 * 1024 * 1024), roles: ['viewer'] }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API route with 404 NOT_FOUND problem+json', async () => {
    const res = await t.http().get('/api/v1/nothing-here').set(bearer(t.adminToken)).expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('never exposes internals in errors', async () => {
    const res = await t.http().get('/api/v1/users/not-a-uuid').set(bearer(t.adminToken)).expect(400);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|SELECT|QueryFailedError|at .*\.ts/);
  });

  describe('OpenAPI', () => {
    it('serves the document and the UI', async () => {
      const json = await t.http().get('/api/docs-json').expect(200);
      expect(json.body.openapi).toMatch(/^3\./);
      await t.http().get('/api/docs').expect(200);
    });

    it('documents who may call every operation, and every non-public one refuses anonymous callers', async () => {
      const doc = buildOpenApi(t.app);
      const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
        (['get', 'post', 'put', 'patch', 'delete'] as const)
          .filter((m) => item[m])
          .map((m) => ({ path, method: m, op: item[m]! })),
      );
      expect(operations.length).toBeGreaterThan(15);
      for (const { path, method, op } of operations) {
        expect(op.summary).toBeTruthy();
        const isPublic = /^Public/.test(op.description ?? '');
        expect(isPublic || /Requires the permission|Any signed-in user/.test(op.description ?? '')).toBe(
          true,
        );
        if (isPublic) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await t.http()[method](url).send({});
        expect({ path, method, status: res.status, code: res.body.code }).toEqual({
          path,
          method,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      }
    });
  });
});
