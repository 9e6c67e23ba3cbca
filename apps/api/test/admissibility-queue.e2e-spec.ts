import { dataSource, insertCall, standInCalendarsAroundToday } from './utils/fixtures';
import { submittedApplication } from './utils/submission-fixtures';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

/** The officers' admissibility queue: several statuses at once, sorting by entity, the open request's due date. */
describe('applications: the admissibility queue', () => {
  let t: TestApp;
  let officer: TestUser;
  let callId: string;
  const ids = { submitted: '', corrected: '', admitted: '' };
  let dueDate: string;

  beforeAll(async () => {
    t = await createTestApp();
    // Correction requests here are notified today: their due dates need this year's and next year's calendars.
    await standInCalendarsAroundToday(t);
    officer = await t.user('officer');
    const call = await insertCall(t);
    callId = call.id;
    const a = await submittedApplication(t, { call });
    const b = await submittedApplication(t, { call });
    const c = await submittedApplication(t, { call });
    ids.submitted = a.id;
    ids.corrected = b.id;
    ids.admitted = c.id;
    const req = await t
      .http()
      .post(`/api/v1/applications/${b.id}/requirements`)
      .set(bearer(officer.token))
      .send({ items: [{ description: 'Falta el pressupost signat' }] })
      .expect(201);
    dueDate = req.body.dueDate;
    await t.http().post(`/api/v1/applications/${c.id}/admit`).set(bearer(officer.token)).send().expect(200);
  });
  afterAll(() => t.close());

  const queue = (query: Record<string, string>) =>
    t
      .http()
      .get('/api/v1/applications')
      .query({ callId, ...query })
      .set(bearer(officer.token));

  it('filters by several statuses separated by commas', async () => {
    const res = await queue({ status: 'submitted,correction_requested' }).expect(200);
    expect(res.body.items.map((a: { id: string }) => a.id).sort()).toEqual(
      [ids.submitted, ids.corrected].sort(),
    );
    const one = await queue({ status: 'admitted' }).expect(200);
    expect(one.body.items.map((a: { id: string }) => a.id)).toEqual([ids.admitted]);
  });

  it('refuses an unknown status in the list with 400', async () => {
    const res = await queue({ status: 'submitted,bogus' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.errors)).toContain('status');
  });

  it("carries the open correction request's due date, in lists and in the detail", async () => {
    const res = await queue({}).expect(200);
    const byId = new Map(res.body.items.map((a: { id: string }) => [a.id, a]));
    expect(byId.get(ids.corrected)).toMatchObject({ openRequirementDueDate: dueDate });
    expect(byId.get(ids.submitted)).toMatchObject({ openRequirementDueDate: null });
    const one = await t
      .http()
      .get(`/api/v1/applications/${ids.corrected}`)
      .set(bearer(officer.token))
      .expect(200);
    expect(one.body.openRequirementDueDate).toBe(dueDate);
  });

  it('sorts by entity name both ways', async () => {
    const asc = await queue({ sort: 'entity' }).expect(200);
    const names = asc.body.items.map((a: { entity: { legalName: string } }) => a.entity.legalName);
    expect(names).toEqual([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    const desc = await queue({ sort: '-entity' }).expect(200);
    expect(desc.body.items.map((a: { entity: { legalName: string } }) => a.entity.legalName)).toEqual(
      [...names].reverse(),
    );
  });

  describe('an application that leaves the procedure closes its open correction request', () => {
    const openRequest = async (id: string) =>
      (
        await t
          .http()
          .post(`/api/v1/applications/${id}/requirements`)
          .set(bearer(officer.token))
          .send({ items: [{ description: 'Aporteu el conveni signat' }] })
          .expect(201)
      ).body.id as string;
    const requirementStatus = async (id: string) =>
      (await dataSource(t).query('SELECT status FROM requirements WHERE id = $1', [id]))[0].status;

    it('when the entity withdraws it', async () => {
      const app = await submittedApplication(t, { call: await insertCall(t) });
      const requirementId = await openRequest(app.id);
      const res = await t
        .http()
        .post(`/api/v1/applications/${app.id}/withdraw`)
        .set(bearer(app.applicant.user.token))
        .send()
        .expect(200);
      expect(res.body).toMatchObject({ status: 'withdrawn', openRequirementDueDate: null });
      expect(await requirementStatus(requirementId)).toBe('closed');
    });

    it('when an officer declares it inadmissible', async () => {
      const app = await submittedApplication(t, { call: await insertCall(t) });
      const requirementId = await openRequest(app.id);
      const res = await t
        .http()
        .post(`/api/v1/applications/${app.id}/declare-inadmissible`)
        .set(bearer(officer.token))
        .send({ reason: 'No és una entitat sense ànim de lucre' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'inadmissible', openRequirementDueDate: null });
      expect(await requirementStatus(requirementId)).toBe('closed');
    });
  });
});
