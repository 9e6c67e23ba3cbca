/**
 * The evaluation committee's meetings (product.md "Committee and resolution", api.md): officers record a meeting of a
 * call under evaluation with its members, attendance and recusals; its agenda is the live ranking; approval needs the
 * quorum of Llei 40/2015 art. 17 and a complete ranking, freezes that ranking, and happens once. Through HTTP on a
 * real database; every refusal tested.
 */
import type { ApplicationEntity } from '../src/modules/applications/application.entity';
import type { CallEntity } from '../src/modules/calls/call.entity';
import { dataSource } from './utils/fixtures';
import { pdfText } from './utils/pdf-text';
import { binary } from './utils/submission-fixtures';
import { applicationUnderEvaluation, evaluatingCall, submittedSheets } from './utils/scoring-fixtures';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

const members = (present: Record<string, boolean> = {}) => [
  {
    name: 'Anna Puig i Roca',
    position: 'Regidora de Cooperació',
    role: 'president',
    present: present.P ?? true,
  },
  { name: 'Jordi Vila', position: 'Secretari', role: 'secretary', present: present.S ?? true },
  { name: 'Marta Soler', position: 'Tècnica de cooperació', role: 'member', present: present.M1 ?? true },
  { name: 'Pere Bosch', position: 'Tècnic', role: 'member', present: present.M2 ?? true },
  {
    name: 'Laia Ferrer',
    position: 'Consell Municipal de Cooperació',
    role: 'member',
    present: present.M3 ?? true,
  },
  { name: 'Núria Camps', position: 'Assessora jurídica', role: 'advisor', present: present.A ?? true },
];

