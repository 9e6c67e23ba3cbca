import type { Problem } from '@cofinanca/contracts';
import { dataSource, entityProfile, insertCall, standInCalendarsAroundToday } from './utils/fixtures';
import {
  fullApplication,
  newApplicant,
  readyDraft,
  submit,
  submittedApplication,
  type Applicant,
} from './utils/submission-fixtures';
import { bearer, createTestApp, unique, type TestApp, type TestUser } from './utils/test-app';

/**
 * Nested values are validated by type at every level (issue 8 §2): an array where an object is expected, an object
 * where an array is expected, or an array of arrays, is a 400 naming the field — never a 500, never stored, never
 * submitted.
 */
describe('nested input: validated by type at every level', () => {
  let t: TestApp;
  let officer: TestUser;
  let applicant: Applicant;
  let draft: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp();
    await standInCalendarsAroundToday(t);
    officer = await t.user('officer');
    applicant = await newApplicant(t);
    const res = await t
      .http()
      .post(`/api/v1/calls/${(await insertCall(t)).id}/applications`)
      .set(bearer(applicant.user.token))
      .send({ title: 'Esborrany' })
      .expect(201);
    draft = { id: res.body.id, version: res.body.version };
  });
  afterAll(() => t.close());

  const db = () => dataSource(t);

  /** Every path named by `errors`, with the codes of each. */
  function errorCodes(problem: Problem): Record<string, string[]> {
    return Object.fromEntries(
      Object.entries(problem.errors ?? {}).map(([path, list]) => [path, list.map((e) => e.code)]),
    );
  }

  async function expectFields(
    res: { status: number; body: unknown },
    fields: Record<string, string[]>,
  ): Promise<void> {
    expect({ status: res.status, code: (res.body as Problem).code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(errorCodes(res.body as Problem)).toEqual(fields);
  }

  const patchDraft = (body: Record<string, unknown>) =>
    t
      .http()
      .patch(`/api/v1/applications/${draft.id}`)
      .set(bearer(applicant.user.token))
      .send({ ...body, version: draft.version });

  const line = fullApplication()['budgetLines'] as object[];

  describe('an application (PATCH and create)', () => {
    it.each([
      ['budgetLines', [[]], { 'budgetLines[0]': ['NOT_OBJECT'] }],
      ['budgetLines', [line[0], [line[1]]], { 'budgetLines[1]': ['NOT_OBJECT'] }],
      [
        'budgetLines',
        [1, 'x', null],
        Object.fromEntries([0, 1, 2].map((i) => [`budgetLines[${i}]`, ['NOT_OBJECT']])),
      ],
      ['budgetLines', {}, { budgetLines: ['NOT_ARRAY'] }],
      ['cofunding', [[]], { 'cofunding[0]': ['NOT_OBJECT'] }],
      ['sectors', [[]], { 'sectors[0]': ['NOT_OBJECT'] }],
      ['sectors', [[{ code: '15170', percent: '100.00' }]], { 'sectors[0]': ['NOT_OBJECT'] }],
      ['sdgs', [[]], { 'sdgs[0]': ['NOT_OBJECT'] }],
      ['sdgs', [{ goal: 5, targets: [['5.1']] }], { 'sdgs[0].targets': ['SDG_TARGET_MISMATCH'] }],
      ['policyMarkers', [[]], { 'policyMarkers[0]': ['NOT_OBJECT'] }],
      ['locations', [['Ziguinchor']], { locations: ['TOO_LONG', 'TOO_SHORT', 'NOT_STRING'] }],
      ['partnerEntityIds', [[]], { partnerEntityIds: ['INVALID_UUID'] }],
      ['beneficiaries', [], { beneficiaries: ['NOT_OBJECT'] }],
      ['beneficiaries', [{ women: 1, men: 1, other: 1 }], { beneficiaries: ['NOT_OBJECT'] }],
      [
        'beneficiaries',
        { direct: [], indirect: [] },
        { 'beneficiaries.direct': ['NOT_OBJECT'], 'beneficiaries.indirect': ['NOT_OBJECT'] },
      ],
      [
        'beneficiaries',
        { direct: { women: 1, men: 1, other: 1, byAge: [] }, indirect: { women: 1, men: 1, other: 1 } },
        { 'beneficiaries.direct.byAge': ['NOT_OBJECT'] },
      ],
      [
        'beneficiaries',
        {
          direct: { women: 1, men: 1, other: 1, byAge: { '0-17': [] } },
          indirect: { women: 1, men: 1, other: 1 },
        },
        { 'beneficiaries.direct.byAge.0-17': ['NOT_OBJECT'] },
      ],
      ['counterpart', [], { counterpart: ['NOT_OBJECT'] }],
      ['counterpart', 'Kagamen', { counterpart: ['NOT_OBJECT'] }],
    ])('%s: %j → 400 naming the field', async (field, value, fields) => {
      await expectFields(await patchDraft({ [field]: value }), fields);
    });

    it('creating a draft refuses the same, and nothing was stored by a refused PATCH', async () => {
      const call = await insertCall(t);
      const res = await t
        .http()
        .post(`/api/v1/calls/${call.id}/applications`)
        .set(bearer(applicant.user.token))
        .send({ ...fullApplication(), budgetLines: [[]], beneficiaries: { direct: [], indirect: [] } });
      await expectFields(res, {
        'budgetLines[0]': ['NOT_OBJECT'],
        'beneficiaries.direct': ['NOT_OBJECT'],
        'beneficiaries.indirect': ['NOT_OBJECT'],
      });
      const [row] = await db().query(
        `SELECT version, budget_lines AS "budgetLines", beneficiaries, sdgs FROM applications WHERE id = $1`,
        [draft.id],
      );
      expect(row).toEqual({ version: draft.version, budgetLines: [], beneficiaries: null, sdgs: [] });
    });

    it('a well-formed full application still passes', async () => {
      const res = await patchDraft(fullApplication()).expect(200);
      draft.version = res.body.version;
      expect(res.body.beneficiaries).toEqual(fullApplication()['beneficiaries']);
    });
  });

  describe('submission never accepts malformed stored content (written before these checks)', () => {
    it.each([
      ['beneficiaries', []],
      ['beneficiaries', { direct: [], indirect: [] }],
      ['beneficiaries', { direct: { women: 1, men: 1, other: 1 }, indirect: { women: 'many' } }],
      ['sdgs', [[]]],
      ['sdgs', [{ goal: 'five', targets: [] }]],
    ])('%s: %j → 422 APPLICATION_INCOMPLETE naming it', async (field, value) => {
      const ready = await readyDraft(t);
      const column = field === 'sdgs' ? 'sdgs' : 'beneficiaries';
      await db().query(`UPDATE applications SET ${column} = $1::jsonb WHERE id = $2`, [
        JSON.stringify(value),
        ready.id,
      ]);
      const res = await submit(t, ready.applicant.user.token, ready.id);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 422,
        code: 'APPLICATION_INCOMPLETE',
      });
      expect(Object.keys(res.body.errors)).toEqual([field]);
      const [row] = await db().query(
        `SELECT status, registry_number AS "registryNumber" FROM applications WHERE id = $1`,
        [ready.id],
      );
      expect(row).toEqual({ status: 'draft', registryNumber: null });
    });
  });

  describe('a correction request', () => {
    let appId: string;
    beforeAll(async () => {
      appId = (await submittedApplication(t)).id;
    });
    const request = (body: Record<string, unknown>) =>
      t.http().post(`/api/v1/applications/${appId}/requirements`).set(bearer(officer.token)).send(body);

    it.each([
      [[[]], { 'items[0]': ['NOT_OBJECT'] }],
      [
        [{ description: 'Aporteu els estatuts.' }, [{ description: 'Corregiu A2.' }]],
        { 'items[1]': ['NOT_OBJECT'] },
      ],
      [['Aporteu els estatuts.'], { 'items[0]': ['NOT_OBJECT'] }],
      [{ description: 'Aporteu els estatuts.' }, { items: ['NOT_ARRAY'] }],
    ])('items: %j → 400 naming the item', async (items, fields) => {
      await expectFields(await request({ items }), fields);
      const [{ count }] = await db().query(
        `SELECT count(*)::int AS count FROM requirements WHERE application_id = $1`,
        [appId],
      );
      expect(count).toBe(0);
    });
  });

  describe('a call', () => {
    const post = (body: Record<string, unknown>) =>
      t
        .http()
        .post('/api/v1/calls')
        .set(bearer(officer.token))
        .send({ code: unique('NEST').toUpperCase(), year: 2027, ...body });

    it.each([
      ['title', [], { title: ['NOT_OBJECT'] }],
      ['rubric', [], { rubric: ['NOT_OBJECT'] }],
      ['rubric', { blocks: [[]] }, { 'rubric.blocks[0]': ['NOT_OBJECT'] }],
      [
        'rubric',
        { blocks: [{ code: 'A', name: { ca: 'A', es: 'A', en: 'A' }, criteria: [[]] }] },
        { 'rubric.blocks[0].criteria[0]': ['NOT_OBJECT'] },
      ],
      ['scoreBands', [[]], { 'scoreBands[0]': ['NOT_OBJECT'] }],
      ['requiredDocuments', [[]], { 'requiredDocuments[0]': ['NOT_OBJECT'] }],
      [
        'requiredDocuments',
        [{ code: 'x_doc', name: [], required: true }],
        { 'requiredDocuments[0].name': ['NOT_OBJECT'] },
      ],
    ])('%s: %j → 400 naming the field', async (field, value, fields) => {
      await expectFields(await post({ [field]: value }), fields);
    });
  });

  describe('an entity (registration and profile)', () => {
    const entity = () => entityProfile();
    const register = (body: Record<string, unknown>) =>
      t
        .http()
        .post('/api/v1/auth/register')
        .send({
          entity: entity(),
          user: { email: `${unique('u')}@test.cofinanca.cat`, name: 'Anna', password: 'Long-enough-pass-1' },
          privacyAccepted: true,
          ...body,
        });

    it.each([
      [{ entity: [] }, { entity: ['NOT_OBJECT'] }],
      [{ entity: [entity()] }, { entity: ['NOT_OBJECT'] }],
      [{ user: [] }, { user: ['NOT_OBJECT'] }],
      [{ entity: { ...entity(), address: [] } }, { 'entity.address': ['NOT_OBJECT'] }],
      [
        { entity: { ...entity(), legalRepresentative: [[]] } },
        { 'entity.legalRepresentative': ['NOT_OBJECT'] },
      ],
    ])('registration %j → 400 naming the field', async (body, fields) => {
      await expectFields(await register(body), fields);
    });

    it('a profile edit with an array for the address → 400 naming address', async () => {
      const res = await t
        .http()
        .patch(`/api/v1/entities/${applicant.entity.id}`)
        .set(bearer(officer.token))
        .send({ version: applicant.entity.version, address: [] });
      await expectFields(res, { address: ['NOT_OBJECT'] });
    });
  });
});
