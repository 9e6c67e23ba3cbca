/**
 * The application form's values (what the inputs hold: strings as typed) and their way to the API: one PATCH field
 * group per top-level value, each checked before it is sent so that an autosave never fails on a half-typed row.
 * A group that does not validate yet stays unsaved (and in the browser's storage) with its errors shown.
 */
import {
  AGE_BANDS,
  type AgeBand,
  type ApplicationContent,
  formatMoney,
  isIsoDate,
  parseMoney,
  sumCents,
} from '@cofinanca/domain';
import { isCountryCode, isSectorCode } from '@cofinanca/contracts';
import type { Application, UpdateApplicationRequest } from '../../../api/types';
import { moneyForInput, parseCountInput, parseMoneyInput, parsePercentInput } from '../../../lib/money-input';

export interface CountsValues {
  women: string;
  men: string;
  other: string;
}

export interface GroupValues extends CountsValues {
  /** null: not broken down by age. */
  byAge: Record<AgeBand, CountsValues> | null;
}

export interface BudgetLineValues {
  code: string;
  category: string;
  description: string;
  amount: string;
  requestedAmount: string;
}

export interface CofundingValues {
  funder: string;
  amount: string;
  status: 'confirmed' | 'requested';
}

export interface ApplicationFormValues {
  title: string;
  summary: string;
  modality: string;
  countryCode: string;
  locations: string[];
  startDate: string;
  endDate: string;
  /** totalCost and requestedAmount are the sums of these lines (sent with them). */
  budgetLines: BudgetLineValues[];
  ownContribution: string;
  cofunding: CofundingValues[];
  sectors: { code: string; percent: string }[];
  sdgs: { goal: number; targets: string[] }[];
  policyMarkers: { code: string; significance: number }[];
  beneficiaries: { direct: GroupValues; indirect: GroupValues };
  counterpart: { name: string; countryCode: string; description: string };
  /** Other active Lleida entities of a joint project (ids from the entity directory), in the order added. */
  partnerEntityIds: string[];
}

export type FieldGroup = keyof ApplicationFormValues;
export const FIELD_GROUPS: readonly FieldGroup[] = [
  'title',
  'summary',
  'modality',
  'countryCode',
  'locations',
  'startDate',
  'endDate',
  'budgetLines',
  'ownContribution',
  'cofunding',
  'sectors',
  'sdgs',
  'policyMarkers',
  'beneficiaries',
  'counterpart',
  'partnerEntityIds',
];

/** The most partner entities an application may name (the API's limit). */
export const MAX_PARTNER_ENTITIES = 20;

/** The partners with one more (not twice, and not beyond the limit). */
export function addPartner(ids: readonly string[], id: string): string[] {
  if (ids.includes(id) || ids.length >= MAX_PARTNER_ENTITIES) return [...ids];
  return [...ids, id];
}

/** The partners without one. */
export function removePartner(ids: readonly string[], id: string): string[] {
  return ids.filter((x) => x !== id);
}

/** Errors by field path, in the API's notation (`budgetLines[1].amount`); messages are i18n keys. */
export type FieldErrors = Record<string, string>;

// ---------------------------------------------------------------------------------------------------------------
// From the API

const emptyCounts = (): CountsValues => ({ women: '', men: '', other: '' });
const countText = (n: number | null | undefined) => (typeof n === 'number' ? String(n) : '');

export function emptyGroup(): GroupValues {
  return { ...emptyCounts(), byAge: null };
}

export function emptyByAge(): Record<AgeBand, CountsValues> {
  return Object.fromEntries(AGE_BANDS.map((b) => [b, emptyCounts()])) as Record<AgeBand, CountsValues>;
}

type CountsLike = { women: number; men: number; other: number };
type GroupLike = CountsLike & { byAge?: Partial<Record<AgeBand, CountsLike>> | null };

