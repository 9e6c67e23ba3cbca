import { describe, expect, it } from 'vitest';
import { applicationTotals } from '@cofinanca/domain';
import {
  addPartner,
  budgetTotals,
  emptyByAge,
  FIELD_GROUPS,
  groupPayload,
  MAX_PARTNER_ENTITIES,
  removePartner,
  toContent,
  toFormValues,
  type ApplicationFormValues,
} from './application-form';
import { planSave } from './autosave';
import { makeApplication } from './fixtures.spec-helper';

const PARTNER_A = '0b6f5f0e-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
const PARTNER_B = '7d1e2f3a-4b5c-4d6e-9f70-8192a3b4c5d6';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('toFormValues', () => {
  it('shows money with the decimal comma and keeps every part', () => {
    const v = toFormValues(makeApplication(), ',');
    expect(v.ownContribution).toBe('2000,00');
    expect(v.budgetLines[1]).toEqual({
      code: 'A.2',
      category: 'Obres',
      description: 'Pous',
      amount: '10000,00',
      requestedAmount: '8000,00',
    });
    expect(v.sectors[0]).toEqual({ code: '14030', percent: '60,00' });
    expect(v.beneficiaries.direct).toEqual({ women: '300', men: '200', other: '0', byAge: null });
    expect(toFormValues(makeApplication(), '.').ownContribution).toBe('2000.00');
  });

  it('fills an empty draft with empty inputs', () => {
    const v = toFormValues(
      makeApplication({
        title: null,
        modality: null,
        beneficiaries: null,
        counterpart: null,
        budgetLines: [],
        ownContribution: null,
      }),
    );
    expect(v.title).toBe('');
    expect(v.modality).toBe('');
    expect(v.ownContribution).toBe('');
    expect(v.beneficiaries.indirect).toEqual({ women: '', men: '', other: '', byAge: null });
    expect(v.counterpart).toEqual({ name: '', countryCode: '', description: '' });
    expect(v.partnerEntityIds).toEqual([]);
  });

  it('keeps the partner entities in their order, as a copy', () => {
    const app = makeApplication({ partnerEntityIds: [PARTNER_B, PARTNER_A] });
    const v = toFormValues(app);
    expect(v.partnerEntityIds).toEqual([PARTNER_B, PARTNER_A]);
    v.partnerEntityIds.push(uuid(1));
    expect(app.partnerEntityIds).toEqual([PARTNER_B, PARTNER_A]);
  });
});