describe('committee meetings: agenda, quorum, recusals and the approval that freezes the ranking', () => {
  let t: TestApp;
  let officer: TestUser;
  let viewer: TestUser;
  let e1: TestUser;
  let e2: TestUser;
  let call: CallEntity;
  let a: ApplicationEntity;
  let b: ApplicationEntity;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user('officer');
    viewer = await t.user('viewer');
    e1 = await t.user('evaluator');
    e2 = await t.user('evaluator');
    call = await evaluatingCall(t, { budget: '30000.00', scoreBands: null, allocationMethod: 'rank_order' });
    a = await applicationUnderEvaluation(t, call);
    await submittedSheets(t, call, a, [e1.id, e2.id], [80, 82]);
    b = await applicationUnderEvaluation(t, call);
    await submittedSheets(t, call, b, [e1.id], [70], 'under_evaluation');
  }, 120_000);
  afterAll(() => t?.close());

  const as = (u: TestUser) => bearer(u.token);
  const create = (body: object, callId = call.id, who = officer) =>
    t.http().post(`/api/v1/calls/${callId}/committee-meetings`).set(as(who)).send(body);
  const meetingBody = (over: object = {}) => ({
    heldOn: '2026-12-10',
    place: 'Sala de Juntes, Paeria de Lleida',
    members: members(),
    ...over,
  });

  it('records a meeting whose agenda is the live ranking, with its quorum', async () => {
    const res = await create(meetingBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      callId: call.id,
      heldOn: '2026-12-10',
      status: 'draft',
      quorumReached: true,
      quorum: { voting: 5, votingPresent: 5, required: 3, issues: [] },
      approvedAt: null,
      version: 1,
    });
    expect(res.body.agenda.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([
      a.id,
      b.id,
    ]);
    expect(res.body.agenda.complete).toBe(false);
    const list = await t.http().get(`/api/v1/calls/${call.id}/committee-meetings`).set(as(officer));
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({
      id: res.body.id,
      members: 6,
      quorumReached: true,
      status: 'draft',
    });
    expect(list.body.items[0].agenda).toBeUndefined();
  });

  it.each([
    [
      'a second president',
      { members: [...members(), { name: 'Pere Roca', role: 'president', present: true }] },
      'members[6].role',
      'NOT_UNIQUE',
    ],
    [
      'two members with one name',
      { members: [...members(), { name: 'marta soler', role: 'member', present: true }] },
      'members[6].name',
      'NOT_UNIQUE',
    ],
    [
      'a recusal of someone not in the meeting',
      {
        recusals: [
          { memberName: 'Ningú', applicationId: '00000000-0000-4000-8000-000000000001', reason: 'x' },
        ],
      },
      'recusals[0].memberName',
      'ONE_OF',
    ],
    [
      'an unknown role',
      { members: [{ name: 'X', role: 'chair', present: true }] },
      'members[0].role',
      'ONE_OF',
    ],
    ['a date that does not exist', { heldOn: '2026-02-30' }, 'heldOn', 'INVALID_DATE'],
    ['an unknown field', { quorum: true }, 'quorum', 'UNKNOWN_FIELD'],
  ])('refuses %s with 400 on the field', async (_label, over, path, code) => {
    const res = await create(meetingBody(over));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors[path][0].code).toBe(code);
  });

  it('refuses a recusal for an application that is not on the agenda', async () => {
    const other = await evaluatingCall(t);
    const elsewhere = await applicationUnderEvaluation(t, other);
    const res = await create(
      meetingBody({
        recusals: [{ memberName: 'Marta Soler', applicationId: elsewhere.id, reason: 'Patrona' }],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors['recusals[0].applicationId'][0].code).toBe('UNKNOWN_APPLICATION');
  });

  it('has no minutes while a draft (409), and none for a random meeting (404)', async () => {
    const m = (await create(meetingBody())).body;
    const res = await t.http().get(`/api/v1/committee-meetings/${m.id}/minutes.pdf`).set(as(officer));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_STATE');
    const none = await t
      .http()
      .get('/api/v1/committee-meetings/00000000-0000-4000-8000-00000000beef/minutes.pdf')
      .set(as(officer));
    expect(none.status).toBe(404);
  });

  it('refuses a meeting of a call that is not being evaluated (409) or does not exist (404)', async () => {
    const closed = await evaluatingCall(t);
    await dataSource(t).query(`UPDATE calls SET status = 'closed' WHERE id = $1`, [closed.id]);
    const res = await create(meetingBody(), closed.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_STATE');
    expect((await create(meetingBody(), '00000000-0000-4000-8000-00000000beef')).status).toBe(404);
  });

  it('is the officers’: a viewer or an evaluator gets 403, and a random meeting 404', async () => {
    expect((await create(meetingBody(), call.id, viewer)).status).toBe(403);
    expect((await create(meetingBody(), call.id, e1)).status).toBe(403);
    const res = await t
      .http()
      .get('/api/v1/committee-meetings/00000000-0000-4000-8000-00000000beef')
      .set(as(officer));
    expect(res.status).toBe(404);
  });

  it('refuses approval without quorum, naming what is missing; fixing the attendance makes it pass the quorum', async () => {
    const m = (await create(meetingBody({ members: members({ S: false, M1: false, M2: false, M3: false }) })))
      .body;
    expect(m.quorum).toMatchObject({ reached: false, votingPresent: 1, required: 3 });
    expect(m.quorum.issues).toEqual(['SECRETARY_ABSENT', 'TOO_FEW_VOTING_MEMBERS']);
    const refused = await t
      .http()
      .post(`/api/v1/committee-meetings/${m.id}/approve`)
      .set(as(officer))
      .send({ version: m.version });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('QUORUM_NOT_REACHED');
    expect(Object.keys(refused.body.errors).sort()).toEqual(['members.present', 'members.secretary']);

    // The advisor's presence does not make a quorum; the secretary and one member more do.
    const fixed = await t
      .http()
      .patch(`/api/v1/committee-meetings/${m.id}`)
      .set(as(officer))
      .send({ version: m.version, members: members({ M2: false, M3: false }) });
    expect(fixed.status).toBe(200);
    expect(fixed.body.quorum).toMatchObject({ reached: true, votingPresent: 3, required: 3 });
    // A stale version loses nothing: 409.
    const stale = await t
      .http()
      .patch(`/api/v1/committee-meetings/${m.id}`)
      .set(as(officer))
      .send({ version: m.version, place: 'Una altra sala' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');

    // With quorum, the ranking still pending: 422 RANKING_INCOMPLETE naming the pending application.
    const incomplete = await t
      .http()
      .post(`/api/v1/committee-meetings/${m.id}/approve`)
      .set(as(officer))
      .send({ version: fixed.body.version });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('RANKING_INCOMPLETE');
    expect(Object.keys(incomplete.body.errors)).toEqual([`applications.${b.id}`]);
  });

  it('approves once with quorum and a complete ranking, freezing the ranking it shows', async () => {
    // B's second sheet: every application evaluated, the ranking complete.
    await dataSource(t).query(
      `DELETE FROM score_sheets WHERE assignment_id IN (SELECT id FROM assignments WHERE application_id = $1)`,
      [b.id],
    );
    await dataSource(t).query(`DELETE FROM assignments WHERE application_id = $1`, [b.id]);
    await submittedSheets(t, call, b, [e1.id, e2.id], [70, 72]);
    const m = (
      await create(
        meetingBody({
          recusals: [{ memberName: 'Laia Ferrer', applicationId: b.id, reason: 'Sòcia de l’entitat' }],
        }),
      )
    ).body;
    expect(m.agenda.complete).toBe(true);
    const [first, second] = await Promise.all(
      [1, 2].map(() =>
        t
          .http()
          .post(`/api/v1/committee-meetings/${m.id}/approve`)
          .set(as(officer))
          .send({ version: m.version }),
      ),
    );
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const ok = first.status === 200 ? first : second;
    expect(ok.body).toMatchObject({ status: 'approved', quorumReached: true });
    expect(ok.body.approvedAt).toBeTruthy();
    const frozen = ok.body.agenda;
    expect(frozen.items.map((i: { total: number }) => i.total)).toEqual([81, 71]);

    // A later change of scores moves the live ranking, not the approved minutes.
    await dataSource(t).query(
      `INSERT INTO consensus_scores (application_id, scores, rationale, decided_by, decided_at, version)
       SELECT $1, jsonb_build_array(), 'Revisió', $2, now(), 1`,
      [b.id, officer.id],
    );
    await dataSource(t).query(
      `UPDATE consensus_scores SET scores = (SELECT jsonb_agg(jsonb_build_object('criterionCode', x->>'criterionCode', 'points', 0)) FROM score_sheets sh, jsonb_array_elements(sh.scores) x WHERE sh.assignment_id = (SELECT id FROM assignments WHERE application_id = $1 LIMIT 1)) WHERE application_id = $1`,
      [b.id],
    );
    const live = await t.http().get(`/api/v1/calls/${call.id}/ranking`).set(as(officer));
    expect(live.body.items.find((i: { applicationId: string }) => i.applicationId === b.id).total).toBe(0);
    const again = await t.http().get(`/api/v1/committee-meetings/${m.id}`).set(as(officer));
    expect(again.body.agenda).toEqual(frozen);
    expect(again.body.recusals).toEqual([
      { memberName: 'Laia Ferrer', applicationId: b.id, reason: 'Sòcia de l’entitat' },
    ]);

    // Approved minutes no longer change.
    const edit = await t
      .http()
      .patch(`/api/v1/committee-meetings/${m.id}`)
      .set(as(officer))
      .send({ version: again.body.version, place: 'Una altra sala' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('INVALID_STATE');
    // The minutes: stored at the approval in each language, served as stored, never changed.
    const minutes = async (lang: string, who = officer) =>
      t
        .http()
        .get(`/api/v1/committee-meetings/${m.id}/minutes.pdf?lang=${lang}`)
        .set(as(who))
        .buffer(true)
        .parse(binary);
    const ca = await minutes('ca');
    expect(ca.status).toBe(200);
    expect(ca.headers['content-type']).toContain('application/pdf');
    const caText = pdfText(ca.body as Buffer);
    expect(caText).toContain('Acta de la sessió de la comissió de valoració');
    expect(caText).toContain('Laia Ferrer');
    expect(caText).toContain(b.registryNumber as string);
    const es = await minutes('es');
    expect(pdfText(es.body as Buffer)).toContain('Acta de la sesión de la comisión de valoración');
    expect((await minutes('ca')).body).toEqual(ca.body);
    await expect(
      dataSource(t).query(`UPDATE committee_minutes SET sha256 = repeat('0', 64) WHERE meeting_id = $1`, [
        m.id,
      ]),
    ).rejects.toThrow(/never change/);
    // Viewers read them once the call is provisionally resolved.
    expect((await minutes('ca', viewer)).status).toBe(409);
    await dataSource(t).query(`UPDATE calls SET status = 'provisionally_resolved' WHERE id = $1`, [call.id]);
    expect((await minutes('ca', viewer)).status).toBe(200);
    await dataSource(t).query(`UPDATE calls SET status = 'evaluating' WHERE id = $1`, [call.id]);

    const audit = (await dataSource(t).query(
      `SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY at, id`,
      [m.id],
    )) as { action: string }[];
    expect(audit.map((x) => x.action)).toEqual(['committee.meeting_created', 'committee.minutes_approved']);
    const [approval] = (await dataSource(t).query(
      `SELECT after FROM audit_events WHERE subject_id = $1 AND action = 'committee.minutes_approved'`,
      [m.id],
    )) as { after: { minutesSha256: Record<string, string> } }[];
    expect(Object.keys(approval.after.minutesSha256).sort()).toEqual(['ca', 'en', 'es']);
    await dataSource(t).query(`DELETE FROM consensus_scores WHERE application_id = $1`, [b.id]);
  });
});
