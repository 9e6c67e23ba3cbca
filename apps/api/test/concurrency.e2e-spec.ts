import { entityUser, insertCall, insertEntity, standInCalendarsAroundToday } from './utils/fixtures';
import { bearer, createTestApp, type TestApp } from './utils/test-app';

/**
 * Many requests at once, reads inside transactions mixed with plain parameterised queries — what one screen of the
 * back-office does. On the embedded engine their protocol messages must never interleave (a single pooled
 * connection; otherwise a transaction starting between another query's Parse and Bind gives wrong 404s, 401s and
 * hangs); on a server the pool serves them side by side. Either way every answer is right.
 */
describe('simultaneous requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // Correction requests here are notified today: their due dates need this year's and next year's calendars.
    await standInCalendarsAroundToday(t);
  });
  afterAll(() => t.close());

  it('answers 10 rounds of 30 simultaneous requests on one application correctly', async () => {
    const officer = await t.user('officer');
    const entity = await insertEntity(t);
    const ngo = await entityUser(t, entity.id);
    const call = await insertCall(t);
    const created = await t
      .http()
      .post(`/api/v1/calls/${call.id}/applications`)
      .set(bearer(ngo.token))
      .send({ title: 'Aigua per a tothom' })
      .expect(201);
    const id = created.body.id as string;
    const paths = [
      `/api/v1/applications/${id}`,
      `/api/v1/applications/${id}/history`,
      `/api/v1/applications/${id}/requirements`,
      `/api/v1/applications/${id}/documents`,
      '/api/v1/auth/me',
      '/api/v1/calls?status=published',
    ];
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          t
            .http()
            .get(paths[i % paths.length])
            .set(bearer(i % 2 ? officer.token : ngo.token))
            .timeout(20_000),
        ),
      );
      answers.forEach((res, i) =>
        expect({ path: paths[i % paths.length], status: res.status }).toEqual({
          path: paths[i % paths.length],
          status: 200,
        }),
      );
    }
  });
});
