import type { Test } from 'supertest';
import { ENTITY_STATUSES, MAX_DOCUMENT_BYTES } from '@cofinanca/domain';
import type { NgoEntity } from '../src/modules/entities/ngo.entity';
import { dataSource, entityUser, insertEntity, randomNif, VALID_IBAN } from './utils/fixtures';
import { bearer, createTestApp, unique, type TestApp, type TestUser } from './utils/test-app';

const PASSWORD = 'Long-enough-pass-1';
const NEW_IBAN = 'ES7921000813610123456789';
const THIRD_IBAN = 'ES7000491500010512345678';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

type Staff = 'officer' | 'evaluator' | 'finance' | 'viewer' | 'admin';
const OUTSIDERS: Staff[] = ['evaluator', 'finance', 'viewer', 'admin'];

/** A valid profile, as an officer creates it, with unique data. */
function profile(overrides: Record<string, unknown> = {}) {
  return {
    legalName: `Fundació ${unique('p')}`,
    nif: randomNif(),
    address: {
      street: 'Avinguda de Blondel',
      number: '8',
      postcode: '25002',
      town: 'Lleida',
      municipalityCode: '25120',
      province: 'Lleida',
      countryCode: 'ES',
    },
    email: `${unique('ngo')}@test.cofinanca.cat`,
    iban: VALID_IBAN,
    legalRepresentative: { name: 'Jordi Vidal', idNumber: '12345678Z', position: 'President' },
    ...overrides,
  };
}

interface OutboxItem {
  to: string;
  locale: string;
  subject: string;
  text: string;
}

