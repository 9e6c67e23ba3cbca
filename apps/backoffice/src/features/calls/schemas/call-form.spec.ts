import { describe, expect, it } from 'vitest';
import { callCompletenessErrors, defaultCallTemplate, rubricTotal } from '@cofinanca/domain';
import {
  callFormReducer,
  callToForm,
  describePath,
  fieldId,
  groupBySection,
  moveItem,
  nextBlockCode,
  nextCriterionCode,
  toCallParameters,
  toCallRequest,
  type CallForm,
  type CallFormAction,
} from './call-form';

function templateForm(): CallForm {
  return callToForm({ ...defaultCallTemplate(), code: 'COOP-2026', year: 2026 });
}

function completeForm(): CallForm {
  let form = templateForm();
  const steps: CallFormAction[] = [
    { type: 'set', field: 'budget', value: '150000' },
    { type: 'set', field: 'maxAmountPerApplication', value: '20000,50' },
    { type: 'setWindow', field: 'opensAt', part: 'date', value: '2026-03-02' },
    { type: 'setWindow', field: 'opensAt', part: 'time', value: '09:00' },
    { type: 'setWindow', field: 'closesAt', part: 'date', value: '2026-03-31' },
  ];
  for (const step of steps) form = callFormReducer(form, step);
  return form;
}

const codes = (form: CallForm) => form.rubric.blocks.map((b) => b.code);

describe('callToForm / toCallParameters', () => {
  it('round-trips the template (the default rubric of 100 points)', () => {
    const form = templateForm();
    const params = toCallParameters(form);
    expect(rubricTotal(params.rubric)).toBe(100);
    expect(params.rubric).toEqual(defaultCallTemplate().rubric);
    expect(params.requiredDocuments).toEqual(defaultCallTemplate().requiredDocuments);
    expect(params.maxCofinancingPercent).toBe('80.00');
    expect(params.scoreBands).toBeNull();
  });

  it('reports what the template lacks before publishing: budget, cap and window', () => {
    expect(Object.keys(callCompletenessErrors(toCallParameters(templateForm()))).sort()).toEqual([
      'budget',
      'closesAt',
      'maxAmountPerApplication',
      'opensAt',
    ]);
  });

  it('is complete once the money and window are filled (decimal comma and Lleida time accepted)', () => {
    const form = completeForm();
    expect(callCompletenessErrors(toCallParameters(form))).toEqual({});
    const body = toCallRequest(form);
    expect(body).toMatchObject({
      code: 'COOP-2026',
      year: 2026,
      budget: '150000',
      maxAmountPerApplication: '20000.50',
      opensAt: '2026-03-02T09:00:00+01:00',
      closesAt: '2026-03-31T23:59:59+02:00',
      minimumTotalScore: 50,
      divergenceThreshold: 20,
    });
  });

  it('keeps typing mistakes visible to the checklist', () => {
    let form = completeForm();
    form = callFormReducer(form, { type: 'setWindow', field: 'closesAt', part: 'date', value: '2026-02-30' });
    form = callFormReducer(form, {
      type: 'updateCriterion',
      block: 0,
      index: 0,
      patch: { maxPoints: 'cinc' },
    });
    form = callFormReducer(form, { type: 'set', field: 'correctionDays', value: '' });
    const errors = callCompletenessErrors(toCallParameters(form));
    expect(Object.keys(errors).sort()).toEqual([
      'closesAt',
      'correctionDays',
      'rubric.blocks[0].criteria[0].maxPoints',
    ]);
  });

  it('sends score bands only with the score_bands method', () => {
    let form = completeForm();
    form = callFormReducer(form, { type: 'setAllocation', value: 'score_bands' });
    expect(toCallParameters(form).scoreBands).toEqual([
      { minScore: 80, percent: '100.00' },
      { minScore: 65, percent: '85.00' },
      { minScore: 50, percent: '70.00' },
    ]);
    form = callFormReducer(form, { type: 'setAllocation', value: 'rank_order' });
    expect(toCallParameters(form).scoreBands).toBeNull();
    expect(form.scoreBands).toHaveLength(3); // kept in the editor if the officer switches back
  });
});

