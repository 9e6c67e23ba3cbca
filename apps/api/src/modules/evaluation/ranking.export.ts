import { type Column, type Columns, type Words } from '../../common/export';
import type { RankingItemResponse } from './scoring.dto';

/** The words of a ranking row's outcome. */
export const OUTCOME_LABELS: Readonly<Record<string, Words>> = {
  provisionally_granted: {
    ca: 'Proposta de concessió',
    es: 'Propuesta de concesión',
    en: 'Provisionally granted',
  },
  waitlisted: { ca: 'Llista de reserva', es: 'Lista de reserva', en: 'Waiting list' },
  below_threshold: { ca: 'Sota el llindar', es: 'Bajo el umbral', en: 'Below threshold' },
  pending: { ca: 'Pendent', es: 'Pendiente', en: 'Pending' },
};

/** The columns of the ranking export (CSV and XLSX): one column per block of the call's rubric. */
export function rankingColumns(blockCodes: readonly string[]): Columns<RankingItemResponse> {
  const blocks: Column<RankingItemResponse>[] = blockCodes.map((code) => ({
    key: `block_${code}`,
    header: { ca: `Bloc ${code}`, es: `Bloque ${code}`, en: `Block ${code}` },
    type: 'number',
    value: (r) => r.blocks.find((b) => b.code === code)?.points ?? null,
    width: 10,
  }));
  return [
    {
      key: 'rank',
      header: { ca: 'Posició', es: 'Posición', en: 'Rank' },
      type: 'number',
      value: (r) => r.rank,
      width: 8,
    },
    {
      key: 'registryNumber',
      header: { ca: 'Número de registre', es: 'Número de registro', en: 'Registry number' },
      type: 'text',
      value: (r) => r.registryNumber,
      width: 18,
    },
    {
      key: 'entityName',
      header: { ca: 'Entitat', es: 'Entidad', en: 'Entity' },
      type: 'text',
      value: (r) => r.entityName,
      width: 32,
    },
    {
      key: 'title',
      header: { ca: 'Títol', es: 'Título', en: 'Title' },
      type: 'text',
      value: (r) => r.title,
      width: 40,
    },
    {
      key: 'total',
      header: { ca: 'Puntuació', es: 'Puntuación', en: 'Score' },
      type: 'number',
      value: (r) => r.total,
      width: 10,
    },
    ...blocks,
    {
      key: 'fundable',
      header: { ca: 'Supera el llindar', es: 'Supera el umbral', en: 'Fundable' },
      type: 'boolean',
      value: (r) => r.fundable,
    },
    {
      key: 'reasons',
      header: { ca: 'Motius', es: 'Motivos', en: 'Reasons' },
      type: 'text',
      value: (r) => r.reasons.join(', '),
      width: 24,
    },
    {
      key: 'eligibleAmount',
      header: { ca: 'Import elegible', es: 'Importe elegible', en: 'Eligible amount' },
      type: 'money',
      value: (r) => r.eligibleAmount,
    },
    {
      key: 'award',
      header: { ca: 'Import proposat', es: 'Importe propuesto', en: 'Award' },
      type: 'money',
      value: (r) => r.award,
    },
    {
      key: 'outcome',
      header: { ca: 'Resultat', es: 'Resultado', en: 'Outcome' },
      type: 'status',
      value: (r) => r.outcome,
      labels: OUTCOME_LABELS,
      width: 22,
    },
    {
      key: 'partial',
      header: { ca: 'Concessió parcial', es: 'Concesión parcial', en: 'Partial award' },
      type: 'boolean',
      value: (r) => r.partial,
    },
    {
      key: 'divergent',
      header: { ca: 'Divergent', es: 'Divergente', en: 'Divergent' },
      type: 'boolean',
      value: (r) => r.divergent,
    },
    {
      key: 'consensus',
      header: { ca: 'Consens', es: 'Consenso', en: 'Consensus' },
      type: 'boolean',
      value: (r) => r.consensus,
    },
  ];
}
