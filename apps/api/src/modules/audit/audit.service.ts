import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RequestContext, type AuthUser } from '../../common/request-context';
import { pageParams, resolveSort, type Page } from '../../common/pagination';
import { formatShortDate, localisedText } from '@cofinanca/domain';
import type { Locale } from '@cofinanca/contracts';
import { AuditEventEntity } from './audit-event.entity';
import { ApplicationEntity } from '../applications/application.entity';
import { CallEntity } from '../calls/call.entity';
import { NgoEntity } from '../entities/ngo.entity';
import { UserEntity } from '../users/user.entity';
import { HolidayEntity } from '../calendar/holiday.entity';
import type { AuditExportQuery, AuditQuery } from './audit.dto';
import { inPages } from '../../common/export';

export interface AuditInput {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Defaults to the signed-in user of the request; null means the system. */
  actor?: Pick<AuthUser, 'id' | 'email' | 'roles'> | null;
}

const SORTABLE = { at: 'e.at', action: 'e.action', subjectType: 'e.subject_type' };

/** Keys never written to the audit log, at any depth. */
const SECRET_KEYS =
  /^(password|passwordHash|password_hash|token|tokenHash|accessToken|secret|currentPassword|newPassword)$/i;

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.test(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

/** The one service every feature calls to leave an audit event, inside the transaction of the change. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, input: AuditInput): Promise<void> {
    const ctx = RequestContext.get();
    const actor = input.actor === undefined ? ctx.user : input.actor;
    await manager.insert(AuditEventEntity, <QueryDeepPartialEntity<AuditEventEntity>>{
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      actorRoles: actor?.roles ?? [],
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      before: (input.before ? redact(input.before) : null) as Record<string, unknown> | null,
      after: (input.after ? redact(input.after) : null) as Record<string, unknown> | null,
      requestId: ctx.requestId ?? null,
    });
  }

  private query(q: AuditExportQuery): SelectQueryBuilder<AuditEventEntity> {
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (q.subjectType) qb.andWhere('e.subject_type = :subjectType', { subjectType: q.subjectType });
    if (q.subjectId) qb.andWhere('e.subject_id = :subjectId', { subjectId: q.subjectId });
    if (q.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: q.actorId });
    if (q.action) qb.andWhere('e.action = :action', { action: q.action });
    // from/to are dates in Europe/Madrid, both inclusive.
    if (q.from)
      qb.andWhere(`e.at >= (:from::date)::timestamp AT TIME ZONE 'Europe/Madrid'`, { from: q.from });
    if (q.to) qb.andWhere(`e.at < ((:to::date + 1)::timestamp AT TIME ZONE 'Europe/Madrid')`, { to: q.to });
    const [column, dir] = resolveSort(q.sort, SORTABLE, ['e.at', 'DESC']);
    return qb.orderBy(column, dir).addOrderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC');
  }

  async list(q: AuditQuery): Promise<Page<AuditEventEntity>> {
    const { page, pageSize, skip } = pageParams(q);
    const [items, total] = await this.query(q).skip(skip).take(pageSize).getManyAndCount();
    return { items, total, page, pageSize };
  }

  /** Everything that matches, newest first, a page at a time (exports). */
  pages(q: AuditExportQuery): AsyncGenerator<AuditEventEntity[]> {
    return inPages((skip, take) => this.query(q).skip(skip).take(take).getMany());
  }

  /**
   * What a person knows each subject of these events by — an application's registry number (its title while a
   * draft), an entity's name, a user's e-mail, a call's code and title, a holiday's date and name, an assignment's
   * registry number and evaluator — keyed
   * `type:id`. One query per subject type, whatever the number of events.
   */
  async subjectLabels(events: readonly AuditEventEntity[], locale: Locale): Promise<Map<string, string>> {
    const ids = new Map<string, Set<string>>();
    for (const e of events) {
      if (!e.subjectId || !UUID.test(e.subjectId)) continue;
      const set = ids.get(e.subjectType) ?? new Set<string>();
      set.add(e.subjectId);
      ids.set(e.subjectType, set);
    }
    const labels = new Map<string, string>();
    const put = (type: string, id: string, label: string | null | undefined) => {
      if (label) labels.set(`${type}:${id}`, label);
    };
    const find = <T extends { id: string }>(entity: new () => T, type: string, select: (keyof T)[]) => {
      const wanted = [...(ids.get(type) ?? [])];
      if (wanted.length === 0) return Promise.resolve([] as T[]);
      return this.dataSource.getRepository(entity).find({
        select: Object.fromEntries(['id', ...select].map((k) => [k, true])) as never,
        where: { id: In(wanted) } as never,
      });
    };
    const [applications, calls, entities, users, holidays] = await Promise.all([
      find(ApplicationEntity, 'application', ['registryNumber', 'title']),
      find(CallEntity, 'call', ['code', 'title']),
      find(NgoEntity, 'entity', ['legalName']),
      find(UserEntity, 'user', ['email']),
      find(HolidayEntity, 'holiday', ['date', 'name']),
    ]);
    for (const a of applications) put('application', a.id, a.registryNumber ?? a.title);
    for (const c of calls) put('call', c.id, `${c.code} — ${localisedText(c.title, locale)}`);
    for (const e of entities) put('entity', e.id, e.legalName);
    for (const u of users) put('user', u.id, u.email);
    for (const h of holidays) put('holiday', h.id, `${formatShortDate(h.date)} ${h.name}`);
    // An assignment by its application and evaluator (a removed one keeps no label).
    const assignments = [...(ids.get('assignment') ?? [])];
    if (assignments.length) {
      const rows = (await this.dataSource.query(
        `SELECT s.id, a.registry_number, u.name FROM assignments s
           JOIN applications a ON a.id = s.application_id JOIN users u ON u.id = s.evaluator_id
          WHERE s.id = ANY($1::uuid[])`,
        [assignments],
      )) as { id: string; registry_number: string | null; name: string }[];
      for (const r of rows) put('assignment', r.id, `${r.registry_number ?? '—'} · ${r.name}`);
    }
    return labels;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
