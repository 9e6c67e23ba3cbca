import { describe, expect, it } from 'vitest';
import type { SubmissionInput } from '@cofinanca/domain';
import { toContent, toFormValues } from './application-form';
import { buildChecklist, openItems, sectionOf } from './checklist';
import { makeApplication, makeCall } from './fixtures.spec-helper';
import type { Application, Call } from '../../../api/types';

function input(
  app: Application,
  call: Call = makeCall(),
  extra: Partial<SubmissionInput> = {},
): SubmissionInput {
  return {
    now: new Date('2026-03-15T12:00:00Z'),
    call: call as unknown as SubmissionInput['call'],
    entityStatus: 'active',
    hasPendingJustification: false,
    application: toContent(toFormValues(app, ',')),
    documentTypes: ['project_document'],
    ...extra,
  };
}

const broken = (app: Application, call?: Call, extra?: Partial<SubmissionInput>) =>
  openItems(buildChecklist(input(app, call, extra))).map((i) => [i.key, i.ok, i.section]);

describe('sectionOf', () => {
  it.each([
    ['title', 'project'],
    ['endDate', 'project'],
    ['budgetLines[2].amount', 'budget'],
    ['ownContribution', 'budget'],
    ['sectors', 'classification'],
    ['policyMarkers', 'classification'],
    ['beneficiaries', 'beneficiaries'],
    ['counterpart.name', 'counterpart'],
    ['documents.project_document', 'documents'],
    ['callId', 'review'],
  ])('%s → %s', (path, section) => {
    expect(sectionOf(path)).toBe(section);
  });
});

describe('buildChecklist', () => {
  it('has every rule met for a complete application, and nothing for the API to refuse', () => {
    const checklist = buildChecklist(input(makeApplication()));
    expect(checklist.first).toBeNull();
    expect(openItems(checklist)).toEqual([]);
    expect(checklist.items.map((i) => i.rule)).toEqual([
      'CALL_NOT_OPEN',
      'ENTITY_NOT_VALIDATED',
      'APPLICATION_INCOMPLETE',
      'EXECUTION_TOO_LONG',
      'AMOUNT_OVER_CAP',
      'COFINANCING_OVER_LIMIT',
      'BUDGET_MISMATCH',
      'SECTORS_NOT_100',
      'GENDER_MARKER_REQUIRED',
      'MISSING_DOCUMENTS',
    ]);
  });

  it('lists each missing field with its section, and what cannot be checked yet', () => {
    const app = makeApplication({ title: null, startDate: null, counterpart: null, sectors: [] });
    expect(broken(app)).toEqual([
      ['missing:title', false, 'project'],
      ['missing:startDate', false, 'project'],
      ['missing:sectors', false, 'classification'],
      ['missing:counterpart.name', false, 'counterpart'],
      ['missing:counterpart.countryCode', false, 'counterpart'],
      ['missing:counterpart.description', false, 'counterpart'],
      ['execution', null, 'project'],
      ['sectors', null, 'classification'],
    ]);
    expect(buildChecklist(input(app)).first?.code).toBe('APPLICATION_INCOMPLETE');
  });

  it('flags the window and the entity with the codes of the API', () => {
    const closed = input(makeApplication(), makeCall(), { now: new Date('2026-05-01T12:00:00Z') });
    expect(buildChecklist(closed).items[0]).toMatchObject({ rule: 'DEADLINE_PASSED', ok: false });
    const early = input(makeApplication(), makeCall(), { now: new Date('2026-02-01T12:00:00Z') });
    expect(buildChecklist(early).items[0]).toMatchObject({ rule: 'CALL_NOT_OPEN', ok: false });
    expect(broken(makeApplication(), makeCall(), { entityStatus: 'pending_validation' })).toEqual([
      ['entity', false, 'review'],
    ]);
  });

  it('flags every money rule at once: cap, co-financing and balance', () => {
    const app = makeApplication({
      budgetLines: [
        {
          code: 'A.1',
          category: 'Personal',
          description: '',
          amount: '25000.00',
          requestedAmount: '21000.00',
        },
      ],
      ownContribution: '1000.00',
    });
    expect(broken(app)).toEqual([
      ['cap', false, 'budget'],
      ['cofinancing', false, 'budget'],
      ['budget', false, 'budget'],
    ]);
    const checklist = buildChecklist(input(app));
    expect(checklist.first?.code).toBe('AMOUNT_OVER_CAP');
    expect(checklist.items.find((i) => i.key === 'cofinancing')?.params).toEqual({
      max: '80.00',
      percent: '84.00',
    });
  });

  it('flags an execution too long, sectors not adding up, the gender marker and a missing document', () => {
    const app = makeApplication({
      endDate: '2027-07-01',
      sectors: [{ code: '14030', percent: '90.00' }],
      policyMarkers: [{ code: '1', significance: 0 }],
    });
    expect(broken(app, makeCall(), { documentTypes: [] })).toEqual([
      ['execution', false, 'project'],
      ['sectors', false, 'classification'],
      ['gender', false, 'classification'],
      ['document:project_document', false, 'documents'],
    ]);
    const checklist = buildChecklist(input(app));
    expect(checklist.items.find((i) => i.key === 'execution')?.params).toEqual({
      months: 12,
      lastEnd: '2027-06-30',
    });
  });

  it('skips the gender marker when the call does not require it, and the cap when there is none', () => {
    const app = makeApplication({ policyMarkers: [] });
    const call = makeCall({ requiresGenderMarker: false, maxAmountPerApplication: null });
    const keys = buildChecklist(input(app, call)).items.map((i) => i.key);
    expect(keys).not.toContain('gender');
    expect(keys).not.toContain('cap');
    expect(buildChecklist(input(app, call)).first).toBeNull();
  });

  it('reports an end date before the start date', () => {
    const app = makeApplication({ startDate: '2026-07-01', endDate: '2026-06-01' });
    expect(broken(app)[0]).toEqual(['dates-order', false, 'project']);
  });
});