describe('groupPayload', () => {
  const values = () => toFormValues(makeApplication(), ',');

  it('sends the budget lines with their sums as totalCost and requestedAmount', () => {
    const v = values();
    v.budgetLines[0].amount = '15.000,50';
    const p = groupPayload('budgetLines', v);
    expect(p).toEqual({
      ok: true,
      body: {
        budgetLines: [
          {
            code: 'A.1',
            category: 'Personal',
            description: 'Tècnica',
            amount: '15000.50',
            requestedAmount: '10000.00',
          },
          {
            code: 'A.2',
            category: 'Obres',
            description: 'Pous',
            amount: '10000.00',
            requestedAmount: '8000.00',
          },
        ],
        totalCost: '25000.50',
        requestedAmount: '18000.00',
      },
    });
  });

  it('holds back a half-typed budget line with its errors', () => {
    const v = values();
    v.budgetLines.push({
      code: '',
      category: 'Viatges',
      description: '',
      amount: '12,345',
      requestedAmount: '',
    });
    expect(groupPayload('budgetLines', v)).toEqual({
      ok: false,
      errors: {
        'budgetLines[2].code': 'validation.required',
        'budgetLines[2].amount': 'portal.validation.money',
        'budgetLines[2].requestedAmount': 'validation.required',
      },
    });
  });

  it('sends no lines as null totals', () => {
    const v = values();
    v.budgetLines = [];
    expect(groupPayload('budgetLines', v)).toEqual({
      ok: true,
      body: { budgetLines: [], totalCost: null, requestedAmount: null },
    });
  });

  it('clears text with null and drops empty locations', () => {
    const v = values();
    v.title = '   ';
    v.locations = ['Kolda', ' ', 'Ziguinchor '];
    expect(groupPayload('title', v)).toEqual({ ok: true, body: { title: null } });
    expect(groupPayload('locations', v)).toEqual({ ok: true, body: { locations: ['Kolda', 'Ziguinchor'] } });
  });

  it('checks own contribution, sectors and the counterpart', () => {
    const v = values();
    v.ownContribution = 'dos mil';
    expect(groupPayload('ownContribution', v)).toEqual({
      ok: false,
      errors: { ownContribution: 'portal.validation.money' },
    });
    v.ownContribution = '';
    expect(groupPayload('ownContribution', v)).toEqual({ ok: true, body: { ownContribution: null } });

    v.sectors = [
      { code: '14030', percent: '50,5' },
      { code: '14030', percent: '120' },
      { code: '', percent: '' },
    ];
    expect(groupPayload('sectors', v)).toEqual({
      ok: false,
      errors: {
        'sectors[1].code': 'portal.validation.sectorRepeated',
        'sectors[1].percent': 'portal.validation.percent',
        'sectors[2].code': 'portal.validation.sector',
        'sectors[2].percent': 'validation.required',
      },
    });

    v.counterpart = { name: 'Kolda', countryCode: '', description: '' };
    expect(groupPayload('counterpart', v)).toEqual({
      ok: false,
      errors: { 'counterpart.countryCode': 'portal.validation.counterpartCountry' },
    });
    v.counterpart = { name: '', countryCode: '', description: '' };
    expect(groupPayload('counterpart', v)).toEqual({ ok: true, body: { counterpart: null } });
  });

  it('sends beneficiaries with blanks as 0, by age when broken down, or null when all blank', () => {
    const v = values();
    v.beneficiaries.direct = { women: '10', men: '', other: '', byAge: emptyByAge() };
    v.beneficiaries.direct.byAge!['0-17'].women = '4';
    v.beneficiaries.indirect = { women: '', men: '', other: '', byAge: null };
    const p = groupPayload('beneficiaries', v);
    expect(p.ok && p.body.beneficiaries).toEqual({
      direct: {
        women: 10,
        men: 0,
        other: 0,
        byAge: {
          '0-17': { women: 4, men: 0, other: 0 },
          '18-29': { women: 0, men: 0, other: 0 },
          '30-64': { women: 0, men: 0, other: 0 },
          '65+': { women: 0, men: 0, other: 0 },
        },
      },
      indirect: { women: 0, men: 0, other: 0 },
    });
    v.beneficiaries.direct = { women: '', men: '', other: '', byAge: null };
    expect(groupPayload('beneficiaries', v)).toEqual({ ok: true, body: { beneficiaries: null } });
    v.beneficiaries.indirect.men = '1,5';
    expect(groupPayload('beneficiaries', v)).toEqual({
      ok: false,
      errors: { 'beneficiaries.indirect.men': 'portal.validation.count' },
    });
  });
});

