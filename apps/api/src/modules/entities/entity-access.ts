import { hasPermission } from '@cofinanca/contracts';
import { isEditableByMembers } from '@cofinanca/domain';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AppException } from '../../common/app.exception';
import type { AuthUser } from '../../common/request-context';
import { NgoEntity } from './ngo.entity';

/** Staff (officers) see every entity; an NGO user only its own; anyone else none. */
export function seesAllEntities(user: AuthUser): boolean {
  return hasPermission(user.roles, 'entities.read');
}

/** True when the user acts for this entity as one of its own users (the NGO side). */
export function isOwnEntity(user: AuthUser, entityId: string): boolean {
  return !!user.entityId && user.entityId === entityId && hasPermission(user.roles, 'entities.own');
}

/** Restricts a query on entities (alias `e`) to what the user may see. */
export function scopeEntities(
  qb: SelectQueryBuilder<NgoEntity>,
  user: AuthUser,
): SelectQueryBuilder<NgoEntity> {
  if (seesAllEntities(user)) return qb;
  if (hasPermission(user.roles, 'entities.own') && user.entityId) {
    return qb.andWhere('e.id = :scopeEntityId', { scopeEntityId: user.entityId });
  }
  return qb.andWhere('false');
}

/**
 * The entity if this user may see it, else 404 NOT_FOUND (never 403: another entity must not be revealed).
 * `lock` takes a row lock for a change.
 */
export async function findEntityFor(
  m: EntityManager,
  user: AuthUser,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<NgoEntity> {
  const qb = m.getRepository(NgoEntity).createQueryBuilder('e').where('e.id = :id', { id });
  if (opts.lock) qb.setLock('pessimistic_write');
  const entity = await scopeEntities(qb, user).getOne();
  if (!entity) throw AppException.notFound('entity');
  return entity;
}

/**
 * For a change by the entity's own users: a suspended or rejected entity may be read but not changed (409
 * INVALID_STATE). Officers may always correct an entity.
 */
export function assertMembersMayEdit(user: AuthUser, entity: NgoEntity): void {
  if (hasPermission(user.roles, 'entities.manage')) return;
  if (!isEditableByMembers(entity.status)) {
    throw AppException.conflict(
      'INVALID_STATE',
      `The entity is ${entity.status === 'suspended' ? 'suspended' : 'rejected'}: its data can be read but not changed.`,
    );
  }
}

/** The entity row locked for a status change by an officer, or 404. */
export async function lockEntity(m: EntityManager, id: string): Promise<NgoEntity> {
  const entity = await m
    .getRepository(NgoEntity)
    .createQueryBuilder('e')
    .setLock('pessimistic_write')
    .where('e.id = :id', { id })
    .getOne();
  if (!entity) throw AppException.notFound('entity');
  return entity;
}
