/**
 * The call editor's model: what the officer types (strings, as in the inputs), how it becomes the API's call
 * (`toCallParameters` for the live checklist with the domain's `callCompletenessErrors`, `toCallRequest` for the
 * PATCH), and the reducer of every edit, including the rubric builder (blocks and criteria added, removed and moved
 * with buttons).
 */
import {
  ALLOCATION_METHODS,
  MODALITIES,
  type AllocationMethod,
  type CallParameters,
  type LocalisedText,
  type Modality,
  type Rubric,
} from '@cofinanca/domain';
import {
  integerInput,
  moneyInput,
  normaliseDecimal,
  numberToInput,
  optionalIntegerInput,
  optionalPointsInput,
  pointsInput,
} from '../../../lib/inputs';
import {
  CLOSES_DEFAULT_TIME,
  isoToMadrid,
  OPENS_DEFAULT_TIME,
  windowInstant,
} from '../../../lib/madrid-time';

export interface WindowForm {
  date: string;
  time: string;
}

export interface CriterionForm {
  /** A stable key for React lists (never sent). */
  key: string;
  code: string;
  name: LocalisedText;
  guidance: string;
  maxPoints: string;
}

export interface BlockForm {
  key: string;
  code: string;
  name: LocalisedText;
  minPoints: string;
  tieBreakOrder: string;
  criteria: CriterionForm[];
}

export interface DocumentForm {
  key: string;
  code: string;
  name: LocalisedText;
  required: boolean;
}

export interface BandForm {
  key: string;
  minScore: string;
  percent: string;
}

export interface CallForm {
  code: string;
  year: string;
  title: LocalisedText;
  description: LocalisedText;
  modalities: Modality[];
  requiresGenderMarker: boolean;
  budget: string;
  maxAmountPerApplication: string;
  maxCofinancingPercent: string;
  advancePercent: string;
  budgetDeviationPercent: string;
  minPartialAwardPercent: string;
  opensAt: WindowForm;
  closesAt: WindowForm;
  maxExecutionMonths: string;
  justificationMonths: string;
  correctionDays: string;
  allegationDays: string;
  minimumTotalScore: string;
  divergenceThreshold: string;
  allocationMethod: AllocationMethod;
  scoreBands: BandForm[];
  rubric: { blocks: BlockForm[] };
  requiredDocuments: DocumentForm[];
  evaluatorsPerApplication: string;
  consensusRequired: boolean;
}

/** What the editor starts from: a call as the API sends it (only the fields the editor uses). */
export type CallSource = Omit<
  CallParameters,
  'minimumTotalScore' | 'divergenceThreshold' | 'evaluatorsPerApplication' | 'consensusRequired'
> & {
  code: string;
  year: number;
  minimumTotalScore: number | string;
  divergenceThreshold: number | string;
  /** Absent in a blank call's defaults: 2 and true, as the API's. */
  evaluatorsPerApplication?: number;
  consensusRequired?: boolean;
};

/** The body of POST/PATCH /calls: every parameter plus code and year. */
export type CallRequest = CallParameters & { code: string; year: number };

let keySeq = 0;
/** A new key for a list item (unique within the page). */
export function newKey(prefix = 'k'): string {
  keySeq += 1;
  return `${prefix}${keySeq}`;
}

export const emptyText = (): LocalisedText => ({ ca: '', es: '', en: '' });

const copyText = (t: LocalisedText | null | undefined): LocalisedText => ({
  ca: t?.ca ?? '',
  es: t?.es ?? '',
  en: t?.en ?? '',
});