function groupValues(g: GroupLike | null | undefined): GroupValues {
  if (!g) return emptyGroup();
  const counts = (c: CountsLike | undefined): CountsValues =>
    c ? { women: countText(c.women), men: countText(c.men), other: countText(c.other) } : emptyCounts();
  const byAge = g.byAge
    ? (Object.fromEntries(AGE_BANDS.map((b) => [b, counts(g.byAge?.[b])])) as Record<AgeBand, CountsValues>)
    : null;
  return { ...counts(g), byAge };
}

/** The form filled from an application; money shown with the language's decimal separator. */
export function toFormValues(app: Application, decimalSeparator = ','): ApplicationFormValues {
  const money = (v: string | null | undefined) => moneyForInput(v, decimalSeparator);
  const beneficiaries = app.beneficiaries as { direct: GroupLike; indirect: GroupLike } | null;
  return {
    title: app.title ?? '',
    summary: app.summary ?? '',
    modality: app.modality ?? '',
    countryCode: app.countryCode ?? '',
    locations: [...(app.locations ?? [])],
    startDate: app.startDate ?? '',
    endDate: app.endDate ?? '',
    budgetLines: (app.budgetLines ?? []).map((l) => ({
      code: l.code,
      category: l.category,
      description: l.description,
      amount: money(l.amount),
      requestedAmount: money(l.requestedAmount),
    })),
    ownContribution: money(app.ownContribution),
    cofunding: (app.cofunding ?? []).map((c) => ({
      funder: c.funder,
      amount: money(c.amount),
      status: c.status,
    })),
    sectors: (app.sectors ?? []).map((s) => ({ code: s.code, percent: money(s.percent) })),
    sdgs: (app.sdgs ?? []).map((s) => ({ goal: s.goal, targets: [...s.targets] })),
    policyMarkers: (app.policyMarkers ?? []).map((p) => ({ code: p.code, significance: p.significance })),
    beneficiaries: {
      direct: groupValues(beneficiaries?.direct),
      indirect: groupValues(beneficiaries?.indirect),
    },
    counterpart: {
      name: app.counterpart?.name ?? '',
      countryCode: app.counterpart?.countryCode ?? '',
      description: app.counterpart?.description ?? '',
    },
    partnerEntityIds: [...(app.partnerEntityIds ?? [])],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// To the API, one field group at a time

type Body = Omit<UpdateApplicationRequest, 'version'>;
export type GroupPayload = { ok: true; body: Body } | { ok: false; errors: FieldErrors };

const text = (v: string) => (v.trim() === '' ? null : v.trim());

/** Money of a budget line or co-funder: an empty amount of a row is refused (the API needs one). */
function moneyField(raw: string, path: string, errors: FieldErrors): string {
  const value = parseMoneyInput(raw);
  if (value === null) errors[path] = raw.trim() === '' ? 'validation.required' : 'portal.validation.money';
  return value ?? '';
}

function requiredText(raw: string, path: string, errors: FieldErrors): string {
  if (raw.trim() === '') errors[path] = 'validation.required';
  return raw.trim();
}

/** The sums of the budget lines (totalCost and requestedAmount), or null without lines or with a bad amount. */
export function budgetTotals(
  lines: readonly BudgetLineValues[],
): { totalCost: string; requestedAmount: string } | null {
  if (lines.length === 0) return null;
  const amounts = lines.map((l) => parseMoneyInput(l.amount));
  const requested = lines.map((l) => parseMoneyInput(l.requestedAmount));
  if (amounts.some((a) => a === null) || requested.some((a) => a === null)) return null;
  return {
    totalCost: formatMoney(sumCents(amounts.map((a) => parseMoney(a as string)))),
    requestedAmount: formatMoney(sumCents(requested.map((a) => parseMoney(a as string)))),
  };
}

function countsPayload(c: CountsValues, path: string, errors: FieldErrors) {
  const one = (raw: string, key: keyof CountsValues) => {
    if (raw.trim() === '') return 0;
    const n = parseCountInput(raw);
    if (n === null) errors[`${path}.${key}`] = 'portal.validation.count';
    return n ?? 0;
  };
  return { women: one(c.women, 'women'), men: one(c.men, 'men'), other: one(c.other, 'other') };
}

const isBlankCounts = (c: CountsValues) =>
  c.women.trim() === '' && c.men.trim() === '' && c.other.trim() === '';
const isBlankGroup = (g: GroupValues) =>
  isBlankCounts(g) && (g.byAge === null || AGE_BANDS.every((b) => isBlankCounts(g.byAge![b])));

/** The PATCH fields of one group of the form, or the errors that keep it from being sent. */
export function groupPayload(group: FieldGroup, v: ApplicationFormValues): GroupPayload {
  const errors: FieldErrors = {};
  let body: Body;
  switch (group) {
    case 'title':
    case 'summary':
      body = { [group]: text(v[group]) };
      break;
    case 'modality':
      body = { modality: v.modality === '' ? null : (v.modality as Body['modality']) };
      break;
    case 'countryCode':
      if (v.countryCode !== '' && !isCountryCode(v.countryCode))
        errors.countryCode = 'portal.validation.country';
      body = { countryCode: v.countryCode === '' ? null : v.countryCode };
      break;
    case 'locations':
      body = { locations: v.locations.map((l) => l.trim()).filter((l) => l !== '') };
      break;
    case 'startDate':
    case 'endDate':
      if (v[group] !== '' && !isIsoDate(v[group])) errors[group] = 'validation.date';
      body = { [group]: v[group] === '' ? null : v[group] };
      break;
    case 'budgetLines': {
      const lines = v.budgetLines.map((l, i) => ({
        code: requiredText(l.code, `budgetLines[${i}].code`, errors),
        category: requiredText(l.category, `budgetLines[${i}].category`, errors),
        description: l.description.trim(),
        amount: moneyField(l.amount, `budgetLines[${i}].amount`, errors),
        requestedAmount: moneyField(l.requestedAmount, `budgetLines[${i}].requestedAmount`, errors),
      }));
      const totals = budgetTotals(v.budgetLines);
      body = {
        budgetLines: lines,
        totalCost: totals?.totalCost ?? null,
        requestedAmount: totals?.requestedAmount ?? null,
      };
      break;
    }
    case 'ownContribution': {
      const raw = v.ownContribution;
      const value = raw.trim() === '' ? null : parseMoneyInput(raw);
      if (raw.trim() !== '' && value === null) errors.ownContribution = 'portal.validation.money';
      body = { ownContribution: value };
      break;
    }
    case 'cofunding':
      body = {
        cofunding: v.cofunding.map((c, i) => ({
          funder: requiredText(c.funder, `cofunding[${i}].funder`, errors),
          amount: moneyField(c.amount, `cofunding[${i}].amount`, errors),
          status: c.status,
        })),
      };
      break;
    case 'sectors': {
      const seen = new Set<string>();
      body = {
        sectors: v.sectors.map((s, i) => {
          if (!isSectorCode(s.code)) errors[`sectors[${i}].code`] = 'portal.validation.sector';
          else if (seen.has(s.code)) errors[`sectors[${i}].code`] = 'portal.validation.sectorRepeated';
          seen.add(s.code);
          const percent = parsePercentInput(s.percent);
          if (percent === null) {
            errors[`sectors[${i}].percent`] =
              s.percent.trim() === '' ? 'validation.required' : 'portal.validation.percent';
          }
          return { code: s.code, percent: percent ?? '' };
        }),
      };
      break;
    }
    case 'sdgs':
      body = { sdgs: v.sdgs.map((s) => ({ goal: s.goal, targets: [...s.targets] })) };
      break;
    case 'policyMarkers':
      body = {
        policyMarkers: v.policyMarkers.map((p) => ({
          code: p.code,
          significance: p.significance as 0 | 1 | 2,
        })),
      };
      break;
    case 'beneficiaries': {
      const b = v.beneficiaries;
      if (isBlankGroup(b.direct) && isBlankGroup(b.indirect)) {
        body = { beneficiaries: null };
        break;
      }
      const group = (g: GroupValues, name: 'direct' | 'indirect') => {
        const path = `beneficiaries.${name}`;
        const out: CountsLike & { byAge?: Record<string, CountsLike> } = countsPayload(g, path, errors);
        if (g.byAge !== null) {
          out.byAge = Object.fromEntries(
            AGE_BANDS.map((band) => [band, countsPayload(g.byAge![band], `${path}.byAge.${band}`, errors)]),
          );
        }
        return out;
      };
      body = {
        beneficiaries: { direct: group(b.direct, 'direct'), indirect: group(b.indirect, 'indirect') },
      } as Body;
      break;
    }
    case 'counterpart': {
      const c = v.counterpart;
      if (c.name.trim() === '' && c.countryCode === '' && c.description.trim() === '') {
        body = { counterpart: null };
        break;
      }
      if (c.name.trim() === '') errors['counterpart.name'] = 'portal.validation.counterpartName';
      if (!isCountryCode(c.countryCode))
        errors['counterpart.countryCode'] = 'portal.validation.counterpartCountry';
      body = {
        counterpart: { name: c.name.trim(), countryCode: c.countryCode, description: c.description.trim() },
      };
      break;
    }
    case 'partnerEntityIds': {
      // `?? []`: edits kept in the browser before this field existed have no partners.
      const ids = [...new Set(v.partnerEntityIds ?? [])];
      if (ids.length > MAX_PARTNER_ENTITIES) errors.partnerEntityIds = 'portal.validation.partnersMax';
      body = { partnerEntityIds: ids };
      break;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body };
}

// ---------------------------------------------------------------------------------------------------------------
// For the rules of libs/domain (live totals, the checklist)

/** Money as the domain reads it: the parsed amount, or the text as typed (the domain counts it as malformed). */
function domainMoney(raw: string): string {
  return parseMoneyInput(raw) ?? raw;
}

/** The content libs/domain checks, from what is typed now (not what is saved). */
export function toContent(v: ApplicationFormValues): ApplicationContent {
  const totals = budgetTotals(v.budgetLines);
  const counts = (c: CountsValues) => ({
    women: parseCountInput(c.women) ?? 0,
    men: parseCountInput(c.men) ?? 0,
    other: parseCountInput(c.other) ?? 0,
  });
  const group = (g: GroupValues) => ({
    ...counts(g),
    byAge: g.byAge ? Object.fromEntries(AGE_BANDS.map((b) => [b, counts(g.byAge![b])])) : null,
  });
  const b = v.beneficiaries;
  const c = v.counterpart;
  return {
    title: v.title,
    summary: v.summary,
    modality: v.modality || null,
    countryCode: v.countryCode || null,
    locations: v.locations,
    startDate: v.startDate || null,
    endDate: v.endDate || null,
    totalCost: totals?.totalCost ?? null,
    requestedAmount: totals?.requestedAmount ?? null,
    ownContribution: v.ownContribution.trim() === '' ? null : domainMoney(v.ownContribution),
    cofunding: v.cofunding.map((x) => ({ ...x, amount: domainMoney(x.amount) })),
    budgetLines: v.budgetLines.map((l) => ({
      ...l,
      amount: domainMoney(l.amount),
      requestedAmount: domainMoney(l.requestedAmount),
    })),
    sectors: v.sectors.map((s) => ({ code: s.code, percent: parsePercentInput(s.percent) ?? s.percent })),
    sdgs: v.sdgs,
    policyMarkers: v.policyMarkers,
    beneficiaries:
      isBlankGroup(b.direct) && isBlankGroup(b.indirect)
        ? null
        : { direct: group(b.direct), indirect: group(b.indirect) },
    counterpart:
      c.name.trim() === '' && c.countryCode === '' && c.description.trim() === ''
        ? null
        : { name: c.name, countryCode: c.countryCode, description: c.description },
    partnerEntityIds: [...(v.partnerEntityIds ?? [])],
  };
}
