import { INTEREST_RELATIONS } from '@cofinanca/domain';
import { z } from 'zod';
import type { Interests, InterestRelation, UpdateInterestsRequest } from '../../../api/types';

/** The longest note of a line of the register (as the API takes it). */
export const INTEREST_NOTE_MAX = 500;
/** The most lines a register may hold (as the API takes it). */
export const MAX_INTERESTS = 200;

export const interestsSchema = z.object({
  items: z
    .array(
      z.object({
        entityId: z.string().uuid(),
        entityName: z.string(),
        relation: z.enum(INTEREST_RELATIONS),
        note: z.string().max(INTEREST_NOTE_MAX, { message: 'validation.tooLong' }),
      }),
    )
    .max(MAX_INTERESTS),
});

export type InterestsForm = z.infer<typeof interestsSchema>;

/** The form of a stored register (a note never saved is an empty text). */
export function toInterestsForm(register: Interests): InterestsForm {
  return {
    items: register.items.map((i) => ({
      entityId: i.entityId,
      entityName: i.entityName,
      relation: i.relation,
      note: i.note ?? '',
    })),
  };
}

/** The PUT body: the whole register with the version read; empty notes are not sent. */
export function toInterestsRequest(form: InterestsForm, version: number): UpdateInterestsRequest {
  return {
    version,
    items: form.items.map(({ entityId, relation, note }) => {
      const text = note.trim();
      return text ? { entityId, relation, note: text } : { entityId, relation };
    }),
  };
}

/** A new line for an entity picked from the directory (`other` until the evaluator says which link it is). */
export function newInterest(entity: { id: string; legalName: string }, relation: InterestRelation = 'other') {
  return { entityId: entity.id, entityName: entity.legalName, relation, note: '' };
}