export function callToForm(call: CallSource): CallForm {
  return {
    code: call.code,
    year: String(call.year),
    title: copyText(call.title),
    description: copyText(call.description),
    modalities: [...(call.modalities ?? [])],
    requiresGenderMarker: call.requiresGenderMarker,
    budget: call.budget ?? '',
    maxAmountPerApplication: call.maxAmountPerApplication ?? '',
    maxCofinancingPercent: call.maxCofinancingPercent ?? '',
    advancePercent: call.advancePercent ?? '',
    budgetDeviationPercent: call.budgetDeviationPercent ?? '',
    minPartialAwardPercent: call.minPartialAwardPercent ?? '',
    opensAt: isoToMadrid(call.opensAt),
    closesAt: isoToMadrid(call.closesAt),
    maxExecutionMonths: numberToInput(call.maxExecutionMonths),
    justificationMonths: numberToInput(call.justificationMonths),
    correctionDays: numberToInput(call.correctionDays),
    allegationDays: numberToInput(call.allegationDays),
    minimumTotalScore: numberToInput(call.minimumTotalScore),
    divergenceThreshold: numberToInput(call.divergenceThreshold),
    allocationMethod: call.allocationMethod,
    scoreBands: (call.scoreBands ?? []).map((b) => ({
      key: newKey('band'),
      minScore: numberToInput(b.minScore),
      percent: b.percent,
    })),
    rubric: {
      blocks: (call.rubric?.blocks ?? []).map((b) => ({
        key: newKey('block'),
        code: b.code,
        name: copyText(b.name),
        minPoints: numberToInput(b.minPoints),
        tieBreakOrder: numberToInput(b.tieBreakOrder),
        criteria: (b.criteria ?? []).map((c) => ({
          key: newKey('crit'),
          code: c.code,
          name: copyText(c.name),
          guidance: c.guidance ?? '',
          maxPoints: numberToInput(c.maxPoints),
        })),
      })),
    },
    requiredDocuments: (call.requiredDocuments ?? []).map((d) => ({
      key: newKey('doc'),
      code: d.code,
      name: copyText(d.name),
      required: d.required,
    })),
    evaluatorsPerApplication: numberToInput(call.evaluatorsPerApplication ?? 2),
    consensusRequired: call.consensusRequired ?? true,
  };
}

/** Marks a window typed wrongly so that the checklist reports it (the domain refuses anything but an instant). */
const INVALID_INSTANT = 'invalid';

function instant(window: WindowForm, defaultTime: string): string | null {
  const value = windowInstant(window.date, window.time, defaultTime);
  return value === undefined ? INVALID_INSTANT : value;
}

export function toRubric(form: Pick<CallForm, 'rubric'>): Rubric {
  return {
    blocks: form.rubric.blocks.map((b) => ({
      code: b.code.trim(),
      name: b.name,
      minPoints: optionalPointsInput(b.minPoints),
      tieBreakOrder: optionalIntegerInput(b.tieBreakOrder),
      criteria: b.criteria.map((c) => ({
        code: c.code.trim(),
        name: c.name,
        guidance: c.guidance.trim() === '' ? null : c.guidance,
        maxPoints: pointsInput(c.maxPoints),
      })),
    })),
  };
}

/**
 * The call's parameters as the domain sees them, for the live checklist. Anything typed wrongly stays wrong (NaN,
 * a malformed amount) so that `callCompletenessErrors` reports it on its path.
 */
export function toCallParameters(form: CallForm): CallParameters {
  return {
    title: form.title,
    description: form.description,
    modalities: form.modalities,
    requiresGenderMarker: form.requiresGenderMarker,
    budget: moneyInput(form.budget),
    maxAmountPerApplication: moneyInput(form.maxAmountPerApplication),
    maxCofinancingPercent: normaliseDecimal(form.maxCofinancingPercent),
    advancePercent: normaliseDecimal(form.advancePercent),
    budgetDeviationPercent: normaliseDecimal(form.budgetDeviationPercent),
    minPartialAwardPercent: normaliseDecimal(form.minPartialAwardPercent),
    opensAt: instant(form.opensAt, OPENS_DEFAULT_TIME),
    closesAt: instant(form.closesAt, CLOSES_DEFAULT_TIME),
    maxExecutionMonths: integerInput(form.maxExecutionMonths),
    justificationMonths: integerInput(form.justificationMonths),
    correctionDays: integerInput(form.correctionDays),
    allegationDays: integerInput(form.allegationDays),
    minimumTotalScore: pointsInput(form.minimumTotalScore),
    divergenceThreshold: pointsInput(form.divergenceThreshold),
    allocationMethod: form.allocationMethod,
    scoreBands:
      form.allocationMethod === 'score_bands'
        ? form.scoreBands.map((b) => ({
            minScore: pointsInput(b.minScore),
            percent: normaliseDecimal(b.percent),
          }))
        : null,
    rubric: toRubric(form),
    requiredDocuments: form.requiredDocuments.map((d) => ({
      code: d.code.trim(),
      name: d.name,
      required: d.required,
    })),
    evaluatorsPerApplication: integerInput(form.evaluatorsPerApplication),
    consensusRequired: form.consensusRequired,
  };
}

