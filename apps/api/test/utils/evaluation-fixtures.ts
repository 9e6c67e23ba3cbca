/**
 * Factories for the evaluation suites: applications put straight into the database in the state a test needs
 * (admitted, under evaluation…: their admissibility has its own suites), evaluators, registers and calls being
 * evaluated.
 */
import { randomInt } from 'node:crypto';
import type { ApplicationStatus } from '@cofinanca/domain';
import { ApplicationEntity } from '../../src/modules/applications/application.entity';
import type { CallEntity } from '../../src/modules/calls/call.entity';
import { dataSource, insertCall, insertEntity } from './fixtures';
import { bearer, unique, type TestApp, type TestUser } from './test-app';

let sequence = randomInt(0, 500_000);

/** A registry number no other test application has. */
export function nextRegistryNumber(): string {
  sequence += 1;
  return `REG-2099-${String(sequence).padStart(6, '0')}`;
}

/** An application of a new (or the given) entity in `status`, with a registry number. */
export async function insertApplication(
  t: TestApp,
  call: Pick<CallEntity, 'id'>,
  over: Partial<ApplicationEntity> & { status?: ApplicationStatus } = {},
): Promise<ApplicationEntity> {
  const entityId = over.entityId ?? (await insertEntity(t)).id;
  const repo = dataSource(t).getRepository(ApplicationEntity);
  return repo.save(
    repo.create({
      callId: call.id,
      entityId,
      status: 'admitted',
      registryNumber: nextRegistryNumber(),
      submittedAt: new Date(),
      title: `Projecte ${unique('p')}`,
      summary: 'Resum confidencial del projecte',
      partnerEntityIds: [],
      ...over,
    }),
  );
}

/** A call in `status` (default: evaluating) with `n` applications under evaluation of distinct new entities. */
export async function evaluatingCall(
  t: TestApp,
  n: number,
  over: Partial<CallEntity> = {},
): Promise<{ call: CallEntity; apps: ApplicationEntity[] }> {
  const call = await insertCall(t, { status: 'evaluating', closedAt: new Date(), ...over });
  const apps: ApplicationEntity[] = [];
  for (let i = 0; i < n; i++) apps.push(await insertApplication(t, call, { status: 'under_evaluation' }));
  return { call, apps };
}

/** `n` new evaluators, signed in. */
export async function evaluators(
  t: TestApp,
  n: number,
  extra: Record<string, unknown> = {},
): Promise<TestUser[]> {
  const out: TestUser[] = [];
  for (let i = 0; i < n; i++) out.push(await t.user('evaluator', extra));
  return out;
}

/** Replaces an evaluator's register through the API (as the evaluator itself); returns the answer's body. */
export async function setInterests(
  t: TestApp,
  evaluator: TestUser,
  entityIds: string[],
): Promise<{ version: number }> {
  const current = await t
    .http()
    .get(`/api/v1/evaluators/${evaluator.id}/interests`)
    .set(bearer(evaluator.token));
  const res = await t
    .http()
    .put(`/api/v1/evaluators/${evaluator.id}/interests`)
    .set(bearer(evaluator.token))
    .send({
      version: current.body.version,
      items: entityIds.map((entityId) => ({ entityId, relation: 'membership' })),
    });
  if (res.status !== 200) throw new Error(`interests: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The assignments of a call straight from the database. */
export function assignmentsOf(
  t: TestApp,
  callId: string,
): Promise<{ id: string; application_id: string; evaluator_id: string; status: string }[]> {
  return dataSource(t).query(
    `SELECT id, application_id, evaluator_id, status FROM assignments WHERE call_id = $1 ORDER BY created_at, id`,
    [callId],
  );
}

/** How many assignments each evaluator has in the call (declared conflicts not counted). */
export async function loadsOf(t: TestApp, callId: string, evaluatorIds: string[]): Promise<number[]> {
  const rows = await assignmentsOf(t, callId);
  return evaluatorIds.map(
    (id) => rows.filter((r) => r.evaluator_id === id && r.status !== 'conflict_declared').length,
  );
}
