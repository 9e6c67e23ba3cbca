import { dataSource, randomNif, VALID_IBAN } from './utils/fixtures';
import { bearer, createTestApp, unique, type TestApp, type TestUser } from './utils/test-app';

const PASSWORD = 'Long-enough-pass-1';

/** A complete, valid registration with unique data. */
function registration(overrides: { entity?: object; user?: object; [k: string]: unknown } = {}) {
  const { entity, user, ...rest } = overrides;
  return {
    entity: {
      legalName: `Associació ${unique('r')}`,
      nif: randomNif(),
      registryNumber: '4321',
      foundedOn: '1998-03-02',
      address: {
        street: 'Carrer Major',
        number: '31, 2n',
        postcode: '25007',
        town: 'Lleida',
        municipalityCode: '25120',
        province: 'Lleida',
        countryCode: 'ES',
      },
      email: `${unique('ngo')}@test.cofinanca.cat`,
      phone: '+34 973 700 000',
      website: 'https://ong.example.org',
      iban: 'es91 2100 0418 4502 0005 1332',
      legalRepresentative: { name: 'Maria Puig', idNumber: '12345678z', position: 'Presidenta' },
      ...entity,
    },
    user: { email: `${unique('first')}@test.cofinanca.cat`, name: 'Anna Serra', password: PASSWORD, ...user },
    privacyAccepted: true,
    ...rest,
  };
}

/** A NIF with a wrong control digit. */
function badNif(): string {
  const nif = randomNif();
  return `${nif.slice(0, 8)}${(Number(nif[8]) + 1) % 10}`;
}

interface OutboxItem {
  to: string;
  locale: string;
  subject: string;
  text: string;
}

async function outbox(t: TestApp, to: string): Promise<OutboxItem[]> {
  const res = await t.http().get('/api/v1/outbox').query({ to }).set(bearer(t.adminToken)).expect(200);
  return res.body.items;
}

