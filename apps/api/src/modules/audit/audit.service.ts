import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RequestContext, type AuthUser } from '../../common/request-context';
import { pageParams, resolveSort, type Page } from '../../common/pagination';
import { AuditEventEntity } from './audit-event.entity';
import type { AuditExportQuery, AuditQuery } from './audit.dto';

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

  /** Everything that matches, newest first, up to a hard cap so an export cannot exhaust memory. */
  async all(q: AuditQuery, limit = 50_000): Promise<AuditEventEntity[]> {
    return this.query(q).take(limit).getMany();
  }
}
