/**
 * The life of an entity (NGO), product.md "Who uses it" and api.md "Entities":
 *
 *   pending_validation ──validate──▶ active ──suspend──▶ suspended
 *          │                           ▲                     │
 *          └──reject──▶ rejected       └─────reactivate──────┘
 *
 * and the rules of its bank account: payments only ever go to an IBAN an officer validated, so a new IBAN of an
 * entity that has been validated waits, backed by a bank-ownership certificate, for an officer's re-validation.
 */

export const ENTITY_STATES = ['pending_validation', 'active', 'suspended', 'rejected'] as const;
export type EntityState = (typeof ENTITY_STATES)[number];

export const ENTITY_ACTIONS = ['validate', 'reject', 'suspend', 'reactivate'] as const;
export type EntityAction = (typeof ENTITY_ACTIONS)[number];

export const IBAN_STATES = ['validated', 'pending'] as const;
export type IbanState = (typeof IBAN_STATES)[number];

const TRANSITIONS: Readonly<Record<EntityAction, { from: readonly EntityState[]; to: EntityState }>> = {
  validate: { from: ['pending_validation'], to: 'active' },
  reject: { from: ['pending_validation'], to: 'rejected' },
  suspend: { from: ['active'], to: 'suspended' },
  reactivate: { from: ['suspended'], to: 'active' },
};

/** The actions that must give a reason (stored with the entity and told to its users). */
export const ENTITY_ACTIONS_WITH_REASON: readonly EntityAction[] = ['reject', 'suspend'];

export type EntityTransition =
  { ok: true; to: EntityState } | { ok: false; allowedFrom: readonly EntityState[] };

/** The state an action leads to from `status`, or the states it is allowed from when it is not allowed now. */
export function entityTransition(status: EntityState, action: EntityAction): EntityTransition {
  const rule = TRANSITIONS[action];
  return rule.from.includes(status) ? { ok: true, to: rule.to } : { ok: false, allowedFrom: rule.from };
}

/** The status actions allowed on an entity in `status` (the back-office shows only these buttons). */
export function entityActionsFrom(status: EntityState): EntityAction[] {
  return ENTITY_ACTIONS.filter((action) => entityTransition(status, action).ok);
}

/**
 * Whether the entity's own users may change its profile, members and documents. A suspended or rejected entity's
 * users may still read them; officers may always correct them.
 */
export function isEditableByMembers(status: EntityState): boolean {
  return status === 'pending_validation' || status === 'active';
}

/**
 * Whether a new IBAN needs a bank-ownership certificate and an officer's re-validation: once an entity has been
 * validated (active, or suspended after that) its IBAN is one payments may go to. Before validation the IBAN is
 * simply replaced and validated together with the entity.
 */
export function ibanChangeNeedsCertificate(status: EntityState): boolean {
  return status === 'active' || status === 'suspended';
}

/** What an IBAN change does to the entity's bank details; `certificateRequired` when it must be backed by one. */
export interface IbanChange {
  ibanStatus: IbanState;
  certificateRequired: boolean;
}

/**
 * The effect of declaring `newIban` (normalised) on an entity in `status` whose last validated IBAN is
 * `validatedIban`. Going back to the validated IBAN needs nothing; any other IBAN of a validated entity waits for
 * re-validation with a certificate; before validation the IBAN is pending anyway.
 */
export function ibanChange(status: EntityState, validatedIban: string | null, newIban: string): IbanChange {
  if (validatedIban !== null && newIban === validatedIban && ibanChangeNeedsCertificate(status)) {
    return { ibanStatus: 'validated', certificateRequired: false };
  }
  return { ibanStatus: 'pending', certificateRequired: ibanChangeNeedsCertificate(status) };
}

/** An officer may validate a pending IBAN only of an active entity (a new entity's IBAN is validated with it). */
export function canValidateIban(status: EntityState, ibanStatus: IbanState): boolean {
  return status === 'active' && ibanStatus === 'pending';
}
