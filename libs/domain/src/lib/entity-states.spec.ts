import {
  canValidateIban,
  ENTITY_ACTIONS,
  ENTITY_STATUSES,
  entityActionsFrom,
  entityTransition,
  ibanChange,
  ibanChangeNeedsCertificate,
  isEditableByMembers,
  type EntityAction,
  type EntityStatus,
} from './entity-states';

const IBAN = 'ES9121000418450200051332';
const OTHER_IBAN = 'ES7921000813610123456789';

describe(entityTransition.name, () => {
  const allowed: [EntityStatus, EntityAction, EntityStatus][] = [
    ['pending_validation', 'validate', 'active'],
    ['pending_validation', 'reject', 'rejected'],
    ['active', 'suspend', 'suspended'],
    ['suspended', 'reactivate', 'active'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(entityTransition(from, action)).toEqual({ ok: true, to });
  });

  const refused = ENTITY_STATUSES.flatMap((from) =>
    ENTITY_ACTIONS.filter((action) => !allowed.some(([f, a]) => f === from && a === action)).map(
      (action) => [from, action] as const,
    ),
  );

  it('refuses every other combination (12 of 16)', () => expect(refused).toHaveLength(12));

  it.each(refused)('refuses %s --%s--> and names the states it is allowed from', (from, action) => {
    const result = entityTransition(from, action);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.allowedFrom).not.toContain(from);
      expect(result.allowedFrom.length).toBeGreaterThan(0);
    }
  });

  it('never leaves a rejected entity', () => {
    for (const action of ENTITY_ACTIONS) expect(entityTransition('rejected', action).ok).toBe(false);
  });
});

describe(entityActionsFrom.name, () => {
  it.each([
    ['pending_validation', ['validate', 'reject']],
    ['active', ['suspend']],
    ['suspended', ['reactivate']],
    ['rejected', []],
  ] as const)('%s → %p', (status, actions) => expect(entityActionsFrom(status)).toEqual(actions));
});

describe(isEditableByMembers.name, () => {
  it.each([
    ['pending_validation', true],
    ['active', true],
    ['suspended', false],
    ['rejected', false],
  ] as const)('%s → %s', (status, editable) => expect(isEditableByMembers(status)).toBe(editable));
});

describe(ibanChangeNeedsCertificate.name, () => {
  it.each([
    ['pending_validation', false],
    ['active', true],
    ['suspended', true],
    ['rejected', false],
  ] as const)('%s → %s', (status, needed) => expect(ibanChangeNeedsCertificate(status)).toBe(needed));
});

describe(ibanChange.name, () => {
  it('a new IBAN of an active entity waits for re-validation with a certificate', () => {
    expect(ibanChange('active', IBAN, OTHER_IBAN)).toEqual({
      ibanStatus: 'pending',
      certificateRequired: true,
    });
  });

  it('a new IBAN of a suspended entity too', () => {
    expect(ibanChange('suspended', IBAN, OTHER_IBAN)).toEqual({
      ibanStatus: 'pending',
      certificateRequired: true,
    });
  });

  it('going back to the validated IBAN needs nothing and is validated again', () => {
    expect(ibanChange('active', IBAN, IBAN)).toEqual({ ibanStatus: 'validated', certificateRequired: false });
  });

  it('before validation the IBAN is simply pending, without a certificate', () => {
    expect(ibanChange('pending_validation', null, OTHER_IBAN)).toEqual({
      ibanStatus: 'pending',
      certificateRequired: false,
    });
    expect(ibanChange('rejected', null, OTHER_IBAN)).toEqual({
      ibanStatus: 'pending',
      certificateRequired: false,
    });
  });

  it('an active entity without a validated IBAN (never expected) still needs the certificate', () => {
    expect(ibanChange('active', null, OTHER_IBAN)).toEqual({
      ibanStatus: 'pending',
      certificateRequired: true,
    });
  });
});

describe(canValidateIban.name, () => {
  it.each([
    ['active', 'pending', true],
    ['active', 'validated', false],
    ['pending_validation', 'pending', false],
    ['suspended', 'pending', false],
    ['rejected', 'pending', false],
  ] as const)('%s with the IBAN %s → %s', (status, iban, allowed) =>
    expect(canValidateIban(status, iban)).toBe(allowed),
  );
});
