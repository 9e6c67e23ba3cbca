import { describe, expect, it } from 'vitest';
import type { ApplicationSummary, Assignment, AssignmentStatus } from '../../../api/types';
import { buildBoard, uncoveredApplications } from './board';
import { dueCount, groupByCall } from './inbox';
import { interestsSchema, newInterest, toInterestsForm, toInterestsRequest } from './interests-form';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function assignment(
  n: number,
  callId: string,
  status: AssignmentStatus,
  applicationId = ID(100 + n),
  evaluatorId = ID(200),
) {
  return {
    id: ID(n),
    callId,
    applicationId,
    evaluatorId,
    evaluatorName: 'Avaluador',
    status,
    submittedAt: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    version: 1,
    application: {
      id: applicationId,
      registryNumber: `REG-${n}`,
      title: `Projecte ${n}`,
      entityId: ID(300),
      entityName: 'Entitat',
      partnerNames: [],
    },
  } as Assignment;
}

const application = (n: number, entityId: string) =>
  ({ id: ID(100 + n), entityId, registryNumber: `REG-${n}`, title: `P${n}` }) as ApplicationSummary;

describe(groupByCall.name, () => {
  it('groups per call in the order listed, counting each status', () => {
    const groups = groupByCall([
      assignment(1, 'b', 'pending_declaration'),
      assignment(2, 'a', 'submitted'),
      assignment(3, 'b', 'in_progress'),
      assignment(4, 'b', 'conflict_declared'),
    ]);
    expect(groups.map((g) => [g.callId, g.items.map((i) => i.id)])).toEqual([
      ['b', [ID(1), ID(3), ID(4)]],
      ['a', [ID(2)]],
    ]);
    expect(groups[0].counts).toEqual({
      pending_declaration: 1,
      in_progress: 1,
      submitted: 0,
      conflict_declared: 1,
    });
    expect(dueCount(groups[0].counts)).toBe(2);
    expect(dueCount(groups[1].counts)).toBe(0);
  });

  it('gives nothing for no assignments', () => {
    expect(groupByCall([])).toEqual([]);
  });
});

describe(buildBoard.name, () => {
  const evaluators = [
    { id: ID(200), name: 'Anna' },
    { id: ID(201), name: 'Bernat' },
    { id: ID(202), name: 'Carme' },
  ];

  it('places assignments, counts loads without declared conflicts and marks uncovered rows', () => {
    const apps = [application(1, ID(300)), application(2, ID(301))];
    const { rows, loads } = buildBoard(
      apps,
      evaluators,
      [
        assignment(1, 'c', 'in_progress', ID(101), ID(200)),
        assignment(2, 'c', 'submitted', ID(101), ID(201)),
        assignment(3, 'c', 'conflict_declared', ID(102), ID(201)),
      ],
      // The API reports Anna's register on the second application's entity.
      [{ applicationId: ID(102), evaluatorId: ID(200), entityNames: ['Entitat 301'] }],
      2,
    );
    expect(loads).toEqual(
      new Map([
        [ID(200), 1],
        [ID(201), 1],
        [ID(202), 0],
      ]),
    );
    expect(rows[0]).toMatchObject({ covered: 2, uncovered: false, needsReassign: false });
    expect(rows[0].cells.map((c) => [c.assignment?.status, c.removable, c.conflict])).toEqual([
      ['in_progress', true, false],
      ['submitted', false, false],
      [undefined, false, false],
    ]);
    // The second: Anna's register lists its entity, Bernat declared a conflict, nobody counts.
    expect(rows[1]).toMatchObject({ covered: 0, uncovered: true, needsReassign: true });
    expect(rows[1].cells.map((c) => c.conflict)).toEqual([true, true, false]);
    expect(rows[1].cells.map((c) => c.conflictEntities)).toEqual([['Entitat 301'], [], []]);
  });

  it('marks a conflict through a partner entity exactly where the API reports one, whatever the applicant', () => {
    // The applicant (ID 300) is in nobody's register; Carme's register lists a partner of the application.
    const { rows } = buildBoard(
      [application(1, ID(300)), application(2, ID(300))],
      evaluators,
      [],
      [{ applicationId: ID(101), evaluatorId: ID(202), entityNames: ['Sòcia 400'] }],
      1,
    );
    expect(rows[0].cells.map((c) => c.conflict)).toEqual([false, false, true]);
    expect(rows[0].cells[2].conflictEntities).toEqual(['Sòcia 400']);
    expect(rows[1].cells.map((c) => c.conflict)).toEqual([false, false, false]);
  });

  it('marks no conflict when none is reported', () => {
    const { rows } = buildBoard([application(1, ID(301))], [evaluators[2]], [], [], 1);
    expect(rows[0].cells[0]).toMatchObject({ conflict: false, removable: false });
    expect(rows[0].uncovered).toBe(true);
  });
});

