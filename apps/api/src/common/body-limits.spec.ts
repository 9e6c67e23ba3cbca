import { bodyLimitErrors, type BodyLimits } from './body-limits';

describe(bodyLimitErrors.name, () => {
  const limits: BodyLimits = { maxItems: 3, maxProperties: 2, maxDepth: 3, maxNodes: 10 };
  const check = (value: unknown) => bodyLimitErrors(value, limits);

  it('passes what stays within every limit, and anything that is not an object or array', () => {
    expect(check({ a: [1, 2, 3], b: { c: [] } })).toBeNull();
    expect(check('text')).toBeNull();
    expect(check(null)).toBeNull();
    expect(check([])).toBeNull();
  });

  it('names an array longer than maxItems', () => {
    expect(check({ a: { b: [1, 2, 3, 4] } })).toEqual({ 'a.b': [{ code: 'TOO_MANY', params: { max: 3 } }] });
    expect(check({ a: [[1, 2, 3, 4]] })).toEqual({ 'a[0]': [{ code: 'TOO_MANY', params: { max: 3 } }] });
    expect(check([1, 2, 3, 4])).toEqual({ '[3]': [{ code: 'TOO_MANY', params: { max: 3 } }] });
  });

  it('names the first property past maxProperties', () => {
    expect(check({ a: { x: 1, y: 2, z: 3 } })).toEqual({ 'a.z': [{ code: 'TOO_MANY', params: { max: 2 } }] });
  });

  it('names the first object or array nested deeper than maxDepth (the body is depth 1)', () => {
    expect(check({ a: { b: { c: 1 } } })).toBeNull();
    expect(check({ a: { b: { c: {} } } })).toEqual({ 'a.b.c': [{ code: 'TOO_DEEP', params: { max: 3 } }] });
    expect(check({ a: [[[]]] })).toEqual({ 'a[0][0]': [{ code: 'TOO_DEEP', params: { max: 3 } }] });
  });

  it('names the value past maxNodes (values in all, the body included)', () => {
    // 1 body + 2 properties + 3 + 2 + 2 items = 10 values: within; one more is not.
    expect(check({ a: [1, 2, 3], b: [[1], [2]] })).toBeNull();
    const errors = check({ a: [1, 2, 3], b: [[1], [2, 3]] }) ?? {};
    expect(Object.keys(errors)).toEqual([expect.stringMatching(/^(a|b)\[\d\](\[\d\])?$/)]);
    expect(Object.values(errors)).toEqual([[{ code: 'TOO_MANY', params: { max: 10 } }]]);
  });
});
