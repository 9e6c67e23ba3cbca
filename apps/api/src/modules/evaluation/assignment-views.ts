/**
 * Assignments as the API shows them: the assignment with its evaluator's name and, of its application, only what an
 * evaluator needs to judge a conflict (registry number, title, entity and partner names). One query for a page, one
 * for the partner names of that page.
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AssignmentStatus } from '@cofinanca/domain';
import { ApplicationEntity } from '../applications/application.entity';
import { NgoEntity } from '../entities/ngo.entity';
import { UserEntity } from '../users/user.entity';
import { AssignmentEntity } from './assignment.entity';
import type { AssignmentResponse } from './evaluation.dto';

interface AssignmentRow {
  id: string;
  call_id: string;
  application_id: string;
  evaluator_id: string;
  status: AssignmentStatus;
  conflict_of_interest: boolean | null;
  declaration_note: string | null;
  declared_at: Date | null;
  submitted_at: Date | null;
  created_at: Date;
  version: number;
  evaluator_name: string;
  registry_number: string | null;
  title: string | null;
  entity_id: string;
  entity_name: string;
  partner_entity_ids: string[] | string;
}

/** Sortable columns of the assignment lists. */
export const ASSIGNMENT_SORTABLE = {
  createdAt: 's.created_at',
  status: 's.status',
  registryNumber: 'a.registry_number',
  evaluatorName: 'u.name',
};

/** The assignments with their joins (alias `s`; `a` the application, `e` its entity, `u` the evaluator). */
export function assignmentQuery(m: EntityManager): SelectQueryBuilder<AssignmentEntity> {
  return m
    .getRepository(AssignmentEntity)
    .createQueryBuilder('s')
    .innerJoin(UserEntity, 'u', 'u.id = s.evaluator_id')
    .innerJoin(ApplicationEntity, 'a', 'a.id = s.application_id')
    .innerJoin(NgoEntity, 'e', 'e.id = a.entity_id')
    .select([
      's.id AS id',
      's.call_id AS call_id',
      's.application_id AS application_id',
      's.evaluator_id AS evaluator_id',
      's.status AS status',
      's.conflict_of_interest AS conflict_of_interest',
      's.declaration_note AS declaration_note',
      's.declared_at AS declared_at',
      's.submitted_at AS submitted_at',
      's.created_at AS created_at',
      's.version AS version',
      'u.name AS evaluator_name',
      'a.registry_number AS registry_number',
      'a.title AS title',
      'a.entity_id AS entity_id',
      'e.legal_name AS entity_name',
      'a.partner_entity_ids AS partner_entity_ids',
    ]);
}

/** node-postgres reads a uuid[] as a string `{a,b}` (its type has no parser): the ids. */
function uuidList(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}

/** The rows of a query from `assignmentQuery`, as responses (partner names read in one query). */
export async function toAssignmentResponses(
  m: EntityManager,
  rows: AssignmentRow[],
): Promise<AssignmentResponse[]> {
  const partnerIds = [...new Set(rows.flatMap((r) => uuidList(r.partner_entity_ids)))];
  const names = new Map<string, string>();
  if (partnerIds.length) {
    const found = (await m.query(`SELECT id, legal_name FROM entities WHERE id = ANY($1::uuid[])`, [
      partnerIds,
    ])) as { id: string; legal_name: string }[];
    for (const f of found) names.set(f.id, f.legal_name);
  }
  return rows.map((r) => ({
    id: r.id,
    callId: r.call_id,
    applicationId: r.application_id,
    evaluatorId: r.evaluator_id,
    evaluatorName: r.evaluator_name,
    status: r.status,
    ...(r.declared_at && r.conflict_of_interest !== null
      ? {
          declaration: {
            conflictOfInterest: r.conflict_of_interest,
            note: r.declaration_note,
            declaredAt: new Date(r.declared_at).toISOString(),
          },
        }
      : {}),
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    application: {
      id: r.application_id,
      registryNumber: r.registry_number,
      title: r.title,
      entityId: r.entity_id,
      entityName: r.entity_name,
      partnerNames: uuidList(r.partner_entity_ids)
        .map((id) => names.get(id))
        .filter((n): n is string => n !== undefined),
    },
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
  }));
}

/** The rows of `qb` (an `assignmentQuery`) as responses. */
export async function readAssignments(
  m: EntityManager,
  qb: SelectQueryBuilder<AssignmentEntity>,
): Promise<AssignmentResponse[]> {
  return toAssignmentResponses(m, await qb.getRawMany<AssignmentRow>());
}
