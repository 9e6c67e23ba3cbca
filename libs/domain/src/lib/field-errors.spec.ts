import {
  addFieldIssue,
  FIELD_ERROR_CODES,
  fieldIssue,
  isFieldErrorCode,
  type FieldIssues,
} from './field-errors';

describe('FIELD_ERROR_CODES', () => {
  it('holds stable UPPER_SNAKE codes, each once', () => {
    for (const code of FIELD_ERROR_CODES) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    expect(new Set(FIELD_ERROR_CODES).size).toBe(FIELD_ERROR_CODES.length);
  });

  it.each([
    ['REQUIRED', true],
    ['MAX_DECIMALS', true],
    ['is required', false],
    ['required', false],
    [42, false],
  ])('isFieldErrorCode(%p) is %p', (value, expected) => expect(isFieldErrorCode(value)).toBe(expected));
});

describe(fieldIssue.name, () => {
  it('leaves out empty params', () => {
    expect(fieldIssue('REQUIRED')).toEqual({ code: 'REQUIRED' });
    expect(fieldIssue('REQUIRED', {})).toEqual({ code: 'REQUIRED' });
  });
  it('keeps the params a message needs', () =>
    expect(fieldIssue('TOO_LONG', { max: 200 })).toEqual({ code: 'TOO_LONG', params: { max: 200 } }));
});

describe(addFieldIssue.name, () => {
  it('appends to the path, in order', () => {
    const issues: FieldIssues = {};
    addFieldIssue(issues, 'budgetLines[1].amount', 'MAX_DECIMALS', { max: 2 });
    addFieldIssue(issues, 'budgetLines[1].amount', 'TOO_LARGE', { max: 1 });
    expect(issues).toEqual({
      'budgetLines[1].amount': [
        { code: 'MAX_DECIMALS', params: { max: 2 } },
        { code: 'TOO_LARGE', params: { max: 1 } },
      ],
    });
  });
});
