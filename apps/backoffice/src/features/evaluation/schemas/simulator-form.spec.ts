import { describe, expect, it } from 'vitest';
import {
  bandsForInput,
  blankBand,
  simulatedMethod,
  toSimulateRequest,
  type SimulatorDraft,
} from './simulator-form';

const blank: SimulatorDraft = {
  budget: '',
  allocationMethod: '',
  minPartialAwardPercent: '',
  minimumTotalScore: '',
  scoreBands: [],
};

const band = (minScore: string, percent: string) => ({ ...blankBand(), minScore, percent });

describe(toSimulateRequest.name, () => {
  it('sends nothing but what was typed (the rest stays the call’s)', () => {
    expect(toSimulateRequest(blank, 'rank_order')).toEqual({
      body: {},
      invalid: [],
      bandIssues: {},
      bands: [],
    });
  });

  it('reads amounts, percentages and points as a person of the language types them', () => {
    const bands = [band('50', '70'), band('80', '100')];
    expect(
      toSimulateRequest(
        {
          budget: '50.000,00',
          allocationMethod: 'score_bands',
          minPartialAwardPercent: '37,5',
          minimumTotalScore: '55,25',
          scoreBands: bands,
        },
        'rank_order',
      ).body,
    ).toEqual({
      budget: '50000.00',
      allocationMethod: 'score_bands',
      minPartialAwardPercent: '37.50',
      minimumTotalScore: 55.25,
      scoreBands: [
        { minScore: 50, percent: '70.00' },
        { minScore: 80, percent: '100.00' },
      ],
    });
  });

  it('names each value that is not valid and sends none of them', () => {
    const { body, invalid } = toSimulateRequest(
      { ...blank, budget: 'molts', minPartialAwardPercent: '120', minimumTotalScore: '1,234' },
      'rank_order',
    );
    expect(invalid).toEqual(['budget', 'minPartialAwardPercent', 'minimumTotalScore']);
    expect(body).toEqual({});
  });

  it('sends the bands lowest minimum first, and the rows in that order, so the API’s errors name the rows shown', () => {
    const rows = [band('80', '100'), band('65,5', '85,5'), band('50', '70')];
    const form = toSimulateRequest({ ...blank, scoreBands: rows }, 'score_bands');
    expect(form.body).toEqual({
      scoreBands: [
        { minScore: 50, percent: '70.00' },
        { minScore: 65.5, percent: '85.50' },
        { minScore: 80, percent: '100.00' },
      ],
    });
    expect(form.bands.map((r) => r.key)).toEqual([rows[2].key, rows[1].key, rows[0].key]);
    expect(form.bandIssues).toEqual({});
  });

  it('checks the bands by the domain’s rules, naming each row, and sends none of them', () => {
    const rows = [band('60', '80'), band('60,00', '0'), band('', '101'), band('-5', '50'), band('70', '')];
    const form = toSimulateRequest(
      { ...blank, allocationMethod: 'score_bands', scoreBands: rows },
      'rank_order',
    );
    expect(form.bandIssues).toEqual({
      'scoreBands[1].minScore': [{ code: 'NOT_UNIQUE' }],
      'scoreBands[1].percent': [{ code: 'NOT_POSITIVE' }],
      'scoreBands[2].minScore': [{ code: 'INVALID_POINTS', params: { min: 0 } }],
      'scoreBands[2].percent': [{ code: 'INVALID_PERCENT' }],
      'scoreBands[3].minScore': [{ code: 'INVALID_POINTS', params: { min: 0 } }],
      'scoreBands[4].percent': [{ code: 'INVALID_PERCENT' }],
    });
    expect(form.body.scoreBands).toBeUndefined();
    expect(form.bands).toBe(rows);
  });

  it('asks for at least one band with score_bands, and ignores the bands with rank_order', () => {
    expect(toSimulateRequest({ ...blank, allocationMethod: 'score_bands' }, 'rank_order').bandIssues).toEqual(
      {
        scoreBands: [{ code: 'REQUIRED' }],
      },
    );
    const ignored = toSimulateRequest(
      { ...blank, allocationMethod: 'rank_order', scoreBands: [band('x', 'y')] },
      'score_bands',
    );
    expect(ignored).toMatchObject({ body: { allocationMethod: 'rank_order' }, bandIssues: {} });
  });
});

describe(simulatedMethod.name, () => {
  it('is the one chosen, else the call’s', () => {
    expect(simulatedMethod({ allocationMethod: '' }, 'score_bands')).toBe('score_bands');
    expect(simulatedMethod({ allocationMethod: 'rank_order' }, 'score_bands')).toBe('rank_order');
  });
});

describe(bandsForInput.name, () => {
  it('shows the call’s bands lowest first, with the language’s decimal separator, each its own row', () => {
    const rows = bandsForInput(
      [
        { minScore: 80, percent: '100.00' },
        { minScore: 65.5, percent: '85.50' },
      ],
      ',',
    );
    expect(rows.map(({ minScore, percent }) => ({ minScore, percent }))).toEqual([
      { minScore: '65,5', percent: '85,50' },
      { minScore: '80', percent: '100,00' },
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
    expect(bandsForInput(null, '.')).toEqual([]);
  });
});
