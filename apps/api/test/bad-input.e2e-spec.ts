import type { Problem } from '@cofinanca/contracts';
import { insertCall, insertEntity, randomNif } from './utils/fixtures';
import { bearer, createTestApp, unique, type TestApp, type TestUser } from './utils/test-app';
import { MAX_DEPTH } from '../src/common/input-hygiene';

/**
 * Input hygiene (issue 8, section 2): what a client can send never reaches SQL as a 500. Each case answers a 400
 * naming its field (or a 415 for a body that is not JSON), as problem+json with a stable code.
 */
describe('bad input', () => {
  let t: TestApp;
  let officer: TestUser;
  let entityUser: TestUser;
  let entityId: string;
  let callId: string;
  let applicationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user('officer');
    entityId = (await insertEntity(t)).id;
    entityUser = await t.user('entity', { entityId });
    callId = (await insertCall(t)).id;
    const draft = await t
      .http()
      .post(`/api/v1/calls/${callId}/applications`)
      .set(bearer(entityUser.token))
      .send({})
      .expect(201);
    applicationId = draft.body.id;
  });
  afterAll(() => t.close());

  function expectFieldProblem(
    res: { status: number; headers: Record<string, string>; body: Problem },
    field: string,
    code?: string,
  ) {
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
      status: 400,
      type: expect.stringMatching(/^application\/problem\+json/),
    });
    expect(res.body.code).toBe('VALIDATION_FAILED');
    if (code) expect(res.body.errors?.[field]?.map((e) => e.code)).toContain(code);
    else expect(res.body.errors?.[field]?.length).toBeGreaterThan(0);
  }

  describe('?sort= with an inherited property name', () => {
    const LISTS: [string, () => string][] = [
      ['/api/v1/users', () => t.adminToken],
      ['/api/v1/users/export.csv', () => t.adminToken],
      ['/api/v1/users/export.xlsx', () => t.adminToken],
      ['/api/v1/audit', () => t.adminToken],
      ['/api/v1/audit/export.csv', () => t.adminToken],
      ['/api/v1/audit/export.xlsx', () => t.adminToken],
      ['/api/v1/outbox', () => t.adminToken],
      ['/api/v1/entities', () => officer.token],
      ['/api/v1/entities/export.csv', () => officer.token],
      ['/api/v1/entities/export.xlsx', () => officer.token],
      ['/api/v1/calls', () => officer.token],
      ['/api/v1/calls/export.csv', () => officer.token],
      ['/api/v1/calls/export.xlsx', () => officer.token],
      ['/api/v1/applications', () => officer.token],
      ['/api/v1/applications/export.csv', () => officer.token],
      ['/api/v1/applications/export.xlsx', () => officer.token],
    ];
    const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '-constructor'];
    it.each(LISTS)('%s answers 400 naming sort', async (path, token) => {
      for (const sort of NAMES) {
        const res = await t.http().get(path).query({ sort }).set(bearer(token()));
        expectFieldProblem(res, 'sort', 'INVALID_SORT');
      }
      const proto = await t.http().get(`${path}?sort=__proto__`).set(bearer(token()));
      expect(proto.status).toBe(400);
      expect(Object.keys(proto.body.errors ?? {})).toContain('sort');
    });
  });

  describe('a NUL byte', () => {
    it('in a search (q=a%00b) answers 400 naming q', async () => {
      for (const path of ['/api/v1/users', '/api/v1/entities', '/api/v1/calls', '/api/v1/applications']) {
        const token = path === '/api/v1/users' ? t.adminToken : officer.token;
        const res = await t.http().get(`${path}?q=a%00b`).set(bearer(token));
        expectFieldProblem(res, 'q', 'INVALID_CHARACTERS');
      }
      const directory = await t.http().get('/api/v1/entities/directory?q=a%00b').set(bearer(officer.token));
      expectFieldProblem(directory, 'q', 'INVALID_CHARACTERS');
    });

    it('in a text field of a body answers 400 naming it, in the caller language', async () => {
      const me = await t
        .http()
        .patch('/api/v1/auth/me')
        .set(bearer(officer.token))
        .send({ name: 'An\u0000na' });
      expectFieldProblem(me, 'name', 'INVALID_CHARACTERS');
      const en = await t
        .http()
        .patch('/api/v1/auth/me')
        .set(bearer(officer.token))
        .set('Accept-Language', 'en')
        .send({ name: 'An\u0000na' });
      expect(en.body.errors?.name?.[0]?.message).toBeTruthy();
      const draft = await t
        .http()
        .patch(`/api/v1/applications/${applicationId}`)
        .set(bearer(entityUser.token))
        .send({
          version: 1,
          title: 'A\u0000',
          counterpart: { name: 'x\u0000', countryCode: 'SN', description: '' },
        });
      expectFieldProblem(draft, 'title', 'INVALID_CHARACTERS');
      expect(draft.body.errors?.['counterpart.name']?.[0]?.code).toBe('INVALID_CHARACTERS');
    });

    it('in an object key of a body answers 400 naming it', async () => {
      const res = await t
        .http()
        .patch('/api/v1/auth/me')
        .set(bearer(officer.token))
        .send({ 'na\u0000me': 'x' });
      expect(res.status).toBe(400);
      expect(
        Object.values(res.body.errors ?? {})
          .flat()
          .map((e) => (e as { code: string }).code),
      ).toContain('INVALID_CHARACTERS');
    });

    it('at login answers 400, never 500', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'a\u0000@x.test', password: 'whatever-1' });
      expectFieldProblem(res, 'email', 'INVALID_CHARACTERS');
    });
  });

  describe('a lone surrogate in an e-mail', () => {
    const EMAIL = '\ud800@x.test';
    it('at login', async () => {
      const res = await t.http().post('/api/v1/auth/login').send({ email: EMAIL, password: 'whatever-1' });
      expectFieldProblem(res, 'email', 'INVALID_CHARACTERS');
    });
    it('at registration', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/register')
        .send({
          entity: { legalName: `Associació ${unique('r')}`, nif: randomNif() },
          user: { email: EMAIL, name: 'Anna', password: 'Long-enough-pass-1' },
          privacyAccepted: true,
        });
      expectFieldProblem(res, 'user.email', 'INVALID_CHARACTERS');
    });
    it('creating a user', async () => {
      const res = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(t.adminToken))
        .send({ email: EMAIL, name: 'X', roles: ['viewer'] });
      expectFieldProblem(res, 'email', 'INVALID_CHARACTERS');
    });
    it('inviting a member', async () => {
      const res = await t
        .http()
        .post(`/api/v1/entities/${entityId}/members`)
        .set(bearer(entityUser.token))
        .send({ email: EMAIL, name: 'X' });
      expectFieldProblem(res, 'email', 'INVALID_CHARACTERS');
    });
    it('in any other string of a body, at any depth', async () => {
      const res = await t
        .http()
        .patch(`/api/v1/applications/${applicationId}`)
        .set(bearer(entityUser.token))
        .send({ version: 1, locations: ['ok', 'a\udc00b'] });
      expectFieldProblem(res, 'locations[1]', 'INVALID_CHARACTERS');
    });
  });

  describe('null for a field that is not nullable', () => {
    it('PATCH /auth/me', async () => {
      for (const field of ['name', 'locale']) {
        const res = await t
          .http()
          .patch('/api/v1/auth/me')
          .set(bearer(officer.token))
          .send({ [field]: null });
        expectFieldProblem(res, field, 'REQUIRED');
      }
    });
    it('PATCH /users/:id', async () => {
      const user = await t.user('viewer');
      for (const field of ['name', 'roles', 'locale', 'active']) {
        const res = await t
          .http()
          .patch(`/api/v1/users/${user.id}`)
          .set(bearer(t.adminToken))
          .send({ version: user.version, [field]: null });
        expectFieldProblem(res, field, 'REQUIRED');
      }
    });
    it('PATCH /entities/:id', async () => {
      const res = await t
        .http()
        .patch(`/api/v1/entities/${entityId}`)
        .set(bearer(officer.token))
        .send({ version: 1, legalName: null });
      expectFieldProblem(res, 'legalName');
    });
    it('PATCH /calls/:id', async () => {
      const res = await t
        .http()
        .patch(`/api/v1/calls/${callId}`)
        .set(bearer(officer.token))
        .send({ version: 1, title: null });
      expectFieldProblem(res, 'title');
    });
    it('a nullable field still takes null', async () => {
      const res = await t
        .http()
        .patch(`/api/v1/applications/${applicationId}`)
        .set(bearer(entityUser.token))
        .send({ version: 1, partnerEntityIds: null });
      expect(res.status).not.toBe(500);
      expect(res.body.errors?.partnerEntityIds).toBeUndefined();
    });
  });

  describe('__proto__, constructor and prototype keys', () => {
    it.each(['__proto__', 'constructor', 'prototype'])(
      '%s at the top of a body is an unknown field',
      async (key) => {
        const res = await t
          .http()
          .patch('/api/v1/auth/me')
          .set(bearer(officer.token))
          .set('Content-Type', 'application/json')
          .send(`{"name":"Anna","${key}":{"admin":true}}`);
        expectFieldProblem(res, key, 'UNKNOWN_FIELD');
      },
    );
    it('deep in a body, naming the path', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/register')
        .set('Content-Type', 'application/json')
        .send('{"entity":{"address":{"__proto__":{"x":1}}},"user":{"constructor":{"prototype":{}}}}');
      expectFieldProblem(res, 'entity.address.__proto__', 'UNKNOWN_FIELD');
      expect(res.body.errors?.['user.constructor']?.[0]?.code).toBe('UNKNOWN_FIELD');
    });
    it('in a query string', async () => {
      const res = await t.http().get('/api/v1/users?constructor=x').set(bearer(t.adminToken));
      expectFieldProblem(res, 'constructor', 'UNKNOWN_FIELD');
    });
  });

  describe('found by the fuzz test', () => {
    it('creating an entity user with an id that is no entity answers 400 naming entityId', async () => {
      const res = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(t.adminToken))
        .send({ email: `${unique('u')}@test.cofinanca.cat`, name: 'X', roles: ['entity'], entityId: callId });
      expectFieldProblem(res, 'entityId', 'UNKNOWN_ENTITY');
    });
  });

  describe('deep nesting', () => {
    const deep = (levels: number, leaf: unknown = {}) => {
      let v: unknown = leaf;
      for (let i = 0; i < levels; i++) v = [v];
      return v;
    };
    it('a body nested 2,000 levels deep answers 400 TOO_DEEP, not a stack overflow', async () => {
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send(deep(2_000) as object);
      expectFieldProblem(login, '[0]'.repeat(MAX_DEPTH), 'TOO_DEEP');
      const reason = await t
        .http()
        .post(`/api/v1/entities/${entityId}/suspend`)
        .set(bearer(officer.token))
        .send({ reason: deep(2_000) });
      expect(reason.status).toBe(400);
      expect(
        Object.values(reason.body.errors ?? {})
          .flat()
          .map((e) => (e as { code: string }).code),
      ).toContain('TOO_DEEP');
    });
    it('a body as deep as a DTO goes still validates as usual', async () => {
      const res = await t
        .http()
        .patch('/api/v1/auth/me')
        .set(bearer(officer.token))
        .send({ name: deep(MAX_DEPTH - 2, 'x') });
      expectFieldProblem(res, 'name', 'NOT_STRING');
    });
  });

  describe('a body that is not JSON on a JSON route', () => {
    const CASES: [string, string | undefined, string][] = [
      ['text/plain', 'text/plain', '{"name":"Anna"}'],
      ['form data', 'application/x-www-form-urlencoded', 'name=Anna'],
      [
        'multipart',
        'multipart/form-data; boundary=XyZ',
        '--XyZ\r\nContent-Disposition: form-data; name="name"\r\n\r\nAnna\r\n--XyZ--\r\n',
      ],
      ['XML', 'application/xml', '<me><name>Anna</name></me>'],
      ['no content type', undefined, '{"name":"Anna"}'],
    ];
    it.each(CASES)('%s answers 415 UNSUPPORTED_MEDIA_TYPE', async (_, type, body) => {
      const req = t.http().post(`/api/v1/calls/${callId}/applications`).set(bearer(entityUser.token));
      if (type) req.set('Content-Type', type);
      else req.unset('Content-Type');
      const res = await req.send(Buffer.from(body));
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
    it('a bodiless POST still works', async () => {
      const session = await t.login(officer.email, officer.password);
      await t.http().post('/api/v1/auth/logout').set(bearer(session)).expect(204);
      const call = await insertCall(t, { status: 'draft', publishedAt: null });
      const res = await t.http().post(`/api/v1/calls/${call.id}/publish`).set(bearer(officer.token));
      expect(res.status).not.toBe(415);
      expect(res.status).toBeLessThan(500);
    });
    it('an upload (multipart) still works', async () => {
      const res = await t
        .http()
        .post(`/api/v1/applications/${applicationId}/documents`)
        .set(bearer(entityUser.token))
        .field('type', 'attachment')
        .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), {
          filename: 'a.pdf',
          contentType: 'application/pdf',
        });
      expect(res.status).not.toBe(415);
      expect(res.status).toBeLessThan(500);
    });
  });
});
