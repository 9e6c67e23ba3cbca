/**
 * A call's parameters (product.md "The life of a call", api.md "Calls"): the template an officer starts from, the
 * checks publishing requires, and percentages as exact basis points.
 */
import { isIsoDate } from './dates';
import { formatMoney, MONEY_PATTERN, parseMoney } from './money';
import { addFieldIssue, type FieldIssues } from './field-errors';

/** The three languages of every visible text; Catalan is primary. */
export const LANGUAGES = ['ca', 'es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LocalisedText = { ca: string; es: string; en: string };

export const MODALITIES = ['development', 'epts', 'humanitarian'] as const;
export type Modality = (typeof MODALITIES)[number];

export const ALLOCATION_METHODS = ['rank_order', 'score_bands'] as const;
export type AllocationMethod = (typeof ALLOCATION_METHODS)[number];

export interface RubricCriterion {
  code: string;
  name: LocalisedText;
  guidance?: string | null;
  maxPoints: number;
}

export interface RubricBlock {
  code: string;
  name: LocalisedText;
  minPoints?: number | null;
  tieBreakOrder?: number | null;
  criteria: RubricCriterion[];
}

export interface Rubric {
  blocks: RubricBlock[];
}

export interface RequiredDocument {
  code: string;
  name: LocalisedText;
  required: boolean;
}

export interface ScoreBand {
  minScore: number;
  percent: string;
}

export interface CallParameters {
  title: LocalisedText;
  description: LocalisedText;
  modalities: Modality[];
  requiresGenderMarker: boolean;
  /** Money as decimal strings. */
  budget: string | null;
  maxAmountPerApplication: string | null;
  /** Percentages as decimal strings ("80.00"). */
  maxCofinancingPercent: string;
  /** ISO 8601 instants with offset. */
  opensAt: string | null;
  closesAt: string | null;
  maxExecutionMonths: number;
  advancePercent: string;
  justificationMonths: number;
  correctionDays: number;
  allegationDays: number;
  budgetDeviationPercent: string;
  minimumTotalScore: number;
  divergenceThreshold: number;
  allocationMethod: AllocationMethod;
  minPartialAwardPercent: string;
  scoreBands: ScoreBand[] | null;
  rubric: Rubric;
  requiredDocuments: RequiredDocument[];
  /** Evaluators each application gets (default 2, at least 1). */
  evaluatorsPerApplication: number;
  /** A divergent application needs a consensus score before the ranking is complete (default true). */
  consensusRequired: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Percentages

/** A percentage as the API speaks it: a decimal string with at most two decimals, from 0 to 100. */
export const PERCENT_PATTERN = /^(?:100(?:\.0{1,2})?|\d{1,2}(?:\.\d{1,2})?)$/;

export type BasisPoints = bigint;

/** True when the value is a percentage string from "0" to "100.00". */
export function isPercent(value: string): boolean {
  return typeof value === 'string' && PERCENT_PATTERN.test(value);
}

/** A percentage in basis points (hundredths of a percent): "80.00" → 8000n. Throws on anything not PERCENT_PATTERN. */
export function parsePercent(value: string): BasisPoints {
  if (!isPercent(value)) throw new RangeError(`Not a percentage from 0 to 100: ${String(value)}`);
  return parseMoney(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Instants and points

const ISO_INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with an offset or Z ("2026-03-02T09:00:00+01:00"), on a real calendar date. */
export function isIsoInstant(value: string): boolean {
  if (typeof value !== 'string') return false;
  const match = ISO_INSTANT_PATTERN.exec(value);
  return match !== null && isIsoDate(match[1]) && !Number.isNaN(Date.parse(value));
}

/** Points in hundredths, so that sums of two-decimal scores stay exact. */
function toHundredths(points: number): number {
  return Number.isFinite(points) ? Math.round(points * 100) : 0;
}

/** A points value as the API accepts it: a finite number with at most two decimals. */
export function isPoints(value: number): boolean {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    Math.abs(value * 100 - Math.round(value * 100)) < 1e-6
  );
}

/** The points a block can give: the sum of its criteria's maxPoints. */
export function blockTotal(block: RubricBlock): number {
  return (block.criteria ?? []).reduce((acc, c) => acc + toHundredths(c.maxPoints), 0) / 100;
}

/** The points a rubric can give: the sum of every criterion's maxPoints (100 in the default rubric). */
export function rubricTotal(r: Rubric): number {
  return r.blocks.reduce((acc, b) => acc + toHundredths(blockTotal(b)), 0) / 100;
}

// ---------------------------------------------------------------------------------------------------------------
// The default template (product.md "The default rubric")

const text = (ca: string, es: string, en: string): LocalisedText => ({ ca, es, en });

function criterion(code: string, maxPoints: number, name: LocalisedText, guidance: string): RubricCriterion {
  return { code, name, guidance, maxPoints };
}

function defaultRubric(): Rubric {
  return {
    blocks: [
      {
        code: 'A',
        name: text(
          'Entitat i arrelament a Lleida',
          'Entidad y arraigo en Lleida',
          'Entity and rootedness in Lleida',
        ),
        minPoints: null,
        tieBreakOrder: null,
        criteria: [
          criterion(
            'A1',
            5,
            text(
              'Experiència al país i al sector',
              'Experiencia en el país y en el sector',
              'Experience in the country and sector',
            ),
            "Valoreu els anys i els projectes de l'entitat al país i al sector d'intervenció.",
          ),
          criterion(
            'A2',
            4,
            text(
              "Base social a Lleida, voluntariat i política interna d'equitat de gènere",
              'Base social en Lleida, voluntariado y política interna de equidad de género',
              'Social base in Lleida, volunteering and internal gender-equity policy',
            ),
            "Tingueu en compte les persones sòcies i voluntàries a Lleida i si l'entitat té un pla o política d'igualtat.",
          ),
          criterion(
            'A3',
            3,
            text(
              'Treball en xarxa: projectes conjunts amb altres entitats de Lleida i participació en el circuit de capacitació de la ciutat',
              'Trabajo en red: proyectos conjuntos con otras entidades de Lleida y participación en el circuito de capacitación de la ciudad',
              "Networking: joint projects with other Lleida entities and participation in the city's capacity-building circuit",
            ),
            'Valoreu la col·laboració acreditada amb altres entitats de Lleida i la participació en el Circuit.',
          ),
          criterion(
            'A4',
            3,
            text(
              "Historial d'execució i justificació correctes",
              'Historial de ejecución y justificación correctas',
              'Record of correct execution and justification',
            ),
            "Reviseu si les subvencions anteriors de l'entitat es van executar i justificar correctament i a temps.",
          ),
        ],
      },
      {
        code: 'B',
        name: text('Sòcia local', 'Socio local', 'Local counterpart'),
        minPoints: null,
        tieBreakOrder: null,
        criteria: [
          criterion(
            'B1',
            4,
            text('Experiència i capacitat', 'Experiencia y capacidad', 'Experience and capacity'),
            'Valoreu la trajectòria i la capacitat tècnica i de gestió de la sòcia local per executar el projecte.',
          ),
          criterion(
            'B2',
            4,
            text(
              'Arrelament i participació dels titulars de drets i de les organitzacions de dones',
              'Arraigo y participación de los titulares de derechos y de las organizaciones de mujeres',
              "Rootedness and participation of rights-holders and women's organisations",
            ),
            'Comproveu que la sòcia local és present al territori i que hi participen els titulars de drets i les organitzacions de dones.',
          ),
          criterion(
            'B3',
            2,
            text(
              'Trajectòria de la relació amb la sòcia local',
              'Trayectoria de la relación con el socio local',
              'History of the partnership',
            ),
            "Tingueu en compte la durada i els resultats de la col·laboració prèvia entre l'entitat i la sòcia local.",
          ),
        ],
      },
      {
        code: 'C',
        name: text(
          'Pertinència i qualitat tècnica',
          'Pertinencia y calidad técnica',
          'Relevance and technical quality',
        ),
        minPoints: null,
        tieBreakOrder: 2,
        criteria: [
          criterion(
            'C1',
            6,
            text(
              'Anàlisi del context amb anàlisi de gènere',
              'Análisis del contexto con análisis de género',
              'Context analysis with gender analysis',
            ),
            'Valoreu si el diagnòstic del context és rigorós i inclou dades desagregades per sexe i una anàlisi de gènere.',
          ),
          criterion(
            'C2',
            10,
            text(
              "Lògica d'intervenció coherent: objectius, resultats, activitats i indicadors verificables",
              'Lógica de intervención coherente: objetivos, resultados, actividades e indicadores verificables',
              'Coherent intervention logic: objectives, results, activities and verifiable indicators',
            ),
            'Comproveu que objectius, resultats i activitats encaixen i que cada indicador té una font de verificació.',
          ),
          criterion(
            'C3',
            5,
            text(
              'Alineació amb el pla municipal de cooperació, els ODS i les polítiques del país soci',
              'Alineación con el plan municipal de cooperación, los ODS y las políticas del país socio',
              "Alignment with the municipal cooperation plan, the SDGs and the partner country's policies",
            ),
            'Valoreu la coherència del projecte amb el pla director municipal, les metes dels ODS i les polítiques locals.',
          ),
          criterion(
            'C4',
            4,
            text(
              'Calendari, riscos, seguiment i avaluació',
              'Cronograma, riesgos, seguimiento y evaluación',
              'Timetable, risks, monitoring and evaluation',
            ),
            "Comproveu que el calendari és realista i que hi ha un pla de riscos, de seguiment i d'avaluació.",
          ),
        ],
      },
      {
        code: 'D',
        name: text(
          'EGiBDH: enfocament de gènere i basat en els drets humans',
          'EGiBDH: enfoque de género y basado en los derechos humanos',
          'EGiBDH: gender and human-rights-based approach',
        ),
        minPoints: 10,
        tieBreakOrder: 1,
        criteria: [
          criterion(
            'D1',
            5,
            text(
              "Identificació dels titulars de drets, d'obligacions i de responsabilitats",
              'Identificación de los titulares de derechos, de obligaciones y de responsabilidades',
              'Rights-holders, duty-bearers and responsibility-holders identified',
            ),
            "Comproveu que el projecte identifica els titulars de drets, d'obligacions i de responsabilitats i el seu paper.",
          ),
          criterion(
            'D2',
            7,
            text(
              'Anàlisi de gènere i objectius transformadors',
              'Análisis de género y objetivos transformadores',
              'Gender analysis and transformative objectives',
            ),
            "Valoreu si els objectius responen a l'anàlisi de gènere i busquen canviar les desigualtats, no només pal·liar-les.",
          ),
          criterion(
            'D3',
            5,
            text(
              'Participació, apoderament, no-discriminació i interculturalitat',
              'Participación, empoderamiento, no discriminación e interculturalidad',
              'Participation, empowerment, non-discrimination and interculturality',
            ),
            'Tingueu en compte com participen els titulars de drets en totes les fases i com es prevé la discriminació.',
          ),
          criterion(
            'D4',
            3,
            text(
              'Protecció de la infància i acció sense dany',
              'Protección de la infancia y acción sin daño',
              'Child protection and do-no-harm',
            ),
            'Comproveu que hi ha una política de protecció de la infància i mesures per evitar danys a les persones.',
          ),
        ],
      },
      {
        code: 'E',
        name: text(
          'Sostenibilitat ambiental, econòmica i social',
          'Sostenibilidad ambiental, económica y social',
          'Sustainability: environmental, economic, social',
        ),
        minPoints: null,
        tieBreakOrder: null,
        criteria: [
          criterion(
            'E1',
            10,
            text(
              'Sostenibilitat ambiental, econòmica i social del projecte',
              'Sostenibilidad ambiental, económica y social del proyecto',
              "The project's environmental, economic and social sustainability",
            ),
            "Valoreu si els resultats es mantindran en acabar el finançament i si s'ha previst l'impacte ambiental.",
          ),
        ],
      },
      {
        code: 'F',
        name: text('Pressupost i eficiència', 'Presupuesto y eficiencia', 'Budget and efficiency'),
        minPoints: null,
        tieBreakOrder: null,
        criteria: [
          criterion(
            'F1',
            4,
            text(
              'Claredat del pressupost i costos subvencionables',
              'Claridad del presupuesto y costes subvencionables',
              'Budget clarity and eligible costs',
            ),
            'Comproveu que cada partida està detallada i que tots els costos són subvencionables segons les bases.',
          ),
          criterion(
            'F2',
            4,
            text(
              'Coherència entre costos i activitats',
              'Coherencia entre costes y actividades',
              'Cost–activity coherence',
            ),
            'Valoreu si els costos són proporcionats a les activitats i als resultats previstos.',
          ),
          criterion(
            'F3',
            2,
            text(
              'Cofinançament i aportacions pròpies',
              'Cofinanciación y aportaciones propias',
              'Co-financing and own contributions',
            ),
            "Tingueu en compte el pes de les aportacions pròpies i d'altres finançadors en el cost total.",
          ),
        ],
      },
      {
        code: 'G',
        name: text(
          'Retorn a Lleida: accions de sensibilització a la ciutat',
          'Retorno a Lleida: acciones de sensibilización en la ciudad',
          'Return to Lleida: awareness actions in the city',
        ),
        minPoints: null,
        tieBreakOrder: null,
        criteria: [
          criterion(
            'G1',
            10,
            text(
              'Accions de sensibilització a Lleida vinculades al projecte',
              'Acciones de sensibilización en Lleida vinculadas al proyecto',
              'Awareness actions in Lleida linked to the project',
            ),
            'Valoreu les activitats previstes a la ciutat per donar a conèixer el projecte i la realitat del país.',
          ),
        ],
      },
    ],
  };
}

function defaultRequiredDocuments(): RequiredDocument[] {
  return [
    {
      code: 'project_document',
      name: text(
        'Formulari tècnic del projecte',
        'Formulario técnico del proyecto',
        'Project technical form',
      ),
      required: true,
    },
    {
      code: 'budget_detail',
      name: text('Pressupost detallat', 'Presupuesto detallado', 'Detailed budget'),
      required: true,
    },
    {
      code: 'entity_statutes',
      name: text("Estatuts de l'entitat", 'Estatutos de la entidad', "The entity's statutes"),
      required: true,
    },
    {
      code: 'counterpart_agreement',
      name: text(
        'Conveni amb la sòcia local',
        'Convenio con el socio local',
        'Agreement with the local counterpart',
      ),
      required: false,
    },
  ];
}

/**
 * The parameters a new call starts from: product.md's defaults and default rubric (100 points). Budget, cap and
 * window are left empty for the officer. Every call returns a fresh object.
 */
export function defaultCallTemplate(): CallParameters {
  return {
    title: text(
      'Convocatòria de subvencions per a projectes de cooperació al desenvolupament',
      'Convocatoria de subvenciones para proyectos de cooperación al desarrollo',
      'Call for grants for development cooperation projects',
    ),
    description: text(
      "Subvencions en règim de concurrència competitiva per cofinançar projectes de cooperació al desenvolupament d'entitats, amb enfocament de gènere i basat en els drets humans (EGiBDH) i alineats amb els Objectius de Desenvolupament Sostenible.",
      'Subvenciones en régimen de concurrencia competitiva para cofinanciar proyectos de cooperación al desarrollo de entidades, con enfoque de género y basado en los derechos humanos (EGiBDH) y alineados con los Objetivos de Desarrollo Sostenible.',
      "Competitive grants co-financing entities' development cooperation projects with a gender and human-rights-based approach (EGiBDH), aligned with the Sustainable Development Goals.",
    ),
    modalities: ['development'],
    requiresGenderMarker: true,
    budget: null,
    maxAmountPerApplication: null,
    maxCofinancingPercent: '80.00',
    opensAt: null,
    closesAt: null,
    maxExecutionMonths: 12,
    advancePercent: '50.00',
    justificationMonths: 3,
    correctionDays: 10,
    allegationDays: 10,
    budgetDeviationPercent: '20.00',
    minimumTotalScore: 50,
    divergenceThreshold: 20,
    allocationMethod: 'rank_order',
    minPartialAwardPercent: '50.00',
    scoreBands: null,
    rubric: defaultRubric(),
    requiredDocuments: defaultRequiredDocuments(),
    evaluatorsPerApplication: 2,
    consensusRequired: true,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Completeness (what publishing requires)

type Errors = FieldIssues;
const addError = addFieldIssue;

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function checkLocalisedText(errors: Errors, path: string, value: LocalisedText | null | undefined): void {
  for (const language of LANGUAGES) {
    if (isBlank(value?.[language])) addError(errors, `${path}.${language}`, 'REQUIRED');
  }
}

/** A positive amount, or null after recording why not. */
function positiveAmount(errors: Errors, path: string, value: string | null): bigint | null {
  if (value === null || value === undefined || value === '') {
    addError(errors, path, 'REQUIRED');
    return null;
  }
  if (typeof value !== 'string' || !MONEY_PATTERN.test(value)) {
    addError(errors, path, 'MAX_DECIMALS', { max: 2 });
    return null;
  }
  const cents = parseMoney(value);
  if (cents <= 0n) {
    addError(errors, path, 'NOT_POSITIVE');
    return null;
  }
  return cents;
}

function checkPercent(errors: Errors, path: string, value: string, allowZero: boolean): void {
  if (!isPercent(value)) {
    addError(errors, path, 'INVALID_PERCENT');
  } else if (!allowZero && parsePercent(value) === 0n) {
    addError(errors, path, 'NOT_POSITIVE');
  }
}

function checkCount(errors: Errors, path: string, value: number, min: number): void {
  if (!Number.isInteger(value)) addError(errors, path, 'NOT_INTEGER');
  else if (value < min) addError(errors, path, 'TOO_SMALL', { min });
}

function checkWindow(errors: Errors, c: CallParameters): void {
  const valid = (path: 'opensAt' | 'closesAt'): boolean => {
    const value = c[path];
    if (value === null || value === undefined || value === '') {
      addError(errors, path, 'REQUIRED');
      return false;
    }
    if (!isIsoInstant(value)) {
      addError(errors, path, 'INVALID_INSTANT');
      return false;
    }
    return true;
  };
  const opens = valid('opensAt');
  const closes = valid('closesAt');
  if (opens && closes && Date.parse(c.opensAt as string) >= Date.parse(c.closesAt as string)) {
    addError(errors, 'closesAt', 'MUST_BE_AFTER', { min: c.opensAt as string });
  }
}

function checkMoney(errors: Errors, c: CallParameters): void {
  const budget = positiveAmount(errors, 'budget', c.budget);
  const cap = positiveAmount(errors, 'maxAmountPerApplication', c.maxAmountPerApplication);
  if (budget !== null && cap !== null && cap > budget) {
    addError(errors, 'maxAmountPerApplication', 'EXCEEDS_BUDGET', { max: formatMoney(budget) });
  }
  checkPercent(errors, 'maxCofinancingPercent', c.maxCofinancingPercent, false);
  checkPercent(errors, 'advancePercent', c.advancePercent, true);
  checkPercent(errors, 'budgetDeviationPercent', c.budgetDeviationPercent, true);
  checkPercent(errors, 'minPartialAwardPercent', c.minPartialAwardPercent, true);
}

/** Records every path whose code repeats an earlier one. */
function checkUniqueCodes(errors: Errors, items: ReadonlyArray<{ path: string; code: string }>): void {
  const seen = new Set<string>();
  for (const { path, code } of items) {
    if (isBlank(code)) {
      addError(errors, path, 'REQUIRED');
    } else if (seen.has(code)) {
      addError(errors, path, 'NOT_UNIQUE');
    } else {
      seen.add(code);
    }
  }
}

function checkRubric(errors: Errors, rubric: Rubric | null | undefined): void {
  const blocks = rubric?.blocks ?? [];
  if (blocks.length === 0) {
    addError(errors, 'rubric.blocks', 'TOO_FEW', { min: 1 });
    return;
  }
  checkUniqueCodes(
    errors,
    blocks.map((b, i) => ({ path: `rubric.blocks[${i}].code`, code: b.code })),
  );
  checkUniqueCodes(
    errors,
    blocks.flatMap((b, i) =>
      (b.criteria ?? []).map((c, j) => ({ path: `rubric.blocks[${i}].criteria[${j}].code`, code: c.code })),
    ),
  );
  const tieBreaks = new Set<number>();
  blocks.forEach((block, i) => {
    const path = `rubric.blocks[${i}]`;
    checkLocalisedText(errors, `${path}.name`, block.name);
    const criteria = block.criteria ?? [];
    if (criteria.length === 0) addError(errors, `${path}.criteria`, 'TOO_FEW', { min: 1 });
    criteria.forEach((criterion, j) => {
      const criterionPath = `${path}.criteria[${j}]`;
      checkLocalisedText(errors, `${criterionPath}.name`, criterion.name);
      if (!isPoints(criterion.maxPoints) || criterion.maxPoints <= 0) {
        addError(errors, `${criterionPath}.maxPoints`, 'INVALID_POINTS', { min: 0.01 });
      }
    });
    const minPoints = block.minPoints;
    if (minPoints !== null && minPoints !== undefined) {
      if (!isPoints(minPoints) || minPoints < 0) {
        addError(errors, `${path}.minPoints`, 'INVALID_POINTS', { min: 0 });
      } else if (minPoints > blockTotal(block)) {
        addError(errors, `${path}.minPoints`, 'EXCEEDS_BLOCK_TOTAL', { max: blockTotal(block) });
      }
    }
    const order = block.tieBreakOrder;
    if (order !== null && order !== undefined) {
      if (!Number.isInteger(order) || order < 1) {
        addError(errors, `${path}.tieBreakOrder`, 'TOO_SMALL', { min: 1 });
      } else if (tieBreaks.has(order)) {
        addError(errors, `${path}.tieBreakOrder`, 'NOT_UNIQUE');
      } else {
        tieBreaks.add(order);
      }
    }
  });
}

function checkScores(errors: Errors, c: CallParameters): void {
  if (!isPoints(c.minimumTotalScore) || c.minimumTotalScore < 0) {
    addError(errors, 'minimumTotalScore', 'INVALID_POINTS', { min: 0 });
  } else if ((c.rubric?.blocks ?? []).length > 0 && c.minimumTotalScore > rubricTotal(c.rubric)) {
    addError(errors, 'minimumTotalScore', 'EXCEEDS_RUBRIC_TOTAL', { max: rubricTotal(c.rubric) });
  }
  if (!isPoints(c.divergenceThreshold) || c.divergenceThreshold < 0) {
    addError(errors, 'divergenceThreshold', 'INVALID_POINTS', { min: 0 });
  }
  if (!Number.isInteger(c.evaluatorsPerApplication)) {
    addError(errors, 'evaluatorsPerApplication', 'NOT_INTEGER');
  } else if (c.evaluatorsPerApplication < 1) {
    addError(errors, 'evaluatorsPerApplication', 'TOO_SMALL', { min: 1 });
  }
}

function checkAllocation(errors: Errors, c: CallParameters): void {
  if (!(ALLOCATION_METHODS as readonly string[]).includes(c.allocationMethod)) {
    addError(errors, 'allocationMethod', 'ONE_OF', { values: ALLOCATION_METHODS.join(', ') });
    return;
  }
  if (c.allocationMethod !== 'score_bands') return;
  Object.assign(errors, scoreBandIssues(c.scoreBands));
}

/**
 * What is wrong with a list of score bands, keyed by api field path (`scoreBands`, `scoreBands[1].minScore`): at
 * least one band; each minimum a score of 0 or more, two decimals at most, no two alike; each percentage above 0 and
 * at most 100. Their order does not matter (an application takes the band with the greatest minimum ≤ its total).
 * The call's completeness, the allocation simulator and its screen all check bands with this.
 */
export function scoreBandIssues(bands: readonly ScoreBand[] | null | undefined): FieldIssues {
  const errors: Errors = {};
  const list = bands ?? [];
  if (list.length === 0) {
    addError(errors, 'scoreBands', 'REQUIRED');
    return errors;
  }
  const minScores = new Set<number>();
  list.forEach((band, i) => {
    if (!isPoints(band.minScore) || band.minScore < 0) {
      addError(errors, `scoreBands[${i}].minScore`, 'INVALID_POINTS', { min: 0 });
    } else if (minScores.has(band.minScore)) {
      addError(errors, `scoreBands[${i}].minScore`, 'NOT_UNIQUE');
    } else {
      minScores.add(band.minScore);
    }
    checkPercent(errors, `scoreBands[${i}].percent`, band.percent, false);
  });
  return errors;
}

function checkRequiredDocuments(
  errors: Errors,
  documents: readonly RequiredDocument[] | null | undefined,
): void {
  const list = documents ?? [];
  checkUniqueCodes(
    errors,
    list.map((d, i) => ({ path: `requiredDocuments[${i}].code`, code: d.code })),
  );
  list.forEach((d, i) => checkLocalisedText(errors, `requiredDocuments[${i}].name`, d.name));
}

/**
 * Everything that stops a call from being published, keyed by api field path (`title.es`, `closesAt`,
 * `rubric.blocks[0].criteria[2].maxPoints`), each with the coded rules it breaks. An empty object means complete.
 */
export function callCompletenessErrors(c: CallParameters): FieldIssues {
  const errors: Errors = {};
  checkLocalisedText(errors, 'title', c.title);
  checkLocalisedText(errors, 'description', c.description);
  const modalities = c.modalities ?? [];
  if (modalities.length === 0) {
    addError(errors, 'modalities', 'REQUIRED');
  } else if (!modalities.every((m) => (MODALITIES as readonly string[]).includes(m))) {
    addError(errors, 'modalities', 'ONE_OF', { values: MODALITIES.join(', ') });
  } else if (new Set(modalities).size !== modalities.length) {
    addError(errors, 'modalities', 'NOT_UNIQUE');
  }
  checkMoney(errors, c);
  checkWindow(errors, c);
  checkCount(errors, 'maxExecutionMonths', c.maxExecutionMonths, 1);
  checkCount(errors, 'justificationMonths', c.justificationMonths, 1);
  checkCount(errors, 'correctionDays', c.correctionDays, 1);
  checkCount(errors, 'allegationDays', c.allegationDays, 1);
  checkRubric(errors, c.rubric);
  checkScores(errors, c);
  checkAllocation(errors, c);
  checkRequiredDocuments(errors, c.requiredDocuments);
  return errors;
}
