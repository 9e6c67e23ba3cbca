/**
 * The official classifications of product.md ("Classifications"): OECD DAC 5-digit sectors, the 17 SDGs and their
 * 169 targets, DAC policy markers, ISO 3166-1 countries and ISO 4217 currencies. The lists come from the IATI
 * codelists kept in libs/contracts/codelists/iati/ (`npm run codelists:generate`); withdrawn codes are left out.
 * Sector and SDG-target names stay in their official English; SDG goals and the policy markers an application
 * declares are translated here.
 */
import {
  countries,
  currencies,
  policyMarkers,
  policySignificance,
  sdgGoals,
  sdgTargets,
  sectorCategories,
  sectors,
} from '../generated/codelists.json';
import { DEFAULT_LOCALE, type Locale } from './locales';

export interface CodeName {
  readonly code: string;
  readonly name: string;
}
/** A DAC 5-digit purpose code in its 3-digit category. */
export interface Sector extends CodeName {
  readonly category: string;
}
export type LocalizedName = Readonly<Record<Locale, string>>;

export const SDG_GOAL_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17] as const;
export type SdgGoal = (typeof SDG_GOAL_NUMBERS)[number];
export interface SdgGoalEntry {
  readonly code: SdgGoal;
  /** Official English title, e.g. "End poverty in all its forms everywhere". */
  readonly name: string;
}
export interface SdgTarget {
  /** e.g. "5.2" or "5.a" */
  readonly code: string;
  readonly goal: SdgGoal;
  readonly name: string;
}

export const SECTORS: readonly Sector[] = sectors;
export const SECTOR_CATEGORIES: readonly CodeName[] = sectorCategories;
export const SDG_GOALS = sdgGoals as readonly SdgGoalEntry[];
export const SDG_TARGETS = sdgTargets as readonly SdgTarget[];
/** Every DAC policy marker of the codelist, with its official English name. */
export const POLICY_MARKERS: readonly CodeName[] = policyMarkers;
/** 0 not targeted, 1 significant objective, 2 principal objective (3 and 4 exist for other markers). */
export const POLICY_SIGNIFICANCE: readonly CodeName[] = policySignificance;
/** ISO 3166-1 alpha-2 countries with their English names (show them with `Intl.DisplayNames`). */
export const COUNTRIES: readonly CodeName[] = countries;
export const COUNTRY_CODES: readonly string[] = /* @__PURE__ */ COUNTRIES.map((c) => c.code);
/** ISO 4217 currencies with their English names. */
export const CURRENCIES: readonly CodeName[] = currencies;
export const CURRENCY_CODES: readonly string[] = /* @__PURE__ */ CURRENCIES.map((c) => c.code);

/** The official short titles of the 17 goals. */
export const SDG_GOAL_NAMES: Readonly<Record<SdgGoal, LocalizedName>> = {
  1: { ca: 'Fi de la pobresa', es: 'Fin de la pobreza', en: 'No poverty' },
  2: { ca: 'Fam zero', es: 'Hambre cero', en: 'Zero hunger' },
  3: { ca: 'Salut i benestar', es: 'Salud y bienestar', en: 'Good health and well-being' },
  4: { ca: 'Educació de qualitat', es: 'Educación de calidad', en: 'Quality education' },
  5: { ca: 'Igualtat de gènere', es: 'Igualdad de género', en: 'Gender equality' },
  6: { ca: 'Aigua neta i sanejament', es: 'Agua limpia y saneamiento', en: 'Clean water and sanitation' },
  7: {
    ca: 'Energia neta i assequible',
    es: 'Energía asequible y no contaminante',
    en: 'Affordable and clean energy',
  },
  8: {
    ca: 'Treball digne i creixement econòmic',
    es: 'Trabajo decente y crecimiento económico',
    en: 'Decent work and economic growth',
  },
  9: {
    ca: 'Indústria, innovació i infraestructura',
    es: 'Industria, innovación e infraestructura',
    en: 'Industry, innovation and infrastructure',
  },
  10: {
    ca: 'Reducció de les desigualtats',
    es: 'Reducción de las desigualdades',
    en: 'Reduced inequalities',
  },
  11: {
    ca: 'Ciutats i comunitats sostenibles',
    es: 'Ciudades y comunidades sostenibles',
    en: 'Sustainable cities and communities',
  },
  12: {
    ca: 'Consum i producció responsables',
    es: 'Producción y consumo responsables',
    en: 'Responsible consumption and production',
  },
  13: { ca: 'Acció climàtica', es: 'Acción por el clima', en: 'Climate action' },
  14: { ca: 'Vida submarina', es: 'Vida submarina', en: 'Life below water' },
  15: { ca: 'Vida terrestre', es: 'Vida de ecosistemas terrestres', en: 'Life on land' },
  16: {
    ca: 'Pau, justícia i institucions sòlides',
    es: 'Paz, justicia e instituciones sólidas',
    en: 'Peace, justice and strong institutions',
  },
  17: {
    ca: 'Aliança pels objectius',
    es: 'Alianzas para lograr los objetivos',
    en: 'Partnerships for the goals',
  },
};