/** The body of the PATCH (validate the form with `callFormSchema` first: this does not check formats). */
export function toCallRequest(form: CallForm): CallRequest {
  return { ...toCallParameters(form), code: form.code.trim(), year: integerInput(form.year) };
}

// ---------------------------------------------------------------------------------------------------------------
// Field paths: the API's error paths (`rubric.blocks[0].criteria[2].maxPoints`) name the inputs of the editor.

/** The id of the input (or group) that edits the value at an API path. */
export function fieldId(path: string): string {
  return `call-${path.replace(/[[\].]+/g, '-').replace(/-+$/, '')}`;
}

export type CallSection = 'general' | 'money' | 'dates' | 'evaluation' | 'documents' | 'rubric';

export interface PathInfo {
  section: CallSection;
  /** The last field name (`maxPoints`, `es`, `closesAt`…). */
  field: string;
  /** The language of a localised text. */
  language?: 'ca' | 'es' | 'en';
  block?: number;
  criterion?: number;
  document?: number;
  band?: number;
}

const SECTION_OF: Record<string, CallSection> = {
  code: 'general',
  year: 'general',
  title: 'general',
  description: 'general',
  modalities: 'general',
  requiresGenderMarker: 'general',
  budget: 'money',
  maxAmountPerApplication: 'money',
  maxCofinancingPercent: 'money',
  advancePercent: 'money',
  budgetDeviationPercent: 'money',
  minPartialAwardPercent: 'money',
  opensAt: 'dates',
  closesAt: 'dates',
  maxExecutionMonths: 'dates',
  justificationMonths: 'dates',
  correctionDays: 'dates',
  allegationDays: 'dates',
  minimumTotalScore: 'evaluation',
  divergenceThreshold: 'evaluation',
  allocationMethod: 'evaluation',
  scoreBands: 'evaluation',
  evaluatorsPerApplication: 'evaluation',
  consensusRequired: 'evaluation',
  requiredDocuments: 'documents',
  rubric: 'rubric',
};

/** Where an API field path points in the editor. */
export function describePath(path: string): PathInfo {
  const parts = path.split('.');
  const head = parts[0].replace(/\[\d+\]$/, '');
  const section = SECTION_OF[head] ?? 'general';
  const index = (re: RegExp) => {
    const m = re.exec(path);
    return m ? Number(m[1]) : undefined;
  };
  const last = parts[parts.length - 1].replace(/\[\d+\]$/, '');
  const info: PathInfo = { section, field: last };
  if (last === 'ca' || last === 'es' || last === 'en') {
    info.language = last;
    info.field = parts[parts.length - 2].replace(/\[\d+\]$/, '');
  }
  const block = index(/blocks\[(\d+)\]/);
  const criterion = index(/criteria\[(\d+)\]/);
  const document = index(/requiredDocuments\[(\d+)\]/);
  const band = index(/scoreBands\[(\d+)\]/);
  if (block !== undefined) info.block = block;
  if (criterion !== undefined) info.criterion = criterion;
  if (document !== undefined) info.document = document;
  if (band !== undefined) info.band = band;
  return info;
}

/** Sorts error paths in the order of the editor's sections (and keeps the API's order within one). */
export const SECTION_ORDER: readonly CallSection[] = [
  'general',
  'money',
  'dates',
  'evaluation',
  'documents',
  'rubric',
];

