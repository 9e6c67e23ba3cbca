import type { Problem } from '@cofinanca/contracts';
import { bearer, createTestApp, type TestApp } from './utils/test-app';

/** problem+json `errors`: a stable code per field rule and a message in the caller's language (api.md). */
describe('field errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** An admin creating a user with a name too long, no roles and a field that does not exist. */
  const badUser = { email: 'not-an-email', name: 'x'.repeat(201), roles: [], nickname: 'Nick' };

  const MESSAGES = {
    ca: {
      email: 'No és una adreça electrònica vàlida.',
      name: 'Ha de tenir com a màxim 200 caràcters.',
      roles: "El nombre d'elements ha de ser com a mínim 1.",
      nickname: 'No és un camp conegut.',
    },
    es: {
      email: 'No es una dirección de correo electrónico válida.',
      name: 'Debe tener como máximo 200 caracteres.',
      roles: 'El número de elementos debe ser como mínimo 1.',
      nickname: 'No es un campo conocido.',
    },
    en: {
      email: 'Is not a valid e-mail address.',
      name: 'Must be at most 200 characters long.',
      roles: 'The number of items must be at least 1.',
      nickname: 'Is not a known field.',
    },
  } as const;

  const expected = (locale: keyof typeof MESSAGES): Problem['errors'] => ({
    email: [{ code: 'INVALID_EMAIL', message: MESSAGES[locale].email }],
    name: [{ code: 'TOO_LONG', message: MESSAGES[locale].name, params: { max: 200 } }],
    roles: [{ code: 'TOO_FEW', message: MESSAGES[locale].roles, params: { min: 1 } }],
    nickname: [{ code: 'UNKNOWN_FIELD', message: MESSAGES[locale].nickname }],
  });

  async function anonymousLogin(acceptLanguage?: string): Promise<Problem> {
    const req = t.http().post('/api/v1/auth/login');
    if (acceptLanguage) req.set('Accept-Language', acceptLanguage);
    const res = await req.send({ email: 'x'.repeat(300), password: 'whatever', remember: true }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return res.body as Problem;
  }

  describe('without a signed-in user, by Accept-Language', () => {
    it.each([
      ['ca-ES,ca;q=0.9', 'ca'],
      ['es-ES,es;q=0.9,en;q=0.5', 'es'],
      ['en-GB,en;q=0.9', 'en'],
      ['fr-FR,fr;q=0.9,es;q=0.5', 'es'],
      ['de', 'ca'],
      [undefined, 'ca'],
    ] as const)('%s → %s', async (header, locale) => {
      const problem = await anonymousLogin(header);
      expect(problem.code).toBe('VALIDATION_FAILED');
      const emailErrors = problem.errors?.['email'] ?? [];
      expect(emailErrors.map((e) => e.code)).toContain('TOO_LONG');
      expect(problem.errors?.['remember']).toEqual([
        { code: 'UNKNOWN_FIELD', message: MESSAGES[locale].nickname },
      ]);
    });
  });

  describe('with a signed-in user, in the user’s locale', () => {
    it.each(['ca', 'es', 'en'] as const)(
      'an admin in %s gets every field in that language',
      async (locale) => {
        const admin = await t.user('admin', { locale });
        // Accept-Language says otherwise: the user's own choice wins.
        const res = await t
          .http()
          .post('/api/v1/users')
          .set(bearer(admin.token))
          .set('Accept-Language', locale === 'en' ? 'es' : 'en')
          .send(badUser)
          .expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.errors).toEqual(expected(locale));
      },
    );

    it('follows the user when the locale changes', async () => {
      const user = await t.user('viewer', { locale: 'en' });
      const tooLong = async () =>
        (
          await t
            .http()
            .patch('/api/v1/auth/me')
            .set(bearer(user.token))
            .send({ name: 'y'.repeat(201) })
            .expect(400)
        ).body as Problem;
      expect((await tooLong()).errors?.['name']).toEqual([
        { code: 'TOO_LONG', message: 'Must be at most 200 characters long.', params: { max: 200 } },
      ]);
      await t.http().patch('/api/v1/auth/me').set(bearer(user.token)).send({ locale: 'es' }).expect(200);
      expect((await tooLong()).errors?.['name']).toEqual([
        { code: 'TOO_LONG', message: 'Debe tener como máximo 200 caracteres.', params: { max: 200 } },
      ]);
    });
  });

  it('a 409 names its field rule too (TAKEN, NOT_CURRENT_VERSION)', async () => {
    const user = await t.user('viewer');
    const admin = await t.user('admin', { locale: 'en' });
    const taken = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin.token))
      .send({ email: user.email, name: 'Again', roles: ['viewer'] })
      .expect(409);
    expect(taken.body).toMatchObject({
      code: 'DUPLICATE',
      errors: { email: [{ code: 'TAKEN', message: 'This value is already in use.' }] },
    });
    const stale = await t
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set(bearer(admin.token))
      .send({ name: 'Renamed', version: user.version + 7 })
      .expect(409);
    expect(stale.body).toMatchObject({
      code: 'STALE_VERSION',
      errors: {
        version: [{ code: 'NOT_CURRENT_VERSION', message: expect.stringMatching(/^Is not the current/) }],
      },
    });
  });
});