/** The DAC policy markers an application declares (product.md), by IATI PolicyMarker code. */
export const APPLICATION_POLICY_MARKERS = ['1', '2', '3', '6', '7', '10', '11'] as const;
export type PolicyMarkerCode = (typeof APPLICATION_POLICY_MARKERS)[number];
/** Required with significance ≥ 1 when the call requires EGiBDH. */
export const GENDER_EQUALITY_MARKER: PolicyMarkerCode = '1';

export const POLICY_MARKER_NAMES: Readonly<Record<PolicyMarkerCode, LocalizedName>> = {
  '1': { ca: 'Igualtat de gènere', es: 'Igualdad de género', en: 'Gender equality' },
  '2': { ca: 'Medi ambient', es: 'Medio ambiente', en: 'Environment' },
  '3': {
    ca: 'Desenvolupament participatiu / bon govern',
    es: 'Desarrollo participativo / buen gobierno',
    en: 'Participatory development / good governance',
  },
  '6': {
    ca: 'Mitigació del canvi climàtic',
    es: 'Mitigación del cambio climático',
    en: 'Climate change mitigation',
  },
  '7': {
    ca: 'Adaptació al canvi climàtic',
    es: 'Adaptación al cambio climático',
    en: 'Climate change adaptation',
  },
  '10': {
    ca: 'Reducció del risc de desastres',
    es: 'Reducción del riesgo de desastres',
    en: 'Disaster risk reduction',
  },
  '11': { ca: 'Discapacitat', es: 'Discapacidad', en: 'Disability' },
};

// Built on first use, so a bundle that imports none of the lookups leaves the lists out (tree-shaking).
let lookups:
  | {
      sectorNames: Map<string, string>;
      countries: Set<unknown>;
      currencies: Set<unknown>;
      goalNumbers: Set<unknown>;
      goalStrings: Set<unknown>;
      targetGoals: Map<unknown, SdgGoal>;
      markers: Set<unknown>;
    }
  | undefined;
function lookup() {
  return (lookups ??= {
    sectorNames: new Map(SECTORS.map((s) => [s.code, s.name])),
    countries: new Set(COUNTRY_CODES),
    currencies: new Set(CURRENCY_CODES),
    goalNumbers: new Set(SDG_GOALS.map((g) => g.code)),
    goalStrings: new Set(SDG_GOALS.map((g) => String(g.code))),
    targetGoals: new Map(SDG_TARGETS.map((t) => [t.code, t.goal])),
    markers: new Set(APPLICATION_POLICY_MARKERS),
  });
}

/** An active DAC 5-digit sector code, e.g. "15170". */
export function isSectorCode(code: unknown): code is string {
  return typeof code === 'string' && lookup().sectorNames.has(code);
}

/** An ISO 3166-1 alpha-2 code of the IATI Country list (upper case), e.g. "SN". */
export function isCountryCode(code: unknown): code is string {
  return typeof code === 'string' && lookup().countries.has(code);
}

/** An active ISO 4217 code, e.g. "EUR". */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === 'string' && lookup().currencies.has(code);
}

/** 1 … 17, as a number or its plain decimal string ("5", not "05"). */
export function isSdgGoal(goal: unknown): goal is SdgGoal | `${SdgGoal}` {
  const { goalNumbers, goalStrings } = lookup();
  return typeof goal === 'number' ? goalNumbers.has(goal) : goalStrings.has(goal);
}

/** The target exists and belongs to that goal: `isSdgTarget(5, '5.2')` yes, `isSdgTarget(5, '6.1')` no. */
export function isSdgTarget(goal: unknown, target: unknown): boolean {
  return isSdgGoal(goal) && lookup().targetGoals.get(target) === Number(goal);
}

/** One of the markers an application declares (APPLICATION_POLICY_MARKERS), as its IATI code string. */
export function isPolicyMarkerCode(code: unknown): code is PolicyMarkerCode {
  return lookup().markers.has(code);
}

/** The goal's short title in that language (Catalan when the language is unknown). */
export function sdgGoalName(goal: SdgGoal, locale: Locale): string;
export function sdgGoalName(goal: unknown, locale: Locale): string | undefined;
export function sdgGoalName(goal: unknown, locale: Locale): string | undefined {
  if (!isSdgGoal(goal)) return undefined;
  const names = SDG_GOAL_NAMES[Number(goal) as SdgGoal];
  return names[locale] ?? names[DEFAULT_LOCALE];
}

/** The marker's name in that language; undefined for codes outside APPLICATION_POLICY_MARKERS. */
export function policyMarkerName(code: PolicyMarkerCode, locale: Locale): string;
export function policyMarkerName(code: unknown, locale: Locale): string | undefined;
export function policyMarkerName(code: unknown, locale: Locale): string | undefined {
  if (!isPolicyMarkerCode(code)) return undefined;
  const names = POLICY_MARKER_NAMES[code];
  return names[locale] ?? names[DEFAULT_LOCALE];
}

/** The sector's official English name. */
export function sectorName(code: unknown): string | undefined {
  return typeof code === 'string' ? lookup().sectorNames.get(code) : undefined;
}
