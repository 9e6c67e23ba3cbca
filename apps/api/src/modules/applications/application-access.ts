import { hasPermission } from '@cofinanca/contracts';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AppException } from '../../common/app.exception';
import type { AuthUser } from '../../common/request-context';
import { CallEntity } from '../calls/call.entity';
import { NgoEntity } from '../entities/ngo.entity';
import { ApplicationEntity } from './application.entity';

/** Staff (officers) see every application; an NGO user only its own entity's; anyone else none. */
export function seesAllApplications(user: AuthUser): boolean {
  return hasPermission(user.roles, 'applications.read');
}

/**
 * An evaluator (and nothing that sees applications otherwise): it reaches only the applications assigned to it on
 * which it declared no conflict (`evaluation/evaluator-access.ts`).
 */
export function isEvaluatorOnly(user: AuthUser): boolean {
  return (
    hasPermission(user.roles, 'evaluations.score') &&
    !seesAllApplications(user) &&
    !hasPermission(user.roles, 'applications.apply')
  );
}

/** An evaluator's declared (no conflict) assignment of the application `a`. */
const EVALUATOR_SCOPE = `EXISTS (SELECT 1 FROM assignments sa WHERE sa.application_id = a.id
  AND sa.evaluator_id = :scopeEvaluatorId AND sa.status IN ('in_progress', 'submitted'))`;

/** Restricts a query on applications (alias `a`) to what the user may see. */
export function scopeApplications(
  qb: SelectQueryBuilder<ApplicationEntity>,
  user: AuthUser,
): SelectQueryBuilder<ApplicationEntity> {
  if (seesAllApplications(user)) return qb;
  if (hasPermission(user.roles, 'applications.apply') && user.entityId) {
    return qb.andWhere('a.entity_id = :scopeEntityId', { scopeEntityId: user.entityId });
  }
  if (isEvaluatorOnly(user)) return qb.andWhere(EVALUATOR_SCOPE, { scopeEvaluatorId: user.id });
  return qb.andWhere('false');
}

/**
 * The application if this user may see it, else 404 NOT_FOUND (never 403: another entity's application must not
 * be revealed). `lock` takes a row lock for a state change.
 */
export async function findApplicationFor(
  m: EntityManager,
  user: AuthUser,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<ApplicationEntity> {
  const qb = m.getRepository(ApplicationEntity).createQueryBuilder('a').where('a.id = :id', { id });
  if (opts.lock) qb.setLock('pessimistic_write');
  const app = await scopeApplications(qb, user).getOne();
  if (!app) {
    if (isEvaluatorOnly(user)) await assertNotPendingDeclaration(m, user, id);
    throw AppException.notFound('application');
  }
  return app;
}

/**
 * 403 DECLARATION_REQUIRED when the evaluator is assigned to the application and has not declared on conflicts yet
 * (api.md "Evaluation"); otherwise nothing (the caller answers 404).
 */
export async function assertNotPendingDeclaration(
  m: EntityManager,
  user: AuthUser,
  id: string,
): Promise<void> {
  const [pending] = (await m.query(
    `SELECT 1 FROM assignments WHERE application_id = $1 AND evaluator_id = $2 AND status = 'pending_declaration'`,
    [id, user.id],
  )) as unknown[];
  if (pending) {
    throw new AppException(
      403,
      'DECLARATION_REQUIRED',
      'Declare whether you have a conflict of interest with this application before opening it.',
    );
  }
}

/** True when the user acts for the application's own entity (the NGO side). */
export function isOwnEntity(user: AuthUser, app: Pick<ApplicationEntity, 'entityId'>): boolean {
  return !!user.entityId && user.entityId === app.entityId && hasPermission(user.roles, 'applications.apply');
}

/**
 * The call and entity of an application, loaded once per request and kept on it (for the response and the e-mails).
 * `lock: 'pessimistic_read'` takes shared locks (the submission: the call cannot be closed or changed, nor the entity
 * suspended, while its rules are checked) and always reads the rows anew.
 */
export async function loadCallAndEntity(
  m: EntityManager,
  app: ApplicationEntity,
  opts: { lock?: 'pessimistic_read' } = {},
): Promise<{ call: CallEntity; entity: NgoEntity }> {
  if (opts.lock) {
    app.call = await m
      .getRepository(CallEntity)
      .createQueryBuilder('c')
      .setLock(opts.lock)
      .where('c.id = :id', { id: app.callId })
      .getOneOrFail();
    app.entity = await m
      .getRepository(NgoEntity)
      .createQueryBuilder('e')
      .setLock(opts.lock)
      .where('e.id = :id', { id: app.entityId })
      .getOneOrFail();
  }
  app.call ??= await m.getRepository(CallEntity).findOneByOrFail({ id: app.callId });
  app.entity ??= await m.getRepository(NgoEntity).findOneByOrFail({ id: app.entityId });
  return { call: app.call, entity: app.entity };
}