describe('the rubric builder reducer', () => {
  it('adds a block with the next free letter and a first criterion', () => {
    const form = callFormReducer(templateForm(), { type: 'addBlock' });
    expect(codes(form)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    const added = form.rubric.blocks[7];
    expect(added.criteria.map((c) => c.code)).toEqual(['H1']);
    expect(added.key).not.toBe(form.rubric.blocks[6].key);
  });

  it('moves blocks up and down with their criteria, and not past either end', () => {
    let form = templateForm();
    form = callFormReducer(form, { type: 'moveBlock', index: 3, direction: -1 });
    expect(codes(form)).toEqual(['A', 'B', 'D', 'C', 'E', 'F', 'G']);
    expect(form.rubric.blocks[2].criteria.map((c) => c.code)).toEqual(['D1', 'D2', 'D3', 'D4']);
    form = callFormReducer(form, { type: 'moveBlock', index: 0, direction: -1 });
    expect(codes(form)[0]).toBe('A');
    form = callFormReducer(form, { type: 'moveBlock', index: 6, direction: 1 });
    expect(codes(form)[6]).toBe('G');
  });

  it('removes a block and updates the total live', () => {
    const form = callFormReducer(templateForm(), { type: 'removeBlock', index: 6 });
    expect(codes(form)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(rubricTotal(toCallParameters(form).rubric)).toBe(90);
  });

  it('edits, adds, moves and removes criteria', () => {
    let form = templateForm();
    form = callFormReducer(form, { type: 'addCriterion', block: 4 });
    expect(form.rubric.blocks[4].criteria.map((c) => c.code)).toEqual(['E1', 'E2']);
    form = callFormReducer(form, {
      type: 'updateCriterion',
      block: 4,
      index: 1,
      patch: { maxPoints: '2,5', name: { ca: 'Nou', es: 'Nuevo', en: 'New' } },
    });
    expect(rubricTotal(toCallParameters(form).rubric)).toBe(102.5);
    form = callFormReducer(form, { type: 'moveCriterion', block: 4, index: 1, direction: -1 });
    expect(form.rubric.blocks[4].criteria.map((c) => c.code)).toEqual(['E2', 'E1']);
    form = callFormReducer(form, { type: 'removeCriterion', block: 4, index: 0 });
    expect(form.rubric.blocks[4].criteria.map((c) => c.code)).toEqual(['E1']);
    expect(rubricTotal(toCallParameters(form).rubric)).toBe(100);
  });

  it('reports an emptied block and a block minimum over its points', () => {
    let form = completeForm();
    form = callFormReducer(form, { type: 'removeCriterion', block: 6, index: 0 });
    form = callFormReducer(form, { type: 'updateBlock', index: 3, patch: { minPoints: '25' } });
    const errors = callCompletenessErrors(toCallParameters(form));
    expect(errors['rubric.blocks[6].criteria']).toEqual([{ code: 'TOO_FEW', params: { min: 1 } }]);
    expect(errors['rubric.blocks[3].minPoints']).toEqual([
      { code: 'EXCEEDS_BLOCK_TOTAL', params: { max: 20 } },
    ]);
  });

  it('edits the other lists: modalities, documents and bands', () => {
    let form = templateForm();
    form = callFormReducer(form, { type: 'toggleModality', modality: 'humanitarian', checked: true });
    form = callFormReducer(form, { type: 'toggleModality', modality: 'epts', checked: true });
    expect(form.modalities).toEqual(['development', 'epts', 'humanitarian']);
    form = callFormReducer(form, { type: 'toggleModality', modality: 'development', checked: false });
    expect(form.modalities).toEqual(['epts', 'humanitarian']);

    form = callFormReducer(form, { type: 'addDocument' });
    form = callFormReducer(form, {
      type: 'updateDocument',
      index: 4,
      patch: { code: 'map', required: false },
    });
    form = callFormReducer(form, { type: 'moveDocument', index: 4, direction: -1 });
    expect(form.requiredDocuments.map((d) => d.code)).toEqual([
      'project_document',
      'budget_detail',
      'entity_statutes',
      'map',
      'counterpart_agreement',
    ]);
    form = callFormReducer(form, { type: 'removeDocument', index: 0 });
    expect(form.requiredDocuments).toHaveLength(4);

    form = callFormReducer(form, { type: 'addBand' });
    form = callFormReducer(form, { type: 'updateBand', index: 0, patch: { minScore: '90', percent: '100' } });
    expect(form.scoreBands.map((b) => [b.minScore, b.percent])).toEqual([['90', '100']]);
    form = callFormReducer(form, { type: 'removeBand', index: 0 });
    expect(form.scoreBands).toEqual([]);
  });
});

describe('helpers', () => {
  it('moveItem swaps neighbours and ignores moves past the ends', () => {
    expect(moveItem([1, 2, 3], 1, 1)).toEqual([1, 3, 2]);
    expect(moveItem([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moveItem([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });

  it('suggests the next free codes', () => {
    expect(nextBlockCode([])).toBe('A');
    expect(nextBlockCode([{ code: 'A' }, { code: 'c' }])).toBe('B');
    const form = templateForm();
    expect(nextCriterionCode(form.rubric.blocks[0], form.rubric.blocks)).toBe('A5');
  });

  it('names inputs after API paths', () => {
    expect(fieldId('rubric.blocks[0].criteria[2].maxPoints')).toBe(
      'call-rubric-blocks-0-criteria-2-maxPoints',
    );
    expect(fieldId('title.es')).toBe('call-title-es');
    expect(fieldId('rubric.blocks')).toBe('call-rubric-blocks');
  });

  it('describes API paths for the checklist', () => {
    expect(describePath('rubric.blocks[1].criteria[0].name.en')).toEqual({
      section: 'rubric',
      field: 'name',
      language: 'en',
      block: 1,
      criterion: 0,
    });
    expect(describePath('requiredDocuments[3].code')).toEqual({
      section: 'documents',
      field: 'code',
      document: 3,
    });
    expect(describePath('scoreBands[0].percent')).toEqual({
      section: 'evaluation',
      field: 'percent',
      band: 0,
    });
    expect(describePath('closesAt')).toEqual({ section: 'dates', field: 'closesAt' });
    expect(describePath('title.ca')).toEqual({ section: 'general', field: 'title', language: 'ca' });
  });

  it('groups errors by section in the editor order', () => {
    const groups = groupBySection({
      'rubric.blocks': [{ code: 'TOO_FEW', params: { min: 1 } }],
      budget: [{ code: 'REQUIRED' }],
      'title.es': [{ code: 'REQUIRED' }],
    });
    expect([...groups.keys()]).toEqual(['general', 'money', 'rubric']);
  });
});
