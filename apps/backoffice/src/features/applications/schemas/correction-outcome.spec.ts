import { describe, expect, it } from 'vitest';
import { answerOutcome, openRequirement } from './correction-outcome';

const answered = { status: 'answered' as const, createdAt: '2026-11-02T09:00:00Z' };

describe('answerOutcome', () => {
  it.each([
    ['submitted', 'awaiting_review'],
    ['admitted', 'admitted'],
    ['under_evaluation', 'admitted'],
    ['granted', 'admitted'],
    ['inadmissible', 'inadmissible'],
    ['withdrawn', 'withdrawn'],
    ['correction_requested', 'new_request'],
  ] as const)('an answer of an application now %s: %s', (status, outcome) => {
    expect(answerOutcome(answered, [answered], status)).toBe(outcome);
  });

  it('a later request means the answer was not enough, whatever the status now', () => {
    const later = { status: 'answered' as const, createdAt: '2026-11-20T09:00:00Z' };
    expect(answerOutcome(answered, [answered, later], 'submitted')).toBe('new_request');
    expect(answerOutcome(later, [answered, later], 'submitted')).toBe('awaiting_review');
  });

  it('says nothing of a request that is not answered', () => {
    for (const status of ['open', 'expired', 'closed'] as const) {
      expect(answerOutcome({ ...answered, status }, [], 'submitted')).toBeNull();
    }
  });
});

describe('openRequirement', () => {
  it('is the newest open request, or null', () => {
    const a = { status: 'open' as const, createdAt: '2026-11-02T09:00:00Z' };
    const b = { status: 'answered' as const, createdAt: '2026-11-25T09:00:00Z' };
    expect(openRequirement([b, a])).toBe(a);
    expect(openRequirement([b])).toBeNull();
  });
});
