import { describe, expect, it } from 'vitest';
import { toSimulateRequest } from './AllocationSimulator';

const blank = {
  budget: '',
  allocationMethod: '' as const,
  minPartialAwardPercent: '',
  minimumTotalScore: '',
};

describe(toSimulateRequest.name, () => {
  it('sends nothing but what was typed (the rest stays the call’s)', () => {
    expect(toSimulateRequest(blank)).toEqual({ body: {}, invalid: [] });
  });

  it('reads amounts, percentages and points as a person of the language types them', () => {
    expect(
      toSimulateRequest({
        budget: '50.000,00',
        allocationMethod: 'score_bands',
        minPartialAwardPercent: '37,5',
        minimumTotalScore: '55,25',
      }),
    ).toEqual({
      body: {
        budget: '50000.00',
        allocationMethod: 'score_bands',
        minPartialAwardPercent: '37.50',
        minimumTotalScore: 55.25,
      },
      invalid: [],
    });
  });

  it('names each value that is not valid and sends none of them', () => {
    const { invalid } = toSimulateRequest({
      ...blank,
      budget: 'molts',
      minPartialAwardPercent: '120',
      minimumTotalScore: '1,234',
    });
    expect(invalid).toEqual(['budget', 'minPartialAwardPercent', 'minimumTotalScore']);
  });
});