describe('partner entities', () => {
  const values = (ids: string[] = []) => toFormValues(makeApplication({ partnerEntityIds: ids }), ',');

  it('are a field group of their own', () => {
    expect(FIELD_GROUPS).toContain('partnerEntityIds');
  });

  it('are sent as the list of ids (an empty list when none)', () => {
    expect(groupPayload('partnerEntityIds', values([PARTNER_A, PARTNER_B]))).toEqual({
      ok: true,
      body: { partnerEntityIds: [PARTNER_A, PARTNER_B] },
    });
    expect(groupPayload('partnerEntityIds', values())).toEqual({ ok: true, body: { partnerEntityIds: [] } });
  });

  it('are sent once each, and held back beyond the limit', () => {
    expect(groupPayload('partnerEntityIds', values([PARTNER_A, PARTNER_A]))).toEqual({
      ok: true,
      body: { partnerEntityIds: [PARTNER_A] },
    });
    const many = Array.from({ length: MAX_PARTNER_ENTITIES + 1 }, (_, i) => uuid(i));
    expect(groupPayload('partnerEntityIds', values(many))).toEqual({
      ok: false,
      errors: { partnerEntityIds: 'portal.validation.partnersMax' },
    });
  });

  it('are sent by the autosave when they change, and only then', () => {
    const base = values([PARTNER_A]);
    const added = { ...base, partnerEntityIds: addPartner(base.partnerEntityIds, PARTNER_B) };
    expect(planSave(added, base)).toMatchObject({
      body: { partnerEntityIds: [PARTNER_A, PARTNER_B] },
      groups: ['partnerEntityIds'],
      invalid: [],
    });
    const removed = { ...base, partnerEntityIds: removePartner(base.partnerEntityIds, PARTNER_A) };
    expect(planSave(removed, base).body).toEqual({ partnerEntityIds: [] });
    const titled = { ...base, title: 'Un altre títol' };
    expect(planSave(titled, base).body).toEqual({ title: 'Un altre títol' });
  });

  it('do not break edits kept in the browser before the field existed', () => {
    const base = values();
    const { partnerEntityIds: _dropped, ...older } = base;
    const stored = older as ApplicationFormValues;
    expect(groupPayload('partnerEntityIds', stored)).toEqual({ ok: true, body: { partnerEntityIds: [] } });
    expect(planSave(stored, base).body).toEqual({});
    expect(toContent(stored).partnerEntityIds).toEqual([]);
  });

  it('are added once, up to the limit, and removed', () => {
    expect(addPartner([PARTNER_A], PARTNER_B)).toEqual([PARTNER_A, PARTNER_B]);
    expect(addPartner([PARTNER_A], PARTNER_A)).toEqual([PARTNER_A]);
    const full = Array.from({ length: MAX_PARTNER_ENTITIES }, (_, i) => uuid(i));
    expect(addPartner(full, PARTNER_A)).toEqual(full);
    expect(removePartner([PARTNER_A, PARTNER_B], PARTNER_A)).toEqual([PARTNER_B]);
    expect(removePartner([PARTNER_B], PARTNER_A)).toEqual([PARTNER_B]);
  });

  it('reach libs/domain with the content', () => {
    expect(toContent(values([PARTNER_A])).partnerEntityIds).toEqual([PARTNER_A]);
  });
});

describe('toContent', () => {
  it('gives libs/domain the same totals the API computes', () => {
    const app = makeApplication();
    const totals = applicationTotals(toContent(toFormValues(app, ',')));
    expect(totals).toMatchObject({
      budgetLinesTotal: '25000.00',
      budgetLinesRequested: '18000.00',
      cofundingTotal: '5000.00',
      fundingTotal: '25000.00',
      cofinancingPercent: '72.00',
      sectorsPercent: '100.00',
      budgetBalanced: true,
    });
  });

  it('keeps malformed money as typed so the domain reports it', () => {
    const v = toFormValues(makeApplication(), ',');
    v.cofunding[0].amount = 'molt';
    const content = toContent(v);
    expect(content.cofunding[0].amount).toBe('molt');
    expect(applicationTotals(content).budgetBalanced).toBe(false);
  });
});

describe('budgetTotals', () => {
  it('adds the lines exactly in cents', () => {
    expect(
      budgetTotals([
        { code: 'a', category: 'c', description: '', amount: '0,10', requestedAmount: '0,05' },
        { code: 'b', category: 'c', description: '', amount: '0,20', requestedAmount: '0,05' },
      ]),
    ).toEqual({ totalCost: '0.30', requestedAmount: '0.10' });
    expect(budgetTotals([])).toBeNull();
  });
});
