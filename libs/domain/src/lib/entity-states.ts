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
import { defineStateMachine } from './state-machine';

export const ENTITY_STATUSES = ['pending_validation', 'active', 'suspended', 'rejected'] as const;
export type EntityStatus = (typeof ENTITY_STATUSES)[number];

export const IBAN_STATUSES = ['validated', 'pending'] as const;
export type IbanStatus = (typeof IBAN_STATUSES)[number];

/** What a guard of the entity machine may look at. */
export interface EntityContext {
  /** Whether one of the entity's active users has confirmed their e-mail address (needed to validate it). */
  hasVerifiedUser?: boolean;
}

/** What the entity's own users change: its profile, members and documents. */
export type EntityPart = 'profile';

export const ENTITY_MACHINE = defineStateMachine<
  EntityStatus,
  'validate' | 'reject' | 'suspend' | 'reactivate',
  EntityContext,
  'EMAIL_NOT_VERIFIED',
  EntityPart
>({
  name: 'entity',
  states: ENTITY_STATUSES,
  initial: 'pending_validation',
  actions: {
    validate: {
      from: ['pending_validation'],
      to: 'active',
      guard: ({ hasVerifiedUser }) => (hasVerifiedUser === false ? 'EMAIL_NOT_VERIFIED' : null),
    },
    reject: { from: ['pending_validation'], to: 'rejected' },
    suspend: { from: ['active'], to: 'suspended' },
    reactivate: { from: ['suspended'], to: 'active' },
  },
  // A suspended or rejected entity's users may still read their data; officers may always correct it.
  editable: { pending_validation: ['profile'], active: ['profile'] },
});

export const ENTITY_ACTIONS = ENTITY_MACHINE.actions;
export type EntityAction = (typeof ENTITY_ACTIONS)[number];

/** The actions that must give a reason (stored with the entity and told to its users). */
export const ENTITY_ACTIONS_WITH_REASON: readonly EntityAction[] = ['reject', 'suspend'];

export type EntityTransition =
  { ok: true; to: EntityStatus } | { ok: false; allowedFrom: readonly EntityStatus[] };

/** The state an action leads to from `status`, or the states it is allowed from when it is not allowed now. */
export function entityTransition(status: EntityStatus, action: EntityAction): EntityTransition {
  const t = ENTITY_MACHINE.transition(status, action);
  return t.ok ? { ok: true, to: t.to } : { ok: false, allowedFrom: t.allowedFrom };
}

/** The status actions allowed on an entity in `status` (the back-office shows only these buttons). */
export function entityActionsFrom(status: EntityStatus): EntityAction[] {
  return ENTITY_MACHINE.allowedActions(status);
}

/**
 * Whether the entity's own users may change its profile, members and documents. A suspended or rejected entity's
 * users may still read them; officers may always correct them.
 */
export function isEditableByMembers(status: EntityStatus): boolean {
  return ENTITY_MACHINE.isEditable(status, 'profile');
}

/**
 * Whether a new IBAN needs a bank-ownership certificate and an officer's re-validation: once an entity has been
 * validated (active, or suspended after that) its IBAN is one payments may go to. Before validation the IBAN is
 * simply replaced and validated together with the entity.
 */
export function ibanChangeNeedsCertificate(status: EntityStatus): boolean {
  return status === 'active' || status === 'suspended';
}

/** What an IBAN change does to the entity's bank details; `certificateRequired` when it must be backed by one. */
export interface IbanChange {
  ibanStatus: IbanStatus;
  certificateRequired: boolean;
}

/**
 * The effect of declaring `newIban` (normalised) on an entity in `status` whose last validated IBAN is
 * `validatedIban`. Going back to the validated IBAN needs nothing; any other IBAN of a validated entity waits for
 * re-validation with a certificate; before validation the IBAN is pending anyway.
 */
export function ibanChange(status: EntityStatus, validatedIban: string | null, newIban: string): IbanChange {
  if (validatedIban !== null && newIban === validatedIban && ibanChangeNeedsCertificate(status)) {
    return { ibanStatus: 'validated', certificateRequired: false };
  }
  return { ibanStatus: 'pending', certificateRequired: ibanChangeNeedsCertificate(status) };
}

/**
 * The bank account's own life: a pending IBAN is validated by an officer on its own only when the entity is active
 * (a new entity's IBAN is validated with it, by the entity machine's `validate`).
 */
export const IBAN_MACHINE = defineStateMachine<
  IbanStatus,
  'validate',
  { entityStatus: EntityStatus },
  'ENTITY_NOT_ACTIVE'
>({
  name: 'IBAN',
  states: IBAN_STATUSES,
  initial: 'pending',
  actions: {
    validate: {
      from: ['pending'],
      to: 'validated',
      guard: ({ entityStatus }) => (entityStatus === 'active' ? null : 'ENTITY_NOT_ACTIVE'),
    },
  },
});

/** An officer may validate a pending IBAN only of an active entity (a new entity's IBAN is validated with it). */
export function canValidateIban(status: EntityStatus, ibanStatus: IbanStatus): boolean {
  return IBAN_MACHINE.can(ibanStatus, 'validate', { entityStatus: status });
}