describe('entities', () => {
  let t: TestApp;
  const staff = {} as Record<Staff, TestUser>;
  let a: NgoEntity;
  let b: NgoEntity;
  let a1: TestUser;
  let b1: TestUser;
  let bDocument: string;

  const outbox = async (to: string): Promise<OutboxItem[]> =>
    (await t.http().get('/api/v1/outbox').query({ to }).set(bearer(t.adminToken)).expect(200)).body.items;

  const auditActions = async (subjectId: string): Promise<string[]> =>
    (
      await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectId, pageSize: 200 })
        .set(bearer(staff.officer.token))
        .expect(200)
    ).body.items.map((e: { action: string }) => e.action);

  const get = (id: string, token = staff.officer.token) =>
    t.http().get(`/api/v1/entities/${id}`).set(bearer(token)).expect(200);

  const patch = (id: string, token: string, body: object) =>
    t.http().patch(`/api/v1/entities/${id}`).set(bearer(token)).send(body);

  const action = (id: string, verb: string, body?: object, token = staff.officer.token) =>
    t.http().post(`/api/v1/entities/${id}/${verb}`).set(bearer(token)).send(body);

  const upload = (id: string, token: string, content: Buffer = PDF, type = 'bank_certificate') =>
    t
      .http()
      .post(`/api/v1/entities/${id}/documents`)
      .set(bearer(token))
      .field('type', type)
      .attach('file', content, 'certificat.pdf');

  /** An active entity with a validated IBAN and one signed-in user. */
  const activeEntity = async (overrides: Partial<NgoEntity> = {}) => {
    const entity = await insertEntity(t, overrides);
    const user = await entityUser(t, entity.id);
    return { entity, user };
  };

  /** Registers an NGO through the public route; its user is signed in, the e-mail not yet verified. */
  const register = async (locale = 'ca') => {
    const email = `${unique('reg')}@test.cofinanca.cat`;
    const res = await t
      .http()
      .post('/api/v1/auth/register')
      .send({
        entity: profile(),
        user: { email, name: 'Laia Roca', password: PASSWORD },
        privacyAccepted: true,
        locale,
      })
      .expect(201);
    return { id: res.body.entity.id as string, email, token: await t.login(email, PASSWORD) };
  };

  const verifyEmail = async (email: string) => {
    const [mail] = await outbox(email);
    const token = mail.text.match(/verify-email\?token=([A-Za-z0-9_-]+)/)?.[1];
    await t.http().post('/api/v1/auth/verify-email').send({ token }).expect(204);
  };

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['officer', ...OUTSIDERS] as Staff[]) staff[role] = await t.user(role);
    a = await insertEntity(t);
    b = await insertEntity(t);
    a1 = await entityUser(t, a.id);
    b1 = await entityUser(t, b.id);
    bDocument = (await upload(b.id, b1.token).expect(201)).body.id;
  });
  afterAll(() => t.close());

  describe('access: every route × every role', () => {
    /** The routes about one entity, which its own users and officers reach. */
    const entityRoutes = (
      id: string,
      userId: string,
      docId: string,
    ): [string, (token?: string) => Test][] => {
      const req = (method: 'get' | 'post' | 'patch' | 'delete', path: string, token?: string) => {
        const r = t.http()[method](path);
        return token ? r.set(bearer(token)) : r;
      };
      return [
        ['GET /:id', (tk) => req('get', `/api/v1/entities/${id}`, tk)],
        [
          'PATCH /:id',
          (tk) => req('patch', `/api/v1/entities/${id}`, tk).send({ version: 1, phone: '973000000' }),
        ],
        ['GET /:id/members', (tk) => req('get', `/api/v1/entities/${id}/members`, tk)],
        [
          'POST /:id/members',
          (tk) =>
            req('post', `/api/v1/entities/${id}/members`, tk).send({
              email: `${unique('m')}@test.cofinanca.cat`,
              name: 'Nou',
            }),
        ],
        [
          'DELETE /:id/members/:userId',
          (tk) => req('delete', `/api/v1/entities/${id}/members/${userId}`, tk),
        ],
        [
          'POST /:id/documents',
          (tk) =>
            req('post', `/api/v1/entities/${id}/documents`, tk)
              .field('type', 'bank_certificate')
              .attach('file', PDF, 'c.pdf'),
        ],
        [
          'GET /:id/documents/:docId/content',
          (tk) => req('get', `/api/v1/entities/${id}/documents/${docId}/content`, tk),
        ],
      ];
    };

    /** The routes only officers reach. */
    const officerRoutes = (id: string): [string, (token?: string) => Test][] => {
      const req = (method: 'get' | 'post', path: string, token?: string) => {
        const r = t.http()[method](path);
        return token ? r.set(bearer(token)) : r;
      };
      return [
        ['POST /', (tk) => req('post', '/api/v1/entities', tk).send(profile())],
        ['GET /export.csv', (tk) => req('get', '/api/v1/entities/export.csv', tk)],
        ['POST /:id/validate', (tk) => req('post', `/api/v1/entities/${id}/validate`, tk)],
        ['POST /:id/reject', (tk) => req('post', `/api/v1/entities/${id}/reject`, tk).send({ reason: 'r' })],
        [
          'POST /:id/suspend',
          (tk) => req('post', `/api/v1/entities/${id}/suspend`, tk).send({ reason: 'r' }),
        ],
        ['POST /:id/reactivate', (tk) => req('post', `/api/v1/entities/${id}/reactivate`, tk)],
        ['POST /:id/validate-iban', (tk) => req('post', `/api/v1/entities/${id}/validate-iban`, tk)],
      ];
    };

    const allRoutes = () => [
      [
        'GET /',
        (tk?: string) =>
          tk ? t.http().get('/api/v1/entities').set(bearer(tk)) : t.http().get('/api/v1/entities'),
      ] as const,
      ...entityRoutes(b.id, b1.id, bDocument),
      ...officerRoutes(b.id),
    ];

    it('anonymous: 401 UNAUTHENTICATED on every route', async () => {
      for (const [name, call] of allRoutes()) {
        const res = await call();
        expect([name, res.status, res.body.code]).toEqual([name, 401, 'UNAUTHENTICATED']);
      }
    });

    it.each(OUTSIDERS)('%s: 403 FORBIDDEN on every route', async (role) => {
      for (const [name, call] of allRoutes()) {
        const res = await call(staff[role].token);
        expect([name, res.status, res.body.code]).toEqual([name, 403, 'FORBIDDEN']);
      }
    });

    it('an entity user: 404 NOT_FOUND on every route about another entity, and nothing changes', async () => {
      const before = await get(b.id);
      for (const [name, call] of entityRoutes(b.id, b1.id, bDocument)) {
        const res = await call(a1.token);
        expect([name, res.status, res.body.code]).toEqual([name, 404, 'NOT_FOUND']);
      }
      expect((await get(b.id)).body).toEqual(before.body);
      const members = await t.http().get(`/api/v1/entities/${b.id}/members`).set(bearer(staff.officer.token));
      expect(members.body).toHaveLength(1);
    });

    it('an entity user: 403 FORBIDDEN on every officer route, about its own entity too', async () => {
      for (const [name, call] of officerRoutes(a.id)) {
        const res = await call(a1.token);
        expect([name, res.status, res.body.code]).toEqual([name, 403, 'FORBIDDEN']);
      }
    });

    it('an entity user lists only its own entity, whatever the filter', async () => {
      const all = await t.http().get('/api/v1/entities').set(bearer(a1.token)).expect(200);
      expect(all.body).toMatchObject({ total: 1, items: [{ id: a.id }] });
      const other = await t
        .http()
        .get('/api/v1/entities')
        .query({ q: b.nif })
        .set(bearer(a1.token))
        .expect(200);
      expect(other.body.total).toBe(0);
    });

    it('an entity user reads its own entity, its members and its documents', async () => {
      await get(a.id, a1.token);
      const members = await t
        .http()
        .get(`/api/v1/entities/${a.id}/members`)
        .set(bearer(a1.token))
        .expect(200);
      expect(members.body.map((m: { id: string }) => m.id)).toEqual([a1.id]);
      const doc = await upload(a.id, a1.token).expect(201);
      await t
        .http()
        .get(`/api/v1/entities/${a.id}/documents/${doc.body.id}/content`)
        .set(bearer(a1.token))
        .expect(200);
    });

    it('an officer reaches every route', async () => {
      const { entity } = await activeEntity();
      const second = await entityUser(t, entity.id);
      const officer = staff.officer.token;
      await t.http().get('/api/v1/entities').set(bearer(officer)).expect(200);
      await t.http().get('/api/v1/entities/export.csv').set(bearer(officer)).expect(200);
      await t.http().post('/api/v1/entities').set(bearer(officer)).send(profile()).expect(201);
      const current = await get(entity.id);
      await patch(entity.id, officer, { version: current.body.version, phone: '973111111' }).expect(200);
      await t.http().get(`/api/v1/entities/${entity.id}/members`).set(bearer(officer)).expect(200);
      await t
        .http()
        .post(`/api/v1/entities/${entity.id}/members`)
        .set(bearer(officer))
        .send({ email: `${unique('m')}@test.cofinanca.cat`, name: 'Nova' })
        .expect(201);
      await t
        .http()
        .delete(`/api/v1/entities/${entity.id}/members/${second.id}`)
        .set(bearer(officer))
        .expect(204);
      const doc = await upload(entity.id, officer).expect(201);
      await t
        .http()
        .get(`/api/v1/entities/${entity.id}/documents/${doc.body.id}/content`)
        .set(bearer(officer))
        .expect(200);
      await action(entity.id, 'suspend', { reason: 'Auditoria pendent' }).expect(200);
      await action(entity.id, 'reactivate').expect(200);
    });

    it('answers an unknown entity with 404 and a malformed id with 400', async () => {
      await t.http().get(`/api/v1/entities/${NO_SUCH_ID}`).set(bearer(staff.officer.token)).expect(404);
      await action(NO_SUCH_ID, 'validate').expect(404);
      await t.http().get('/api/v1/entities/123').set(bearer(staff.officer.token)).expect(400);
    });
  });

  describe('listing and export', () => {
    it('pages, filters by text and status, and sorts', async () => {
      const pending = await t
        .http()
        .post('/api/v1/entities')
        .set(bearer(staff.officer.token))
        .send(profile())
        .expect(201);
      const byNif = await t
        .http()
        .get('/api/v1/entities')
        .query({ q: pending.body.nif.toLowerCase() })
        .set(bearer(staff.officer.token))
        .expect(200);
      expect(byNif.body).toMatchObject({ total: 1, page: 1, pageSize: 25, items: [{ id: pending.body.id }] });

      const byStatus = await t
        .http()
        .get('/api/v1/entities')
        .query({ status: 'pending_validation', pageSize: 200 })
        .set(bearer(staff.officer.token))
        .expect(200);
      expect(byStatus.body.items.every((e: { status: string }) => e.status === 'pending_validation')).toBe(
        true,
      );
      expect(byStatus.body.items.map((e: { id: string }) => e.id)).toContain(pending.body.id);

      for (const sort of ['legalName', '-legalName', 'nif', '-createdAt', 'status']) {
        const res = await t
          .http()
          .get('/api/v1/entities')
          .query({ sort, pageSize: 200 })
          .set(bearer(staff.officer.token))
          .expect(200);
        const key = sort.replace('-', '') as 'legalName' | 'nif' | 'createdAt' | 'status';
        // Statuses sort in the order of their life (pending_validation first), the rest by value.
        const rank = (v: string) => (key === 'status' ? String(ENTITY_STATUSES.indexOf(v as never)) : v);
        const values: string[] = res.body.items.map((e: Record<string, string>) => rank(e[key]));
        const sorted = [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        if (sort.startsWith('-')) sorted.reverse();
        if (key !== 'legalName') expect(values).toEqual(sorted); // names compare by collation in the database
      }
      const page2 = await t
        .http()
        .get('/api/v1/entities')
        .query({ page: 2, pageSize: 1, sort: 'nif' })
        .set(bearer(staff.officer.token))
        .expect(200);
      expect(page2.body).toMatchObject({ page: 2, pageSize: 1 });
      expect(page2.body.items).toHaveLength(1);
    });

    it.each([
      [{ pageSize: 201 }, 'pageSize'],
      [{ sort: 'iban' }, 'sort'],
      [{ status: 'sleeping' }, 'status'],
      [{ unknown: 1 }, 'unknown'],
    ])('refuses %p with 400 naming %s', async (query, field) => {
      const res = await t
        .http()
        .get('/api/v1/entities')
        .query(query)
        .set(bearer(staff.officer.token))
        .expect(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('exports CSV for a Catalan spreadsheet: BOM, semicolons, the same filters', async () => {
      const suspended = await insertEntity(t, { status: 'suspended', legalName: 'Associació; "cometes"' });
      const res = await t
        .http()
        .get('/api/v1/entities/export.csv')
        .query({ status: 'suspended' })
        .set(bearer(staff.officer.token))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      const buf = res.body as Buffer;
      expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = buf.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe(
        "Nom legal;NIF;Estat;Estat de l'IBAN;Número de registre;Municipi;Codi INE;Adreça electrònica;Telèfon;Validada;Data d'alta",
      );
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^"Associació; ""cometes""";${suspended.nif};Suspesa;`)),
      );
      expect(lines.join('\n')).not.toContain(a.nif);
    });
  });

  describe('POST /api/v1/entities (officer)', () => {
    it('records an entity pending validation, without users, audited', async () => {
      const body = profile({ nif: randomNif().toLowerCase(), iban: 'es79 2100 0813 6101 2345 6789' });
      const res = await t
        .http()
        .post('/api/v1/entities')
        .set(bearer(staff.officer.token))
        .send(body)
        .expect(201);
      expect(res.body).toMatchObject({
        nif: body.nif.toUpperCase(),
        iban: NEW_IBAN,
        status: 'pending_validation',
        ibanStatus: 'pending',
        validatedIban: null,
        privacyAcceptedAt: null,
      });
      const members = await t
        .http()
        .get(`/api/v1/entities/${res.body.id}/members`)
        .set(bearer(staff.officer.token));
      expect(members.body).toEqual([]);
      expect(await auditActions(res.body.id)).toEqual(['entity.created']);
    });

    it.each([
      [{ nif: '12345678Z' }, 'nif'],
      [{ iban: 'ES9121000418450200051333' }, 'iban'],
      [
        { legalRepresentative: { name: 'X', idNumber: 'Z1234567A', position: 'P' } },
        'legalRepresentative.idNumber',
      ],
      [{ website: 'javascript:alert(1)' }, 'website'],
      [{ phone: 'call me' }, 'phone'],
      [{ address: undefined }, 'address'],
      [{ address: 'Carrer Major 1, Lleida' }, 'address'],
      [{ legalRepresentative: null }, 'legalRepresentative'],
      [{ status: 'active' }, 'status'],
    ])('refuses %j with 400 naming %s', async (overrides, field) => {
      const res = await t
        .http()
        .post('/api/v1/entities')
        .set(bearer(staff.officer.token))
        .send(profile(overrides))
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('answers a NIF registered already with 409 DUPLICATE on nif', async () => {
      const res = await t
        .http()
        .post('/api/v1/entities')
        .set(bearer(staff.officer.token))
        .send(profile({ nif: a.nif }))
        .expect(409);
      expect(res.body).toMatchObject({ code: 'DUPLICATE', errors: { nif: expect.any(Array) } });
    });

    it('can be validated only once an invited member has confirmed their address by choosing a password', async () => {
      const created = await t
        .http()
        .post('/api/v1/entities')
        .set(bearer(staff.officer.token))
        .send(profile())
        .expect(201);
      const refused = await action(created.body.id, 'validate').expect(422);
      expect(refused.body.code).toBe('EMAIL_NOT_VERIFIED');

      const email = `${unique('inv')}@test.cofinanca.cat`;
      await t
        .http()
        .post(`/api/v1/entities/${created.body.id}/members`)
        .set(bearer(staff.officer.token))
        .send({ email, name: 'Pere Camps' })
        .expect(201);
      await action(created.body.id, 'validate').expect(422);
      const [invitation] = await outbox(email);
      const token = invitation.text.match(/reset-password\?token=([A-Za-z0-9_-]+)/)?.[1];
      await t
        .http()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token, password: PASSWORD })
        .expect(204);
      const validated = await action(created.body.id, 'validate').expect(200);
      expect(validated.body.status).toBe('active');
    });
  });

  describe('status changes', () => {
    it('validate: only once a user has verified the e-mail (422 EMAIL_NOT_VERIFIED); validates the IBAN too', async () => {
      const reg = await register('es');
      const refused = await action(reg.id, 'validate').expect(422);
      expect(refused.body.code).toBe('EMAIL_NOT_VERIFIED');
      expect((await get(reg.id)).body.status).toBe('pending_validation');

      await verifyEmail(reg.email);
      const res = await action(reg.id, 'validate').expect(200);
      expect(res.body).toMatchObject({
        status: 'active',
        ibanStatus: 'validated',
        validatedIban: VALID_IBAN,
        statusReason: null,
      });
      expect(Date.parse(res.body.validatedAt)).not.toBeNaN();
      expect(await auditActions(reg.id)).toContain('entity.validated');
      const [mail] = await outbox(reg.email);
      expect(mail).toMatchObject({ locale: 'es', subject: expect.stringContaining('ya está validada') });

      const again = await action(reg.id, 'validate').expect(409);
      expect(again.body.code).toBe('INVALID_STATE');
    });

    it('validate ignores the verified address of a member removed since', async () => {
      const reg = await register();
      await verifyEmail(reg.email);
      await dataSource(t).query('UPDATE users SET active = false WHERE email = $1', [reg.email]);
      await action(reg.id, 'validate').expect(422);
    });

    it('reject: from pending validation, with a reason told to the entity’s users', async () => {
      const reg = await register();
      const noReason = await action(reg.id, 'reject', {}).expect(400);
      expect(Object.keys(noReason.body.errors)).toEqual(['reason']);
      await action(reg.id, 'reject', { reason: '   ' }).expect(400);

      const res = await action(reg.id, 'reject', {
        reason: 'Els estatuts no preveuen la cooperació.',
      }).expect(200);
      expect(res.body).toMatchObject({
        status: 'rejected',
        statusReason: 'Els estatuts no preveuen la cooperació.',
      });
      const [mail] = await outbox(reg.email);
      expect(mail.subject).toBe(`No s'ha validat el registre de ${res.body.legalName}`);
      expect(mail.text).toContain('Els estatuts no preveuen la cooperació.');
      expect(await auditActions(reg.id)).toContain('entity.rejected');

      for (const verb of ['validate', 'reject', 'suspend', 'reactivate']) {
        const wrong = await action(reg.id, verb, { reason: 'x' }).expect(409);
        expect(wrong.body.code).toBe('INVALID_STATE');
      }
      // Its users may still read, but not change anything.
      await get(reg.id, reg.token);
      const edit = await patch(reg.id, reg.token, { version: res.body.version, phone: '973000000' }).expect(
        409,
      );
      expect(edit.body.code).toBe('INVALID_STATE');
    });

    it('suspend and reactivate: from active and from suspended only; a suspended entity’s users read but do not edit', async () => {
      const { entity, user } = await activeEntity();
      await action(entity.id, 'reactivate').expect(409);
      await action(entity.id, 'reject', { reason: 'x' }).expect(409);
      await action(entity.id, 'suspend', {}).expect(400);

      const suspended = await action(entity.id, 'suspend', { reason: 'Justificació pendent de 2024' }).expect(
        200,
      );
      expect(suspended.body).toMatchObject({
        status: 'suspended',
        statusReason: 'Justificació pendent de 2024',
      });
      const [mail] = await outbox(user.email);
      expect(mail.subject).toBe(`S'ha suspès l'entitat ${entity.legalName} a Cofinança`);
      expect(mail.text).toContain('Justificació pendent de 2024');
      await action(entity.id, 'suspend', { reason: 'x' }).expect(409);
      await action(entity.id, 'validate').expect(409);

      await get(entity.id, user.token);
      await t.http().get(`/api/v1/entities/${entity.id}/members`).set(bearer(user.token)).expect(200);
      const blocked = [
        await patch(entity.id, user.token, { version: suspended.body.version, phone: '973000000' }),
        await t
          .http()
          .post(`/api/v1/entities/${entity.id}/members`)
          .set(bearer(user.token))
          .send({ email: `${unique('m')}@test.cofinanca.cat`, name: 'N' }),
        await upload(entity.id, user.token),
      ];
      for (const res of blocked) expect([res.status, res.body.code]).toEqual([409, 'INVALID_STATE']);
      // An officer may still correct it.
      await patch(entity.id, staff.officer.token, {
        version: suspended.body.version,
        phone: '973000000',
      }).expect(200);

      const reactivated = await action(entity.id, 'reactivate').expect(200);
      expect(reactivated.body).toMatchObject({ status: 'active', statusReason: null });
      expect((await outbox(user.email))[0].subject).toBe(
        `S'ha reactivat l'entitat ${entity.legalName} a Cofinança`,
      );
      expect(await auditActions(entity.id)).toEqual(
        expect.arrayContaining(['entity.suspended', 'entity.reactivated', 'entity.updated']),
      );
      await patch(entity.id, user.token, { version: reactivated.body.version, phone: '973222222' }).expect(
        200,
      );
    });

    it('refuses unknown fields in a reason', async () => {
      const { entity } = await activeEntity();
      const res = await action(entity.id, 'suspend', { reason: 'r', until: '2030-01-01' }).expect(400);
      expect(Object.keys(res.body.errors)).toContain('until');
    });
  });

  describe('PATCH /api/v1/entities/:id', () => {
    it('edits the profile with the current version; a stale one → 409 STALE_VERSION, none → 400', async () => {
      const { entity, user } = await activeEntity();
      const address = {
        street: 'Carrer del Carme',
        number: null,
        postcode: '25007',
        town: 'Lleida',
        municipalityCode: '25120',
        province: 'Lleida',
        countryCode: 'ES',
      };
      const res = await patch(entity.id, user.token, {
        version: entity.version,
        legalName: 'Associació Renovada',
        address,
        registryNumber: null,
        legalRepresentative: { name: 'Núria Pla', idNumber: 'y1234567x', position: 'Presidenta' },
      }).expect(200);
      expect(res.body).toMatchObject({
        legalName: 'Associació Renovada',
        address,
        registryNumber: null,
        legalRepresentative: { idNumber: 'Y1234567X' },
        version: entity.version + 1,
      });
      expect(await auditActions(entity.id)).toContain('entity.updated');

      const stale = await patch(entity.id, staff.officer.token, {
        version: entity.version,
        phone: '973444444',
      }).expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const missing = await patch(entity.id, user.token, { phone: '973000000' }).expect(400);
      expect(Object.keys(missing.body.errors)).toContain('version');
      expect((await get(entity.id)).body.version).toBe(entity.version + 1);
    });

    it.each([
      [{ legalName: null }, 'legalName'],
      [{ iban: 'ES00' }, 'iban'],
      [{ address: { street: 'C' } }, 'address.postcode'],
      [{ status: 'active' }, 'status'],
      [{ validatedIban: VALID_IBAN }, 'validatedIban'],
      [{ ibanCertificateId: 'nope' }, 'ibanCertificateId'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const { entity, user } = await activeEntity();
      const res = await patch(entity.id, user.token, { version: entity.version, ...body }).expect(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('only an officer corrects the NIF (400 on nif for the entity; 409 DUPLICATE on a taken one)', async () => {
      const { entity, user } = await activeEntity();
      const newNif = randomNif();
      const refused = await patch(entity.id, user.token, { version: entity.version, nif: newNif }).expect(
        400,
      );
      expect(Object.keys(refused.body.errors)).toEqual(['nif']);
      // Sending the same NIF back (a whole form) is fine.
      const same = await patch(entity.id, user.token, {
        version: entity.version,
        nif: entity.nif.toLowerCase(),
        phone: '973333333',
      }).expect(200);

      const taken = await patch(entity.id, staff.officer.token, {
        version: same.body.version,
        nif: a.nif,
      }).expect(409);
      expect(taken.body).toMatchObject({ code: 'DUPLICATE', errors: { nif: expect.any(Array) } });
      const corrected = await patch(entity.id, staff.officer.token, {
        version: same.body.version,
        nif: newNif,
      }).expect(200);
      expect(corrected.body.nif).toBe(newNif);
    });
  });

  describe('IBAN change of an active entity', () => {
    it('needs a bank certificate, stays pending with the old validated IBAN until an officer validates it', async () => {
      const { entity, user } = await activeEntity();
      const officer2 = await t.user('officer', { locale: 'es' });

      const missing = await patch(entity.id, user.token, { version: entity.version, iban: NEW_IBAN }).expect(
        400,
      );
      expect(missing.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: { ibanCertificateId: expect.any(Array) },
      });
      expect((await get(entity.id)).body).toMatchObject({ iban: VALID_IBAN, ibanStatus: 'validated' });

      const certificate = await upload(entity.id, user.token).expect(201);
      expect(certificate.body).toMatchObject({
        type: 'bank_certificate',
        applicationId: null,
        fileName: 'certificat.pdf',
        mimeType: 'application/pdf',
        sizeBytes: PDF.length,
        locked: false,
      });
      expect(await auditActions(entity.id)).toContain('entity.document_uploaded');

      const changed = await patch(entity.id, user.token, {
        version: entity.version,
        iban: NEW_IBAN,
        ibanCertificateId: certificate.body.id,
      }).expect(200);
      expect(changed.body).toMatchObject({
        iban: NEW_IBAN,
        ibanStatus: 'pending',
        validatedIban: VALID_IBAN,
        ibanCertificateId: certificate.body.id,
        status: 'active',
      });
      const told = (await outbox(officer2.email)).find((m) => m.text.includes(`/entities/${entity.id}`));
      expect(told?.subject).toBe(`Nuevo IBAN por validar: ${entity.legalName}`);

      // Meanwhile payments would still go to the validated IBAN.
      expect((await get(entity.id, user.token)).body.validatedIban).toBe(VALID_IBAN);
      const pendingList = await t
        .http()
        .get('/api/v1/entities')
        .query({ ibanStatus: 'pending', pageSize: 200 })
        .set(bearer(staff.officer.token))
        .expect(200);
      expect(pendingList.body.items.map((e: { id: string }) => e.id)).toContain(entity.id);

      // The officer reads the certificate, then validates the IBAN.
      const content = await t
        .http()
        .get(`/api/v1/entities/${entity.id}/documents/${certificate.body.id}/content`)
        .set(bearer(staff.officer.token))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(content.headers['content-type']).toBe('application/pdf');
      expect(Buffer.compare(content.body as Buffer, PDF)).toBe(0);

      const validated = await action(entity.id, 'validate-iban').expect(200);
      expect(validated.body).toMatchObject({
        iban: NEW_IBAN,
        ibanStatus: 'validated',
        validatedIban: NEW_IBAN,
      });
      expect(await auditActions(entity.id)).toContain('entity.iban_validated');
      const [mail] = await outbox(user.email);
      expect(mail.subject).toBe(`S'ha validat el nou IBAN d'${entity.legalName}`); // legalName starts with "Associació": Catalan elision
      expect(mail.text).toContain(NEW_IBAN.slice(-4));
      expect(mail.text).not.toContain(NEW_IBAN);

      const again = await action(entity.id, 'validate-iban').expect(409);
      expect(again.body.code).toBe('INVALID_STATE');
    });

    it('refuses a certificate of another entity, of another type or unknown with 400 on ibanCertificateId', async () => {
      const { entity, user } = await activeEntity();
      for (const ibanCertificateId of [bDocument, NO_SUCH_ID]) {
        const res = await patch(entity.id, user.token, {
          version: entity.version,
          iban: NEW_IBAN,
          ibanCertificateId,
        }).expect(400);
        expect(Object.keys(res.body.errors)).toEqual(['ibanCertificateId']);
      }
      const [{ id: notACertificate }] = await dataSource(t).query(
        `INSERT INTO documents (entity_id, type, file_name, mime_type, size_bytes, sha256, storage_key)
         VALUES ($1, 'attachment', 'x.pdf', 'application/pdf', 1, repeat('0', 64), 'x/y') RETURNING id`,
        [entity.id],
      );
      await patch(entity.id, user.token, {
        version: entity.version,
        iban: NEW_IBAN,
        ibanCertificateId: notACertificate,
      }).expect(400);
      const own = await upload(entity.id, user.token).expect(201);
      const res = await patch(entity.id, user.token, {
        version: entity.version,
        ibanCertificateId: own.body.id,
      }).expect(400);
      expect(Object.keys(res.body.errors)).toEqual(['ibanCertificateId']);
      expect((await get(entity.id)).body).toMatchObject({ iban: VALID_IBAN, ibanStatus: 'validated' });
    });

    it('going back to the validated IBAN needs no certificate and is validated again', async () => {
      const { entity, user } = await activeEntity();
      const cert = await upload(entity.id, user.token).expect(201);
      const pending = await patch(entity.id, user.token, {
        version: entity.version,
        iban: NEW_IBAN,
        ibanCertificateId: cert.body.id,
      }).expect(200);
      const back = await patch(entity.id, user.token, {
        version: pending.body.version,
        iban: VALID_IBAN,
      }).expect(200);
      expect(back.body).toMatchObject({
        iban: VALID_IBAN,
        ibanStatus: 'validated',
        validatedIban: VALID_IBAN,
        ibanCertificateId: null,
      });
      await action(entity.id, 'validate-iban').expect(409);
    });

    it('an entity pending validation changes its IBAN without a certificate; it is validated with the entity', async () => {
      const reg = await register();
      const before = await get(reg.id, reg.token);
      const res = await patch(reg.id, reg.token, { version: before.body.version, iban: THIRD_IBAN }).expect(
        200,
      );
      expect(res.body).toMatchObject({ iban: THIRD_IBAN, ibanStatus: 'pending', validatedIban: null });
      const refused = await action(reg.id, 'validate-iban').expect(409);
      expect(refused.body.code).toBe('INVALID_STATE');
      await verifyEmail(reg.email);
      const validated = await action(reg.id, 'validate').expect(200);
      expect(validated.body).toMatchObject({ ibanStatus: 'validated', validatedIban: THIRD_IBAN });
    });
  });

  describe('documents of an entity', () => {
    it('refuses a missing file or type with 400, content that is no document with 415, over 20 MB with 413', async () => {
      const { entity, user } = await activeEntity();
      const noFile = await t
        .http()
        .post(`/api/v1/entities/${entity.id}/documents`)
        .set(bearer(user.token))
        .field('type', 'bank_certificate')
        .expect(400);
      expect(Object.keys(noFile.body.errors)).toContain('file');
      const badType = await upload(entity.id, user.token, PDF, 'statutes').expect(400);
      expect(Object.keys(badType.body.errors)).toContain('type');
      const exe = await upload(entity.id, user.token, Buffer.from('MZ\x90\x00 not a document')).expect(415);
      expect(exe.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20);
      PDF.copy(big);
      const tooLarge = await upload(entity.id, user.token, big).expect(413);
      expect(tooLarge.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(tooLarge.headers['content-type']).toMatch(/application\/problem\+json/);
      const [{ count }] = await dataSource(t).query('SELECT count(*) FROM documents WHERE entity_id = $1', [
        entity.id,
      ]);
      expect(Number(count)).toBe(0);
    });

    it('does not serve an application’s document through the entity route', async () => {
      const { entity, user } = await activeEntity();
      const [{ id }] = await dataSource(t).query(
        `INSERT INTO documents (entity_id, type, file_name, mime_type, size_bytes, sha256, storage_key)
         VALUES ($1, 'bank_certificate', 'x.pdf', 'application/pdf', 1, repeat('0', 64), 'x/y') RETURNING id`,
        [entity.id],
      );
      // A document row of the entity itself whose bytes are gone answers 404 too, never a 500.
      await t
        .http()
        .get(`/api/v1/entities/${entity.id}/documents/${id}/content`)
        .set(bearer(user.token))
        .expect(404);
      await t
        .http()
        .get(`/api/v1/entities/${entity.id}/documents/${NO_SUCH_ID}/content`)
        .set(bearer(user.token))
        .expect(404);
    });
  });

  describe('members', () => {
    it('an entity user invites a colleague, who signs in with their own account', async () => {
      const { entity, user } = await activeEntity();
      const email = `${unique('colleague')}@test.cofinanca.cat`;
      const res = await t
        .http()
        .post(`/api/v1/entities/${entity.id}/members`)
        .set(bearer(user.token))
        .send({ email: email.toUpperCase(), name: 'Marc Solé', locale: 'en' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        email,
        name: 'Marc Solé',
        locale: 'en',
        active: true,
        emailVerified: false,
        passwordSet: false,
        createdAt: expect.any(String),
      });
      expect(await auditActions(entity.id)).toContain('entity.member_added');

      const [invitation] = await outbox(email);
      expect(invitation.locale).toBe('en');
      const token = invitation.text.match(/reset-password\?token=([A-Za-z0-9_-]+)/)?.[1];
      await t
        .http()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token, password: PASSWORD })
        .expect(204);
      const colleague = await t.login(email, PASSWORD);
      const me = await t.http().get('/api/v1/auth/me').set(bearer(colleague)).expect(200);
      expect(me.body).toMatchObject({ roles: ['entity'], entityId: entity.id });
      await get(entity.id, colleague);

      const list = await t
        .http()
        .get(`/api/v1/entities/${entity.id}/members`)
        .set(bearer(colleague))
        .expect(200);
      expect(list.body.map((m: { email: string }) => m.email)).toEqual([user.email, email]);
      expect(list.body[1]).toMatchObject({ passwordSet: true, emailVerified: true });
    });

    it('answers an e-mail in use with 409 DUPLICATE on email', async () => {
      const { entity, user } = await activeEntity();
      const res = await t
        .http()
        .post(`/api/v1/entities/${entity.id}/members`)
        .set(bearer(user.token))
        .send({ email: b1.email, name: 'Dup' })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'DUPLICATE', errors: { email: expect.any(Array) } });
    });

    it.each([
      [{ email: 'x', name: 'N' }, 'email'],
      [{ email: 'n@test.cofinanca.cat', name: '' }, 'name'],
      [{ email: 'n@test.cofinanca.cat', name: 'N', roles: ['officer'] }, 'roles'],
      [{ email: 'n@test.cofinanca.cat', name: 'N', locale: 'fr' }, 'locale'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const res = await t
        .http()
        .post(`/api/v1/entities/${a.id}/members`)
        .set(bearer(a1.token))
        .send(body)
        .expect(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('removes a colleague who left: deactivated, sessions ended, audited', async () => {
      const { entity, user } = await activeEntity();
      const leaving = await entityUser(t, entity.id);
      await t
        .http()
        .delete(`/api/v1/entities/${entity.id}/members/${leaving.id}`)
        .set(bearer(user.token))
        .expect(204);
      await t.http().get('/api/v1/auth/me').set(bearer(leaving.token)).expect(401);
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: leaving.email, password: leaving.password })
        .expect(401);
      const list = await t
        .http()
        .get(`/api/v1/entities/${entity.id}/members`)
        .set(bearer(user.token))
        .expect(200);
      expect(list.body.find((m: { id: string }) => m.id === leaving.id)).toMatchObject({ active: false });
      expect(await auditActions(entity.id)).toContain('entity.member_removed');
      // Removing them again changes nothing.
      await t
        .http()
        .delete(`/api/v1/entities/${entity.id}/members/${leaving.id}`)
        .set(bearer(user.token))
        .expect(204);
    });

    it('never removes the last active user (409 INVALID_STATE), even oneself', async () => {
      const { entity, user } = await activeEntity();
      const res = await t
        .http()
        .delete(`/api/v1/entities/${entity.id}/members/${user.id}`)
        .set(bearer(user.token))
        .expect(409);
      expect(res.body).toMatchObject({ code: 'INVALID_STATE', errors: { userId: expect.any(Array) } });
      expect(res.body.detail).toMatch(/last active user/);
      await t.http().get('/api/v1/auth/me').set(bearer(user.token)).expect(200);

      const other = await entityUser(t, entity.id);
      await t
        .http()
        .delete(`/api/v1/entities/${entity.id}/members/${user.id}`)
        .set(bearer(user.token))
        .expect(204);
      await t
        .http()
        .delete(`/api/v1/entities/${entity.id}/members/${other.id}`)
        .set(bearer(staff.officer.token))
        .expect(409);
    });

    it('answers a user of another entity, or no entity user at all, with 404', async () => {
      const { entity, user } = await activeEntity();
      await entityUser(t, entity.id);
      for (const userId of [b1.id, staff.viewer.id, NO_SUCH_ID]) {
        const res = await t
          .http()
          .delete(`/api/v1/entities/${entity.id}/members/${userId}`)
          .set(bearer(user.token))
          .expect(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      expect((await t.http().get('/api/v1/auth/me').set(bearer(b1.token))).status).toBe(200);
    });
  });
});
