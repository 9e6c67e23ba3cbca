import { describe, expect, it } from 'vitest';
import { defaultCallTemplate } from '@cofinanca/domain';
import { callFormReducer, callToForm, type CallForm } from './call-form';
import {
  callFormProblems,
  extendSchema,
  fromTemplateSchema,
  issuePath,
  toExtendRequest,
  toFromTemplateRequest,
} from './call-schemas';

const form = (): CallForm => callToForm({ ...defaultCallTemplate(), code: 'COOP-2026', year: 2026 });

describe('callFormSchema', () => {
  it('accepts the template as a draft (no budget or window yet)', () => {
    expect(callFormProblems(form())).toEqual({});
  });

  it('refuses what the API would refuse, on the API paths', () => {
    let f = form();
    f = { ...f, code: ' bad code ', year: '1999', budget: '12.345', maxCofinancingPercent: '101' };
    f = callFormReducer(f, { type: 'setWindow', field: 'opensAt', part: 'date', value: '2026-04-01' });
    f = callFormReducer(f, { type: 'setWindow', field: 'closesAt', part: 'date', value: '2026-03-01' });
    f = callFormReducer(f, { type: 'set', field: 'correctionDays', value: '-1' });
    f = callFormReducer(f, { type: 'updateCriterion', block: 1, index: 2, patch: { maxPoints: '' } });
    f = callFormReducer(f, { type: 'updateBlock', index: 0, patch: { tieBreakOrder: '0' } });
    f = callFormReducer(f, { type: 'addDocument' });
    f = callFormReducer(f, { type: 'updateDocument', index: 1, patch: { code: 'attachment' } });
    const problems = callFormProblems(f);
    expect(problems).toEqual({
      code: { key: 'office.validation.callCode' },
      year: { key: 'office.validation.integerRange', values: { min: 2000, max: 2100 } },
      budget: { key: 'office.validation.money' },
      maxCofinancingPercent: { key: 'office.validation.percent' },
      closesAt: { key: 'office.check.closesAfterOpens' },
      correctionDays: { key: 'office.validation.integerRange', values: { min: 0, max: 365 } },
      'rubric.blocks[0].tieBreakOrder': {
        key: 'office.validation.integerRange',
        values: { min: 1, max: 100 },
      },
      'rubric.blocks[1].criteria[2].maxPoints': { key: 'office.validation.points', values: { max: 9999.99 } },
      'requiredDocuments[1].code': { key: 'office.validation.documentCodeReserved' },
      'requiredDocuments[4].code': { key: 'office.validation.documentCode' },
    });
  });

  it('accepts decimal commas and checks score bands only with that method', () => {
    let f = { ...form(), budget: '150000,5', advancePercent: '50,5', minimumTotalScore: '49,75' };
    f = callFormReducer(f, { type: 'addBand' });
    expect(callFormProblems(f)).toEqual({});
    f = callFormReducer(f, { type: 'setAllocation', value: 'score_bands' });
    expect(Object.keys(callFormProblems(f))).toEqual(['scoreBands[0].minScore', 'scoreBands[0].percent']);
  });

  it('refuses a time typed without a date', () => {
    const f = callFormReducer(form(), { type: 'setWindow', field: 'opensAt', part: 'time', value: '10:00' });
    expect(callFormProblems(f)).toEqual({ opensAt: { key: 'office.validation.dateTime' } });
  });
});

describe('issuePath', () => {
  it('writes paths as the API does', () => {
    expect(issuePath(['rubric', 'blocks', 0, 'criteria', 2, 'maxPoints'])).toBe(
      'rubric.blocks[0].criteria[2].maxPoints',
    );
    expect(issuePath(['title', 'es'])).toBe('title.es');
    expect(issuePath([])).toBe('');
  });
});

describe('fromTemplateSchema', () => {
  it('needs a code and a four-digit year', () => {
    const ok = fromTemplateSchema.parse({ code: ' COOP-2026 ', year: '2026' });
    expect(toFromTemplateRequest(ok)).toEqual({ code: 'COOP-2026', year: 2026 });
    const bad = fromTemplateSchema.safeParse({ code: '', year: '26' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['code', 'office.validation.callCode'],
      ['year', 'office.validation.year'],
    ]);
    expect(fromTemplateSchema.safeParse({ code: 'X', year: '2101' }).success).toBe(false);
  });
});

describe('extendSchema', () => {
  const current = '2026-03-31T23:59:59+02:00';

  it('needs a later closing instant and a reason', () => {
    const schema = extendSchema(current);
    const ok = schema.parse({ date: '2026-04-15', time: '', reason: ' Festius de Setmana Santa ' });
    expect(toExtendRequest(ok)).toEqual({
      closesAt: '2026-04-15T23:59:59+02:00',
      reason: 'Festius de Setmana Santa',
    });
    const same = schema.safeParse({ date: '2026-03-31', time: '23:59:59', reason: 'x' });
    expect(same.error?.issues[0]).toMatchObject({ path: ['date'], message: 'office.validation.extendLater' });
    const empty = schema.safeParse({ date: '', time: '', reason: '  ' });
    expect(empty.error?.issues.map((i) => i.message).sort()).toEqual([
      'office.validation.dateTime',
      'validation.required',
    ]);
  });
});
