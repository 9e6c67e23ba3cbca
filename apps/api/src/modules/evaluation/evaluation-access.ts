/**
 * Who reaches what in evaluation: officers (`evaluations.manage`) every evaluator's register and every assignment;
 * an evaluator (`evaluations.score`) only its own — anyone else's answers 404, as if it did not exist.
 */
import { hasPermission } from '@cofinanca/contracts';
import type { EntityManager } from 'typeorm';
import { AppException } from '../../common/app.exception';
import type { AuthUser } from '../../common/request-context';
import { CallEntity } from '../calls/call.entity';
import { UserEntity } from '../users/user.entity';

/** Officers manage evaluation: they see every evaluator and every assignment. */
export function managesEvaluation(user: Pick<AuthUser, 'roles'>): boolean {
  return hasPermission(user.roles, 'evaluations.manage');
}

/**
 * The evaluator a register belongs to: a user with the evaluator role, the caller itself unless it manages
 * evaluation. Anything else is 404.
 */
export async function evaluatorFor(m: EntityManager, user: AuthUser, userId: string): Promise<UserEntity> {
  if (!managesEvaluation(user) && user.id !== userId) throw AppException.notFound('evaluator');
  const evaluator = await m.getRepository(UserEntity).findOneBy({ id: userId });
  if (!evaluator || !evaluator.roles.includes('evaluator')) throw AppException.notFound('evaluator');
  return evaluator;
}

/** The call under a write lock (404 when it does not exist): assignments of one call happen one after the other. */
export async function lockCall(m: EntityManager, id: string): Promise<CallEntity> {
  const call = await m
    .getRepository(CallEntity)
    .createQueryBuilder('c')
    .setLock('pessimistic_write')
    .where('c.id = :id', { id })
    .getOne();
  if (!call) throw AppException.notFound('call');
  return call;
}
