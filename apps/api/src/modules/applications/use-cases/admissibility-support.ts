/**
 * What the admissibility use cases share: the state guard, the snapshot written to the audit log, who is e-mailed,
 * and the common e-mail parameters.
 */
import {
  applicationTransition,
  dateInTimeZone,
  type AdmissibilityStatus,
  type ApplicationAction,
} from '@cofinanca/domain';
import { isLocale, type Locale } from '@cofinanca/contracts';
import type { EntityManager } from 'typeorm';
import { AppException, fieldError } from '../../../common/app.exception';
import type { AppConfig } from '../../../config/config';
import { CallEntity } from '../../calls/call.entity';
import { NgoEntity } from '../../entities/ngo.entity';
import { UserEntity } from '../../users/user.entity';
import type { ApplicationEntity } from '../application.entity';
import { RequirementEntity } from '../requirement.entity';

/** The audit subject of every application event (requirements included): the history reads them back. */
export const APPLICATION_SUBJECT = 'application';

/** The state `action` leads to, or 409 INVALID_STATE naming the current one. */
export function requireTransition(
  app: Pick<ApplicationEntity, 'status'>,
  action: ApplicationAction,
): AdmissibilityStatus {
  const next = applicationTransition(app.status, action);
  if (!next) {
    throw AppException.conflict(
      'INVALID_STATE',
      `This action (${action}) is not allowed while the application is ${app.status}.`,
      { status: fieldError('WRONG_STATE', { status: app.status }) },
    );
  }
  return next;
}

/** The part of an application its admissibility changes: what the audit log records before and after. */
export function stateSnapshot(app: ApplicationEntity): Record<string, unknown> {
  return {
    status: app.status,
    statusReason: app.statusReason,
    registryNumber: app.registryNumber,
    submittedAt: app.submittedAt ? app.submittedAt.toISOString() : null,
  };
}

/** Today's date in Europe/Madrid (legal deadlines are dates there). */
/**
 * Closes the application's open correction request, if any, when the application leaves the procedure without
 * answering it (withdrawal, inadmissibility): no request stays open on a finished application.
 */
export async function closeOpenRequirement(m: EntityManager, applicationId: string): Promise<void> {
  await m
    .createQueryBuilder()
    .update(RequirementEntity)
    .set({ status: 'closed' })
    .where(`application_id = :applicationId AND status = 'open'`, { applicationId })
    .execute();
}

export function todayInMadrid(now: Date = new Date()): string {
  return dateInTimeZone(now);
}

/** The active users of an entity: they receive its application's news. */
export function entityRecipients(m: EntityManager, entityId: string): Promise<UserEntity[]> {
  return m
    .getRepository(UserEntity)
    .createQueryBuilder('u')
    .where('u.entity_id = :entityId', { entityId })
    .andWhere('u.active')
    .andWhere(`'entity' = ANY(u.roles)`)
    .orderBy('u.created_at', 'ASC')
    .getMany();
}

/** Every active officer: told when an entity withdraws or answers a correction request. */
export function officerRecipients(m: EntityManager): Promise<UserEntity[]> {
  return m
    .getRepository(UserEntity)
    .createQueryBuilder('u')
    .where('u.active')
    .andWhere(`'officer' = ANY(u.roles)`)
    .orderBy('u.created_at', 'ASC')
    .getMany();
}

export function localeOf(user: Pick<UserEntity, 'locale'>): Locale {
  return isLocale(user.locale) ? user.locale : 'ca';
}

/** The call and entity of an application, loaded once per request (and kept on the entity for the response). */
export async function loadCallAndEntity(
  m: EntityManager,
  app: ApplicationEntity,
): Promise<{ call: CallEntity; entity: NgoEntity }> {
  app.call ??= await m.getRepository(CallEntity).findOneByOrFail({ id: app.callId });
  app.entity ??= await m.getRepository(NgoEntity).findOneByOrFail({ id: app.entityId });
  return { call: app.call, entity: app.entity };
}

const UNTITLED: Record<Locale, string> = { ca: '(sense títol)', es: '(sin título)', en: '(untitled)' };

/** The parameters every application e-mail carries, for one recipient in their language. */
export function applicationRef(
  config: AppConfig,
  app: ApplicationEntity,
  call: CallEntity,
  entity: NgoEntity,
  recipient: Pick<UserEntity, 'name' | 'locale'>,
) {
  const locale = localeOf(recipient);
  return {
    name: recipient.name,
    registryNumber: app.registryNumber ?? '—',
    title: app.title?.trim() || UNTITLED[locale],
    entityName: entity.legalName,
    callCode: call.code,
    callTitle: call.title[locale],
    link: `${config.publicUrl}/applications/${app.id}`,
  };
}
