import { validate } from 'class-validator';
import { LOCALES, ROLES, type Role } from '@cofinanca/contracts';
import { IsCountryCode, IsPolicyMarkerCode, IsSectorCode } from '../src/common/codelist-validators';
import { flattenValidationErrors } from '../src/common/validation';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

describe('codelists', () => {
  let t: TestApp;
  const people = {} as Record<Role, TestUser>;
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) people[role] = await t.user(role);
  });
  afterAll(() => t.close());

  it.each([
    ['sectors', 295],
    ['sdg-goals', 17],
    ['sdg-targets', 169],
    ['policy-markers', 7],
    ['countries', 250],
    ['currencies', 167],
  ])('serves %s (%i items) to a signed-in user', async (list, count) => {
    const res = await t
      .http()
      .get(`/api/v1/codelists/${list}`)
      .set(bearer(people.entity.token))
      .expect(200)
      .expect('Content-Type', /application\/json/);
    expect(res.body).toHaveLength(count);
  });

  it.each(ROLES)('is open to every role (%s)', async (role) => {
    await t.http().get('/api/v1/codelists/sdg-goals').set(bearer(people[role].token)).expect(200);
  });

  it('gives SDG goals and policy markers names in ca, es and en', async () => {
    const goals = await t.http().get('/api/v1/codelists/sdg-goals').set(bearer(people.viewer.token));
    expect(goals.body[0]).toEqual({
      code: 1,
      name: { ca: 'Fi de la pobresa', es: 'Fin de la pobreza', en: 'No poverty' },
    });
    for (const g of goals.body) expect(Object.keys(g.name).sort()).toEqual([...LOCALES].sort());
    const markers = await t.http().get('/api/v1/codelists/policy-markers').set(bearer(people.viewer.token));
    expect(markers.body.map((m: { code: string }) => m.code)).toEqual(['1', '2', '3', '6', '7', '10', '11']);
    expect(markers.body[0]).toEqual({
      code: '1',
      name: { ca: 'Igualtat de gènere', es: 'Igualdad de género', en: 'Gender equality' },
    });
  });

  it('serves sectors, targets, countries and currencies with their official codes', async () => {
    const get = (list: string) => t.http().get(`/api/v1/codelists/${list}`).set(bearer(people.officer.token));
    const sectors = await get('sectors');
    expect(sectors.body).toContainEqual({
      code: '15170',
      name: "Women's rights organisations and movements, and government institutions",
      category: '151',
    });
    expect(sectors.body.map((s: { code: string }) => s.code)).not.toContain('15120'); // withdrawn
    const targets = await get('sdg-targets');
    expect(targets.body).toContainEqual(expect.objectContaining({ code: '5.2', goal: 5 }));
    expect((await get('countries')).body).toContainEqual({ code: 'SN', name: 'Senegal' });
    expect((await get('currencies')).body).toContainEqual({ code: 'EUR', name: 'Euro' });
  });

  it('needs a session (401)', async () => {
    const res = await t.http().get('/api/v1/codelists/sectors').expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it.each(['languages', 'constructor', '__proto__', 'SECTORS'])(
    'answers an unknown list (%s) with 404',
    async (list) => {
      const res = await t
        .http()
        .get(`/api/v1/codelists/${list}`)
        .set(bearer(people.viewer.token))
        .expect(404)
        .expect('Content-Type', /application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    },
  );

  it('is documented in the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const op = res.body.paths['/api/v1/codelists/{list}'].get;
    expect(op.parameters[0].schema.enum).toEqual([
      'sectors',
      'sdg-goals',
      'sdg-targets',
      'policy-markers',
      'countries',
      'currencies',
    ]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '401', '404']));
  });
});

describe('codelist validators', () => {
  class Sample {
    @IsSectorCode() sector: unknown;
    @IsCountryCode() country: unknown;
    @IsPolicyMarkerCode({ each: true }) markers: unknown;
  }
  const sample = (values: Partial<Sample>) => Object.assign(new Sample(), values);
  const issues = async (values: Partial<Sample>) => flattenValidationErrors(await validate(sample(values)));

  it('accepts official codes', async () => {
    expect(await issues({ sector: '15170', country: 'SN', markers: ['1', '11'] })).toEqual({});
  });

  it('rejects others with the code of the list', async () => {
    const refused = {
      sector: [{ code: 'INVALID_SECTOR' }],
      country: [{ code: 'INVALID_COUNTRY' }],
      markers: [{ code: 'INVALID_POLICY_MARKER' }],
    };
    expect(await issues({ sector: '15120', country: 'XX', markers: ['1', '4'] })).toEqual(refused);
    expect(await issues({ sector: 15170, country: 'sn', markers: [1] })).toEqual(refused);
  });
});
