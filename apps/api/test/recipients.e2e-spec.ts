import { dataSource } from './utils/fixtures';
import { outboxTo, submittedApplication } from './utils/submission-fixtures';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

/**
 * One recipients filter everywhere (RecipientsService): active users holding the role the message is for — the
 * entity's news to its active `entity` users, the office's to its active officers; nobody else.
 */
describe('recipients of the workflow e-mails', () => {
  let t: TestApp;
  let officer: TestUser;
  let formerOfficer: TestUser;
  let admin: TestUser;

  const deactivate = (user: TestUser) =>
    dataSource(t).query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
  const templatesTo = async (user: TestUser) => (await outboxTo(t, user.email)).map((m) => m.template);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user('officer');
    formerOfficer = await t.user('officer');
    admin = await t.user('admin');
    await deactivate(formerOfficer);
  });

  afterAll(() => t.close());

  it("an application's news reach the active users of its entity only", async () => {
    const app = await submittedApplication(t);
    const colleague = await t.user('entity', { entityId: app.applicant.entity.id });
    const former = await t.user('entity', { entityId: app.applicant.entity.id });
    await deactivate(former);

    await t.http().post(`/api/v1/applications/${app.id}/admit`).set(bearer(officer.token)).send().expect(200);

    expect(await templatesTo(app.applicant.user)).toEqual(['application_submitted', 'application_admitted']);
    expect(await templatesTo(colleague)).toEqual(['application_admitted']);
    expect(await templatesTo(former)).toEqual([]);
    expect(await templatesTo(officer)).toEqual([]);
  });

  it("the office's news reach the active officers only (not former officers, not admins)", async () => {
    const app = await submittedApplication(t);
    await t
      .http()
      .post(`/api/v1/applications/${app.id}/withdraw`)
      .set(bearer(app.applicant.user.token))
      .send()
      .expect(200);

    expect(await templatesTo(officer)).toEqual(['application_withdrawn']);
    expect(await templatesTo(formerOfficer)).toEqual([]);
    expect(await templatesTo(admin)).toEqual([]);
  });

  it("an entity's status news reach its active users only", async () => {
    const app = await submittedApplication(t);
    const former = await t.user('entity', { entityId: app.applicant.entity.id });
    await deactivate(former);

    await t
      .http()
      .post(`/api/v1/entities/${app.applicant.entity.id}/suspend`)
      .set(bearer(officer.token))
      .send({ reason: 'Auditoria pendent' })
      .expect(200);

    expect(await templatesTo(app.applicant.user)).toContain('entity_suspended');
    expect(await templatesTo(former)).toEqual([]);
  });
});