describe(uncoveredApplications.name, () => {
  const rule = (params: Record<string, string | number>) => ({
    code: 'NOT_ENOUGH_EVALUATORS' as const,
    message: 'x',
    params,
  });

  it('names each application the automatic assignment could not cover, with why, in the order given', () => {
    const out = uncoveredApplications({
      code: 'NOT_ENOUGH_EVALUATORS',
      fieldErrors: {
        [`applications.${ID(102)}`]: [
          rule({ needed: 2, available: 1, registryNumber: 'REG-2', title: 'Escola' }),
        ],
        [`applications.${ID(101)}`]: [rule({ needed: 3, available: 0, registryNumber: 'REG-1' })],
      },
    });
    expect(out).toEqual([
      { applicationId: ID(102), registryNumber: 'REG-2', title: 'Escola', needed: 2, available: 1 },
      { applicationId: ID(101), registryNumber: 'REG-1', title: '—', needed: 3, available: 0 },
    ]);
  });

  it('gives nothing for another error, or for fields that are not applications', () => {
    expect(uncoveredApplications(null)).toEqual([]);
    expect(
      uncoveredApplications({
        code: 'VALIDATION_FAILED',
        fieldErrors: { [`applications.${ID(1)}`]: [rule({ needed: 1, available: 0 })] },
      }),
    ).toEqual([]);
    expect(
      uncoveredApplications({
        code: 'NOT_ENOUGH_EVALUATORS',
        fieldErrors: { 'evaluatorIds[0]': [{ code: 'NOT_EVALUATOR', message: 'x' }] },
      }),
    ).toEqual([]);
  });
});

describe('the register of interests form', () => {
  const stored = {
    userId: ID(200),
    version: 3,
    updatedAt: '2026-12-01T10:00:00.000Z',
    items: [
      { entityId: ID(300), entityName: 'Entitat A', relation: 'board' as const, note: 'Tresorera' },
      { entityId: ID(301), entityName: 'Entitat B', relation: 'family' as const, note: null },
    ],
  };

  it('round-trips a stored register, sending the version read and no empty notes', () => {
    const form = toInterestsForm(stored);
    expect(form.items[1].note).toBe('');
    form.items[0].note = '  Tresorera  ';
    expect(toInterestsRequest(form, stored.version)).toEqual({
      version: 3,
      items: [
        { entityId: ID(300), relation: 'board', note: 'Tresorera' },
        { entityId: ID(301), relation: 'family' },
      ],
    });
  });

  it('starts a picked entity as "other" and refuses a note longer than the API takes', () => {
    const line = newInterest({ id: ID(302), legalName: 'Entitat C' });
    expect(line).toEqual({ entityId: ID(302), entityName: 'Entitat C', relation: 'other', note: '' });
    expect(interestsSchema.safeParse({ items: [line] }).success).toBe(true);
    expect(interestsSchema.safeParse({ items: [{ ...line, note: 'x'.repeat(501) }] }).success).toBe(false);
    expect(interestsSchema.safeParse({ items: [{ ...line, relation: 'friend' }] }).success).toBe(false);
  });
});
