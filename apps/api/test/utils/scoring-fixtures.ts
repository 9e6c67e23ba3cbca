/**
 * Factories for the scoring and ranking suites: a small rubric, calls being evaluated, applications under
 * evaluation (put straight into the database: their admissibility has its own suites), and sheets submitted straight
 * into the database when a suite needs many of them.
 */
import { randomInt } from 'node:crypto';
import type { ApplicationStatus, Rubric } from '@cofinanca/domain';
import { ApplicationEntity } from '../../src/modules/applications/application.entity';
import type { CallEntity } from '../../src/modules/calls/call.entity';
import { dataSource, insertCall, insertEntity } from './fixtures';
import { bearer, unique, type TestApp, type TestUser } from './test-app';

const name = (n: string) => ({ ca: n, es: n, en: n });

/** 100 points: A (A1 30, A2 20), C (C1 30, tie-break 2), D (D1 20, minimum 10, tie-break 1). */
export const RUBRIC: Rubric = {
  blocks: [
    {
      code: 'A',
      name: name('Pertinença'),
      criteria: [
        { code: 'A1', name: name('Context'), maxPoints: 30 },
        { code: 'A2', name: name('Població'), maxPoints: 20 },
      ],
    },
    {
      code: 'C',
      name: name('Qualitat tècnica'),
      tieBreakOrder: 2,
      criteria: [{ code: 'C1', name: name('Coherència'), maxPoints: 30 }],
    },
    {
      code: 'D',
      name: name('EGiBDH'),
      minPoints: 10,
      tieBreakOrder: 1,
      criteria: [{ code: 'D1', name: name('Gènere'), maxPoints: 20 }],
    },
  ],
};

/** Full points for a total: split over the four criteria within their maxima (A1, A2, C1, D1). */
export function pointsFor(total: number): [number, number, number, number] {
  const d = Math.min(20, Math.round(total * 0.2 * 100) / 100);
  const c = Math.min(30, Math.round(total * 0.3 * 100) / 100);
  const a2 = Math.min(20, Math.round(total * 0.2 * 100) / 100);
  const a1 = Math.round((total - d - c - a2) * 100) / 100;
  return [a1, a2, c, d];
}

/** A complete sheet with these points (A1, A2, C1, D1). */
export function sheet(points: readonly number[], comment = 'Justificació'): object[] {
  return ['A1', 'A2', 'C1', 'D1'].map((criterionCode, i) => ({ criterionCode, points: points[i], comment }));
}

let sequence = randomInt(500_000, 999_000);

/** A call being evaluated with the small rubric (overrides on top). */
export function evaluatingCall(t: TestApp, over: Partial<CallEntity> = {}): Promise<CallEntity> {
  return insertCall(t, {
    status: 'evaluating',
    closedAt: new Date(),
    rubric: RUBRIC,
    evaluatorsPerApplication: 2,
    consensusRequired: true,
    ...over,
  });
}

/** An application of a new entity under evaluation in the call. */
export async function applicationUnderEvaluation(
  t: TestApp,
  call: Pick<CallEntity, 'id'>,
  over: Partial<ApplicationEntity> & { status?: ApplicationStatus } = {},
): Promise<ApplicationEntity> {
  const entityId = over.entityId ?? (await insertEntity(t)).id;
  const repo = dataSource(t).getRepository(ApplicationEntity);
  sequence += 1;
  return repo.save(
    repo.create({
      callId: call.id,
      entityId,
      status: 'under_evaluation',
      registryNumber: `REG-2098-${String(sequence).padStart(6, '0')}`,
      submittedAt: new Date(Date.now() - sequence),
      title: `Projecte ${unique('p')}`,
      summary: 'Resum confidencial del projecte',
      totalCost: '20000.00',
      requestedAmount: '12000.00',
      ownContribution: '8000.00',
      cofunding: [],
      partnerEntityIds: [],
      ...over,
    }),
  );
}

/** An officer assigns an evaluator through the API; the assignment's id. */
export async function assign(
  t: TestApp,
  officer: TestUser,
  callId: string,
  applicationId: string,
  evaluator: TestUser,
) {
  const res = await t
    .http()
    .post(`/api/v1/calls/${callId}/assignments`)
    .set(bearer(officer.token))
    .send({ applicationId, evaluatorId: evaluator.id });
  if (res.status !== 201) throw new Error(`assign: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/**
 * Submitted sheets with these totals straight into the database (one new evaluator each, or the given ones), and
 * the application `evaluated`: for suites about what is done with sheets, not how they are written.
 */
export async function submittedSheets(
  t: TestApp,
  call: Pick<CallEntity, 'id'>,
  app: Pick<ApplicationEntity, 'id'>,
  evaluatorIds: readonly string[],
  totals: readonly number[],
  status: ApplicationStatus = 'evaluated',
): Promise<void> {
  const ds = dataSource(t);
  for (const [i, total] of totals.entries()) {
    const [row] = (await ds.query(
      `INSERT INTO assignments (call_id, application_id, evaluator_id, status, conflict_of_interest, declared_at, submitted_at, version)
       VALUES ($1, $2, $3, 'submitted', false, now(), now(), 1) RETURNING id`,
      [call.id, app.id, evaluatorIds[i]],
    )) as { id: string }[];
    await ds.query(`INSERT INTO score_sheets (assignment_id, scores, version) VALUES ($1, $2::jsonb, 1)`, [
      row.id,
      JSON.stringify(sheet(pointsFor(total))),
    ]);
  }
  await ds.query(`UPDATE applications SET status = $2 WHERE id = $1`, [app.id, status]);
}
