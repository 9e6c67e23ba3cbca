import { todayInMadrid } from '../../../lib/madrid-time';
import { describe, expect, it } from 'vitest';
import {
  canDeclareWithdrawn,
  PENDING_FILTER,
  queueStatusParam,
  reasonSchema,
  requirementSchema,
  toRequirementRequest,
} from './admissibility-schemas';

describe('reasonSchema', () => {
  it('trims and requires a reason of at most 2000 characters', () => {
    expect(reasonSchema.parse({ reason: '  NIF no coincident  ' })).toEqual({ reason: 'NIF no coincident' });
    expect(reasonSchema.safeParse({ reason: '   ' }).error?.issues[0].message).toBe('validation.required');
    expect(reasonSchema.safeParse({ reason: 'x'.repeat(2001) }).error?.issues[0].message).toBe(
      'validation.tooLong',
    );
  });
});

describe('requirementSchema', () => {
  const schema = requirementSchema('2026-05-18');

  it('needs at least one item with a description', () => {
    const result = schema.safeParse({ items: [], notifiedOn: '' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['items'], message: 'office.validation.itemsMin' });
    const blank = schema.safeParse({ items: [{ description: ' ' }], notifiedOn: '' });
    expect(blank.error?.issues[0]).toMatchObject({
      path: ['items', 0, 'description'],
      message: 'validation.required',
    });
  });

  it('accepts a past or present notification date, not a future one', () => {
    const ok = schema.parse({
      items: [{ description: ' Falta el pressupost signat ' }],
      notifiedOn: '2026-05-18',
    });
    expect(toRequirementRequest(ok)).toEqual({
      items: [{ description: 'Falta el pressupost signat' }],
      notifiedOn: '2026-05-18',
    });
    const future = schema.safeParse({ items: [{ description: 'x' }], notifiedOn: '2026-05-19' });
    expect(future.error?.issues[0].message).toBe('office.validation.notFuture');
    const bad = schema.safeParse({ items: [{ description: 'x' }], notifiedOn: '2026-02-30' });
    expect(bad.error?.issues[0].message).toBe('validation.date');
  });

  it('leaves the notification date out when empty (the API takes today)', () => {
    expect(toRequirementRequest(schema.parse({ items: [{ description: 'x' }], notifiedOn: '' }))).toEqual({
      items: [{ description: 'x' }],
    });
  });
});

describe('canDeclareWithdrawn', () => {
  const open = { dueDate: '2026-06-01', status: 'open' };

  it('only after the due date of an unanswered request', () => {
    expect(canDeclareWithdrawn('correction_requested', open, '2026-06-01')).toBe(false);
    expect(canDeclareWithdrawn('correction_requested', open, '2026-06-02')).toBe(true);
    expect(canDeclareWithdrawn('submitted', open, '2026-06-02')).toBe(false);
    expect(canDeclareWithdrawn('correction_requested', { ...open, status: 'answered' }, '2026-06-02')).toBe(
      false,
    );
    expect(canDeclareWithdrawn('correction_requested', null, '2026-06-02')).toBe(false);
  });
});

describe('todayInMadrid', () => {
  it('is the date in Lleida, not in UTC', () => {
    expect(todayInMadrid(new Date('2026-05-18T22:30:00Z'))).toBe('2026-05-19');
    expect(todayInMadrid(new Date('2026-01-01T10:00:00Z'))).toBe('2026-01-01');
  });
});

describe('queueStatusParam', () => {
  it('sends one status, both pending ones, or none', () => {
    expect(queueStatusParam('submitted')).toBe('submitted');
    expect(queueStatusParam(PENDING_FILTER)).toBe('submitted,correction_requested');
    expect(queueStatusParam('')).toBeUndefined();
  });
});
