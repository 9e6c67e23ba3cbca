/**
 * Lists of codes that are not the states of a workflow (those are in the *-states files) but that entities, DTOs and
 * screens share: each is written here once.
 */

/** Document types every application accepts besides the call's required documents. */
export const FREE_DOCUMENT_TYPES = ['attachment', 'correction'] as const;

/** Document types an entity's own documents may have. */
export const ENTITY_DOCUMENT_TYPES = ['bank_certificate'] as const;
export type EntityDocumentType = (typeof ENTITY_DOCUMENT_TYPES)[number];

/** Codes a call's required document may not take: the types the system gives documents itself. */
export const RESERVED_DOCUMENT_CODES = [...FREE_DOCUMENT_TYPES, ...ENTITY_DOCUMENT_TYPES] as const;

/** The states of an e-mail in the outbox. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
