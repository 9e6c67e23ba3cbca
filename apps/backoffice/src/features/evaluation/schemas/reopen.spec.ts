import { describe, expect, it } from 'vitest';
import { reopenableSheets } from './reopen';

const sheets = [
  { id: 'a', status: 'submitted' as const },
  { id: 'b', status: 'in_progress' as const },
  { id: 'c', status: 'submitted' as const },
];

describe(reopenableSheets.name, () => {
  it('offers the submitted sheets while the call is being evaluated', () => {
    expect(reopenableSheets('evaluating', sheets).map((s) => s.id)).toEqual(['a', 'c']);
  });

  it.each(['provisionally_resolved', 'resolved', 'archived', 'closed'])(
    'offers none once the call is %s',
    (status) => {
      expect(reopenableSheets(status, sheets)).toEqual([]);
    },
  );

  it('offers none while the call is still loading', () => {
    expect(reopenableSheets(undefined, sheets)).toEqual([]);
  });
});