export function groupBySection<T>(errors: Record<string, T[]>): Map<CallSection, [string, T[]][]> {
  const out = new Map<CallSection, [string, T[]][]>();
  for (const section of SECTION_ORDER) out.set(section, []);
  for (const entry of Object.entries(errors)) out.get(describePath(entry[0]).section)?.push(entry);
  for (const section of SECTION_ORDER) if (out.get(section)?.length === 0) out.delete(section);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The reducer

export type Direction = -1 | 1;

type ScalarField = {
  [K in keyof CallForm]: CallForm[K] extends string | boolean ? K : never;
}[keyof CallForm];

export type CallFormAction =
  | { type: 'reset'; form: CallForm }
  | { type: 'set'; field: ScalarField; value: string | boolean }
  | { type: 'setText'; field: 'title' | 'description'; language: keyof LocalisedText; value: string }
  | { type: 'setWindow'; field: 'opensAt' | 'closesAt'; part: keyof WindowForm; value: string }
  | { type: 'setAllocation'; value: AllocationMethod }
  | { type: 'toggleModality'; modality: Modality; checked: boolean }
  | { type: 'addBlock' }
  | { type: 'removeBlock'; index: number }
  | { type: 'moveBlock'; index: number; direction: Direction }
  | { type: 'updateBlock'; index: number; patch: Partial<Omit<BlockForm, 'key' | 'criteria'>> }
  | { type: 'addCriterion'; block: number }
  | { type: 'removeCriterion'; block: number; index: number }
  | { type: 'moveCriterion'; block: number; index: number; direction: Direction }
  | { type: 'updateCriterion'; block: number; index: number; patch: Partial<Omit<CriterionForm, 'key'>> }
  | { type: 'addDocument' }
  | { type: 'removeDocument'; index: number }
  | { type: 'moveDocument'; index: number; direction: Direction }
  | { type: 'updateDocument'; index: number; patch: Partial<Omit<DocumentForm, 'key'>> }
  | { type: 'addBand' }
  | { type: 'removeBand'; index: number }
  | { type: 'updateBand'; index: number; patch: Partial<Omit<BandForm, 'key'>> };

/** The list with the item at `index` swapped with its neighbour in `direction` (unchanged at either end). */
export function moveItem<T>(list: readonly T[], index: number, direction: Direction): T[] {
  const target = index + direction;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const out = [...list];
  [out[index], out[target]] = [out[target], out[index]];
  return out;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function replaceAt<T>(list: readonly T[], index: number, update: (item: T) => T): T[] {
  return list.map((item, i) => (i === index ? update(item) : item));
}

/** The next free block code: A, B, C… (after Z: B27, B28…). */
export function nextBlockCode(blocks: readonly Pick<BlockForm, 'code'>[]): string {
  const used = new Set(blocks.map((b) => b.code.trim().toUpperCase()));
  for (let i = 0; i < 26; i += 1) {
    const letter = String.fromCharCode(65 + i);
    if (!used.has(letter)) return letter;
  }
  let n = blocks.length + 1;
  while (used.has(`B${n}`)) n += 1;
  return `B${n}`;
}

/** The next free criterion code of a block: its code followed by 1, 2, 3… (A1, A2…). */
export function nextCriterionCode(
  block: Pick<BlockForm, 'code' | 'criteria'>,
  all: readonly BlockForm[],
): string {
  const used = new Set(all.flatMap((b) => b.criteria.map((c) => c.code.trim().toUpperCase())));
  const prefix = block.code.trim() || 'C';
  let n = block.criteria.length + 1;
  while (used.has(`${prefix}${n}`.toUpperCase())) n += 1;
  return `${prefix}${n}`;
}

export function newCriterion(code: string): CriterionForm {
  return { key: newKey('crit'), code, name: emptyText(), guidance: '', maxPoints: '' };
}

export function newBlock(code: string): BlockForm {
  return {
    key: newKey('block'),
    code,
    name: emptyText(),
    minPoints: '',
    tieBreakOrder: '',
    criteria: [newCriterion(`${code}1`)],
  };
}

function setBlocks(state: CallForm, blocks: BlockForm[]): CallForm {
  return { ...state, rubric: { blocks } };
}

function updateBlockAt(state: CallForm, index: number, update: (b: BlockForm) => BlockForm): CallForm {
  return setBlocks(state, replaceAt(state.rubric.blocks, index, update));
}

export function callFormReducer(state: CallForm, action: CallFormAction): CallForm {
  switch (action.type) {
    case 'reset':
      return action.form;
    case 'set':
      return { ...state, [action.field]: action.value };
    case 'setText':
      return { ...state, [action.field]: { ...state[action.field], [action.language]: action.value } };
    case 'setWindow':
      return { ...state, [action.field]: { ...state[action.field], [action.part]: action.value } };
    case 'setAllocation':
      return {
        ...state,
        allocationMethod: (ALLOCATION_METHODS as readonly string[]).includes(action.value)
          ? action.value
          : state.allocationMethod,
        // Switching to score bands with none yet offers product.md's example bands to start from.
        scoreBands:
          action.value === 'score_bands' && state.scoreBands.length === 0 ? defaultBands() : state.scoreBands,
      };
    case 'toggleModality': {
      const rest = state.modalities.filter((m) => m !== action.modality);
      const next = action.checked ? [...rest, action.modality] : rest;
      return { ...state, modalities: MODALITIES.filter((m) => next.includes(m)) };
    }
    case 'addBlock':
      return setBlocks(state, [...state.rubric.blocks, newBlock(nextBlockCode(state.rubric.blocks))]);
    case 'removeBlock':
      return setBlocks(state, removeAt(state.rubric.blocks, action.index));
    case 'moveBlock':
      return setBlocks(state, moveItem(state.rubric.blocks, action.index, action.direction));
    case 'updateBlock':
      return updateBlockAt(state, action.index, (b) => ({ ...b, ...action.patch }));
    case 'addCriterion':
      return updateBlockAt(state, action.block, (b) => ({
        ...b,
        criteria: [...b.criteria, newCriterion(nextCriterionCode(b, state.rubric.blocks))],
      }));
    case 'removeCriterion':
      return updateBlockAt(state, action.block, (b) => ({
        ...b,
        criteria: removeAt(b.criteria, action.index),
      }));
    case 'moveCriterion':
      return updateBlockAt(state, action.block, (b) => ({
        ...b,
        criteria: moveItem(b.criteria, action.index, action.direction),
      }));
    case 'updateCriterion':
      return updateBlockAt(state, action.block, (b) => ({
        ...b,
        criteria: replaceAt(b.criteria, action.index, (c) => ({ ...c, ...action.patch })),
      }));
    case 'addDocument':
      return {
        ...state,
        requiredDocuments: [
          ...state.requiredDocuments,
          { key: newKey('doc'), code: '', name: emptyText(), required: true },
        ],
      };
    case 'removeDocument':
      return { ...state, requiredDocuments: removeAt(state.requiredDocuments, action.index) };
    case 'moveDocument':
      return {
        ...state,
        requiredDocuments: moveItem(state.requiredDocuments, action.index, action.direction),
      };
    case 'updateDocument':
      return {
        ...state,
        requiredDocuments: replaceAt(state.requiredDocuments, action.index, (d) => ({
          ...d,
          ...action.patch,
        })),
      };
    case 'addBand':
      return {
        ...state,
        scoreBands: [...state.scoreBands, { key: newKey('band'), minScore: '', percent: '' }],
      };
    case 'removeBand':
      return { ...state, scoreBands: removeAt(state.scoreBands, action.index) };
    case 'updateBand':
      return {
        ...state,
        scoreBands: replaceAt(state.scoreBands, action.index, (b) => ({ ...b, ...action.patch })),
      };
    default:
      return state;
  }
}

/** product.md's example bands: ≥ 80 → 100 %, 65–79.99 → 85 %, 50–64.99 → 70 %. */
export function defaultBands(): BandForm[] {
  return [
    { key: newKey('band'), minScore: '80', percent: '100.00' },
    { key: newKey('band'), minScore: '65', percent: '85.00' },
    { key: newKey('band'), minScore: '50', percent: '70.00' },
  ];
}