async function verificationToken(t: TestApp, email: string): Promise<string> {
  const [mail] = await outbox(t, email);
  const match = mail?.text.match(/http:\/\/cofinanca\.test\/verify-email\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no verification link for ${email}`);
  return match[1];
}

async function countRows(t: TestApp, sql: string, params: unknown[]): Promise<number> {
  const [row] = await dataSource(t).query(sql, params);
  return Number(row.count);
}

describe('NGO self-registration', () => {
  let t: TestApp;
  let officerCa: TestUser;
  let officerEn: TestUser;
  let retiredOfficer: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    officerCa = await t.user('officer');
    officerEn = await t.user('officer', { locale: 'en' });
    retiredOfficer = await t.user('officer');
    await t
      .http()
      .patch(`/api/v1/users/${retiredOfficer.id}`)
      .set(bearer(t.adminToken))
      .send({ version: retiredOfficer.version, active: false })
      .expect(200);
  });
  afterAll(() => t.close());

  describe('POST /api/v1/auth/register', () => {
    it('creates the entity pending validation and its first user, who can sign in at once', async () => {
      const body = registration({ locale: 'es' });
      body.entity.nif = `${body.entity.nif.slice(0, 1).toLowerCase()}-${body.entity.nif.slice(1)}`;
      const res = await t.http().post('/api/v1/auth/register').send(body).expect(201);

      const nif = body.entity.nif.replace('-', '').toUpperCase();
      expect(res.body.entity).toMatchObject({
        id: expect.any(String),
        legalName: body.entity.legalName,
        nif,
        status: 'pending_validation',
        iban: VALID_IBAN,
        ibanStatus: 'pending',
        validatedIban: null,
        ibanCertificateId: null,
        validatedAt: null,
        statusReason: null,
        address: body.entity.address,
        legalRepresentative: { name: 'Maria Puig', idNumber: '12345678Z', position: 'Presidenta' },
        version: expect.any(Number),
      });
      expect(Date.parse(res.body.entity.privacyAcceptedAt)).not.toBeNaN();
      expect(res.body.user).toEqual({
        id: expect.any(String),
        email: body.user.email,
        name: 'Anna Serra',
        locale: 'es',
      });

      const token = await t.login(body.user.email, PASSWORD);
      const me = await t.http().get('/api/v1/auth/me').set(bearer(token)).expect(200);
      expect(me.body).toMatchObject({ roles: ['entity'], entityId: res.body.entity.id, locale: 'es' });
      expect(me.body.permissions).toContain('entities.own');
      const own = await t.http().get(`/api/v1/entities/${res.body.entity.id}`).set(bearer(token)).expect(200);
      expect(own.body.nif).toBe(nif);

      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectId: res.body.entity.id })
        .set(bearer(officerCa.token))
        .expect(200);
      const registered = audit.body.items.find((e: { action: string }) => e.action === 'entity.registered');
      expect(registered).toMatchObject({ actorId: res.body.user.id, subjectType: 'entity' });
      expect(JSON.stringify(registered)).not.toContain(PASSWORD);
    });

    it('e-mails the new user a verification link in their language', async () => {
      const body = registration({ locale: 'en' });
      await t.http().post('/api/v1/auth/register').send(body).expect(201);
      const mails = await outbox(t, body.user.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ locale: 'en', subject: 'Confirm your e-mail address in Cofinança' });
      expect(mails[0].text).toContain(body.entity.legalName);
      expect(mails[0].text).toMatch(/http:\/\/cofinanca\.test\/verify-email\?token=[A-Za-z0-9_-]{40,}/);
    });

    it('defaults the user’s language to Catalan', async () => {
      const body = registration();
      const res = await t.http().post('/api/v1/auth/register').send(body).expect(201);
      expect(res.body.user.locale).toBe('ca');
      const [mail] = await outbox(t, body.user.email);
      expect(mail.subject).toBe('Confirmeu la vostra adreça electrònica a Cofinança');
    });

    it('tells every active officer, in their language, with a link to the entity', async () => {
      const body = registration();
      const res = await t.http().post('/api/v1/auth/register').send(body).expect(201);
      const link = `http://cofinanca.test/entities/${res.body.entity.id}`;
      const ca = (await outbox(t, officerCa.email)).find((m) => m.text.includes(link));
      const en = (await outbox(t, officerEn.email)).find((m) => m.text.includes(link));
      expect(ca?.subject).toBe(`Nova entitat per validar: ${body.entity.legalName}`);
      expect(en?.subject).toBe(`New entity to validate: ${body.entity.legalName}`);
      expect(en?.text).toContain(res.body.entity.nif);
      expect(await outbox(t, retiredOfficer.email)).toHaveLength(0);
    });

    it('accepts a NIE for the representative and a foreign address', async () => {
      const body = registration({
        entity: {
          legalRepresentative: { name: 'Awa Diop', idNumber: 'X1234567L', position: 'Secretària' },
          address: {
            street: 'Rue de Rivoli',
            postcode: '75001',
            town: 'Paris',
            municipalityCode: '75056',
            province: 'Paris',
            countryCode: 'FR',
          },
          registryNumber: null,
          foundedOn: null,
          phone: null,
          website: null,
        },
      });
      const res = await t.http().post('/api/v1/auth/register').send(body).expect(201);
      expect(res.body.entity).toMatchObject({
        registryNumber: null,
        foundedOn: null,
        phone: null,
        website: null,
        address: { number: null, countryCode: 'FR' },
      });
    });

    it.each([
      [{ privacyAccepted: false }, 'privacyAccepted'],
      [{ privacyAccepted: 'true' }, 'privacyAccepted'],
      [{ privacyAccepted: undefined }, 'privacyAccepted'],
      [{ entity: { nif: badNif() } }, 'entity.nif'],
      [{ entity: { nif: 'X1234567L' } }, 'entity.nif'],
      [{ entity: { iban: 'ES9121000418450200051333' } }, 'entity.iban'],
      [{ entity: { iban: 'ES7821000813000123456789' } }, 'entity.iban'],
      [
        { entity: { legalRepresentative: { name: 'M', idNumber: '12345678A', position: 'P' } } },
        'entity.legalRepresentative.idNumber',
      ],
      [
        {
          entity: {
            address: {
              street: 'C',
              postcode: '2500',
              town: 'L',
              municipalityCode: '25120',
              province: 'L',
              countryCode: 'ES',
            },
          },
        },
        'entity.address.postcode',
      ],
      [
        {
          entity: {
            address: {
              street: 'C',
              postcode: '08001',
              town: 'L',
              municipalityCode: '25120',
              province: 'L',
              countryCode: 'ES',
            },
          },
        },
        'entity.address.postcode',
      ],
      [
        {
          entity: {
            address: {
              street: 'C',
              postcode: '25007',
              town: 'L',
              municipalityCode: '2512',
              province: 'L',
              countryCode: 'ES',
            },
          },
        },
        'entity.address.municipalityCode',
      ],
      [
        {
          entity: {
            address: {
              street: 'C',
              postcode: '25007',
              town: 'L',
              municipalityCode: '25120',
              province: 'L',
              countryCode: 'XX',
            },
          },
        },
        'entity.address.countryCode',
      ],
      [{ entity: { foundedOn: '2999-01-01' } }, 'entity.foundedOn'],
      [{ entity: { email: 'not-an-address' } }, 'entity.email'],
      [{ entity: { legalName: '' } }, 'entity.legalName'],
      [{ user: { password: 'short-9ch' } }, 'user.password'],
      [{ user: { email: 'nobody' } }, 'user.email'],
      [{ user: { roles: ['officer'] } }, 'user.roles'],
      [{ entity: { status: 'active' } }, 'entity.status'],
      [{ locale: 'fr' }, 'locale'],
      [{ entity: { address: undefined } }, 'entity.address'],
      [{ entity: { legalRepresentative: 'Maria Puig' } }, 'entity.legalRepresentative'],
      [{ extra: 1 }, 'extra'],
    ])('refuses %j with 400 naming %s, creating nothing', async (overrides, field) => {
      const body = registration(overrides as Parameters<typeof registration>[0]);
      const res = await t.http().post('/api/v1/auth/register').send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.errors)).toContain(field);
      expect(await countRows(t, 'SELECT count(*) FROM users WHERE email = $1', [body.user.email])).toBe(0);
    });

    it.each(['entity', 'user'] as const)(
      'refuses a registration without %s with 400 naming it',
      async (part) => {
        const body: Partial<ReturnType<typeof registration>> = registration();
        delete body[part];
        const res = await t.http().post('/api/v1/auth/register').send(body).expect(400);
        expect(Object.keys(res.body.errors)).toContain(part);
      },
    );

    it('answers a NIF registered already with 409 DUPLICATE on entity.nif, however it is written', async () => {
      const first = registration();
      await t.http().post('/api/v1/auth/register').send(first).expect(201);
      const again = registration({ entity: { nif: ` ${first.entity.nif.toLowerCase()} ` } });
      const res = await t.http().post('/api/v1/auth/register').send(again).expect(409);
      expect(res.body).toMatchObject({ code: 'DUPLICATE', errors: { 'entity.nif': expect.any(Array) } });
      expect(res.body.errors['user.email']).toBeUndefined();
      expect(await countRows(t, 'SELECT count(*) FROM entities WHERE nif = $1', [first.entity.nif])).toBe(1);
      expect(await countRows(t, 'SELECT count(*) FROM users WHERE email = $1', [again.user.email])).toBe(0);
    });

    it('answers an e-mail in use with 409 DUPLICATE on user.email, creating no entity', async () => {
      const first = registration();
      await t.http().post('/api/v1/auth/register').send(first).expect(201);
      const again = registration({ user: { email: first.user.email.toUpperCase() } });
      const res = await t.http().post('/api/v1/auth/register').send(again).expect(409);
      expect(res.body).toMatchObject({ code: 'DUPLICATE', errors: { 'user.email': expect.any(Array) } });
      expect(await countRows(t, 'SELECT count(*) FROM entities WHERE nif = $1', [again.entity.nif])).toBe(0);
    });

    it('names both fields when the NIF and the e-mail are both taken', async () => {
      const first = registration();
      await t.http().post('/api/v1/auth/register').send(first).expect(201);
      const res = await t
        .http()
        .post('/api/v1/auth/register')
        .send(registration({ entity: { nif: first.entity.nif }, user: { email: first.user.email } }))
        .expect(409);
      expect(Object.keys(res.body.errors).sort()).toEqual(['entity.nif', 'user.email']);
    });
  });

  describe('POST /api/v1/auth/verify-email/resend', () => {
    it('e-mails a new link to the signed-in NGO user; the old one no longer works, the new one does', async () => {
      const body = registration();
      await t.http().post('/api/v1/auth/register').send(body).expect(201);
      const first = await verificationToken(t, body.user.email);
      const token = await t.login(body.user.email, PASSWORD);
      await t.http().post('/api/v1/auth/verify-email/resend').set(bearer(token)).send().expect(202);
      const mails = await outbox(t, body.user.email);
      expect(mails).toHaveLength(2);
      const second = mails
        .map((m) => m.text.match(/verify-email\?token=([A-Za-z0-9_-]+)/)?.[1])
        .find((tok) => tok && tok !== first);
      expect(second).toBeDefined();
      await t.http().post('/api/v1/auth/verify-email').send({ token: first }).expect(400);
      await t.http().post('/api/v1/auth/verify-email').send({ token: second }).expect(204);
      const again = await t
        .http()
        .post('/api/v1/auth/verify-email/resend')
        .set(bearer(token))
        .send()
        .expect(409);
      expect(again.body.code).toBe('INVALID_STATE');
    });

    it('queues at most five verification e-mails to one address an hour, registration included; then 202 and nothing', async () => {
      const body = registration();
      await t.http().post('/api/v1/auth/register').send(body).expect(201);
      const token = await t.login(body.user.email, PASSWORD);
      for (let i = 0; i < 5; i++) {
        await t.http().post('/api/v1/auth/verify-email/resend').set(bearer(token)).send().expect(202);
      }
      const mails = await outbox(t, body.user.email);
      expect(mails).toHaveLength(5);
      // The last link e-mailed still works: a refused resend did not replace it.
      const newest = mails[0].text.match(/verify-email\?token=([A-Za-z0-9_-]+)/)?.[1];
      await t.http().post('/api/v1/auth/verify-email').send({ token: newest }).expect(204);
    });

    it('is for NGO users only', async () => {
      await t.http().post('/api/v1/auth/verify-email/resend').send().expect(401);
      const officer = await t.user('officer');
      await t.http().post('/api/v1/auth/verify-email/resend').set(bearer(officer.token)).send().expect(403);
    });
  });

  describe('POST /api/v1/auth/verify-email', () => {
    it('confirms the address with the e-mailed link, once', async () => {
      const body = registration();
      const reg = await t.http().post('/api/v1/auth/register').send(body).expect(201);
      const members = () =>
        t
          .http()
          .get(`/api/v1/entities/${reg.body.entity.id}/members`)
          .set(bearer(officerCa.token))
          .expect(200);
      expect((await members()).body[0].emailVerified).toBe(false);

      const token = await verificationToken(t, body.user.email);
      await t.http().post('/api/v1/auth/verify-email').send({ token }).expect(204);
      expect((await members()).body[0]).toMatchObject({ email: body.user.email, emailVerified: true });

      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectId: reg.body.user.id, action: 'user.email_verified' })
        .set(bearer(officerCa.token))
        .expect(200);
      expect(audit.body.items).toHaveLength(1);
      expect(JSON.stringify(audit.body.items[0])).not.toContain(token);

      const reused = await t.http().post('/api/v1/auth/verify-email').send({ token }).expect(400);
      expect(reused.body).toMatchObject({ code: 'INVALID_TOKEN', errors: { token: expect.any(Array) } });
    });

    it('answers an unknown token with 400 INVALID_TOKEN', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/verify-email')
        .send({ token: 'x'.repeat(43) })
        .expect(400);
      expect(res.body.code).toBe('INVALID_TOKEN');
    });

    it('does not accept a password-reset token', async () => {
      const body = registration();
      await t.http().post('/api/v1/auth/register').send(body).expect(201);
      await t.http().post('/api/v1/auth/password-reset').send({ email: body.user.email }).expect(202);
      const [reset] = await outbox(t, body.user.email);
      const token = reset.text.match(/reset-password\?token=([A-Za-z0-9_-]+)/)?.[1];
      expect(token).toBeDefined();
      const res = await t.http().post('/api/v1/auth/verify-email').send({ token }).expect(400);
      expect(res.body.code).toBe('INVALID_TOKEN');
    });

    it('refuses the link of a user deactivated since', async () => {
      const body = registration();
      const reg = await t.http().post('/api/v1/auth/register').send(body).expect(201);
      const token = await verificationToken(t, body.user.email);
      await dataSource(t).query('UPDATE users SET active = false WHERE id = $1', [reg.body.user.id]);
      const res = await t.http().post('/api/v1/auth/verify-email').send({ token }).expect(400);
      expect(res.body.code).toBe('INVALID_TOKEN');
      expect(
        await countRows(t, 'SELECT count(*) FROM users WHERE id = $1 AND email_verified_at IS NOT NULL', [
          reg.body.user.id,
        ]),
      ).toBe(0);
    });

    it.each([[{}], [{ token: 'short' }], [{ token: 'x'.repeat(43), extra: 1 }]])(
      'answers %j with 400 VALIDATION_FAILED',
      async (body) => {
        const res = await t.http().post('/api/v1/auth/verify-email').send(body).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      },
    );
  });
});

describe('NGO self-registration throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '2' });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED with Retry-After past the per-minute limit, like sign-in', async () => {
    await t.http().post('/api/v1/auth/register').send({}).expect(400);
    await t.http().post('/api/v1/auth/register').send({}).expect(400);
    const res = await t.http().post('/api/v1/auth/register').send(registration()).expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('throttles e-mail verification too', async () => {
    for (let i = 0; i < 2; i++) {
      await t
        .http()
        .post('/api/v1/auth/verify-email')
        .send({ token: 'x'.repeat(43) })
        .expect(400);
    }
    await t
      .http()
      .post('/api/v1/auth/verify-email')
      .send({ token: 'x'.repeat(43) })
      .expect(429);
  });
});
