import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { fieldIssue, type InterestItem } from '@cofinanca/domain';
import { AppException, type FieldIssues } from '../../common/app.exception';
import { containsPattern } from '../../common/sql';
import { countRows, pageParams, resolveSort, type Page } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { evaluatorFor } from './evaluation-access';
import type {
  EvaluatorQuery,
  EvaluatorSummary,
  InterestsResponse,
  UpdateInterestsDto,
} from './evaluation.dto';
import { EvaluatorInterestsEntity } from './evaluator-interests.entity';

/** The audit view of a register. */
const auditItems = (items: InterestItem[]) =>
  items.map((i) => ({ entityId: i.entityId, relation: i.relation, note: i.note ?? null }));

/**
 * Evaluators and their registers of interests: the officers' list with the workload per call, and the register
 * read and replaced whole (with `version`) by the evaluator itself or an officer, audited.
 */
@Injectable()
export class InterestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(user: AuthUser, userId: string): Promise<InterestsResponse> {
    const m = this.dataSource.manager;
    await evaluatorFor(m, user, userId);
    return this.read(m, userId);
  }

  /** Replaces the register; `version` must be the one read (0 for a register never saved). */
  async update(user: AuthUser, userId: string, dto: UpdateInterestsDto): Promise<InterestsResponse> {
    try {
      return await this.dataSource.transaction(async (m) => {
        await evaluatorFor(m, user, userId);
        // One writer of this register at a time, also before its first row exists.
        await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`interests:${userId}`]);
        const repo = m.getRepository(EvaluatorInterestsEntity);
        const current = await repo.findOneBy({ userId });
        if ((current?.version ?? 0) !== dto.version) throw AppException.staleVersion();

        const ids = [...new Set(dto.items.map((i) => i.entityId))];
        const known = new Set(
          ids.length
            ? (
                (await m.query(`SELECT id FROM entities WHERE id = ANY($1::uuid[])`, [ids])) as {
                  id: string;
                }[]
              ).map((r) => r.id)
            : [],
        );
        const errors: FieldIssues = {};
        dto.items.forEach((item, i) => {
          if (!known.has(item.entityId)) errors[`items[${i}].entityId`] = [fieldIssue('UNKNOWN_ENTITY')];
        });
        if (Object.keys(errors).length) throw AppException.validation(errors);

        const items: InterestItem[] = dto.items.map((i) => ({
          entityId: i.entityId,
          relation: i.relation,
          note: i.note?.trim() ? i.note.trim() : null,
        }));
        const before = current ? auditItems(current.items) : [];
        if (current) {
          current.items = items;
          current.updatedBy = user.id;
          await repo.save(current);
        } else {
          await repo.save(repo.create({ userId, items, updatedBy: user.id }));
        }
        await this.audit.record(m, {
          action: 'evaluator.interests_updated',
          subjectType: 'user',
          subjectId: userId,
          before: { items: before },
          after: { items: auditItems(items) },
        });
        return this.read(m, userId);
      });
    } catch (err) {
      // Two first saves of the same register at once: the primary key decides, the second is stale.
      if (err instanceof QueryFailedError && (err as QueryFailedError & { code?: string }).code === '23505') {
        throw AppException.staleVersion();
      }
      throw err;
    }
  }

  /** The register with each entity's name (an evaluator without one has an empty register at version 0). */
  private async read(m: EntityManager, userId: string): Promise<InterestsResponse> {
    const row = await m.getRepository(EvaluatorInterestsEntity).findOneBy({ userId });
    const items = row?.items ?? [];
    const names = new Map<string, string>();
    if (items.length) {
      const found = (await m.query(`SELECT id, legal_name FROM entities WHERE id = ANY($1::uuid[])`, [
        items.map((i) => i.entityId),
      ])) as { id: string; legal_name: string }[];
      for (const f of found) names.set(f.id, f.legal_name);
    }
    return {
      userId,
      items: items.map((i) => ({
        entityId: i.entityId,
        entityName: names.get(i.entityId) ?? '—',
        relation: i.relation,
        note: i.note ?? null,
      })),
      updatedAt: row?.updatedAt.toISOString() ?? null,
      version: row?.version ?? 0,
    };
  }

  /** The users with the evaluator role, with their open, submitted and declined assignments per call. */
  async list(q: EvaluatorQuery): Promise<Page<EvaluatorSummary>> {
    const { page, pageSize, skip } = pageParams(q);
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where(`'evaluator' = ANY(u.roles)`)
      .andWhere('u.active = :active', { active: q.active ?? true });
    if (q.q) {
      qb.andWhere('(u.name ILIKE :q OR u.email ILIKE :q)', { q: containsPattern(q.q) });
    }
    const [column, dir] = resolveSort(q.sort, { name: 'u.name', email: 'u.email' }, ['u.name', 'ASC']);
    qb.orderBy(column, dir).addOrderBy('u.id', dir);
    const [users, total] = await Promise.all([
      qb.clone().offset(skip).limit(pageSize).getMany(),
      countRows(qb),
    ]);
    const ids = users.map((u) => u.id);
    const loads = ids.length
      ? ((await this.dataSource.query(
          `SELECT s.evaluator_id, s.call_id, c.code,
                  count(*) FILTER (WHERE s.status IN ('pending_declaration', 'in_progress'))::int AS open,
                  count(*) FILTER (WHERE s.status = 'submitted')::int AS submitted,
                  count(*) FILTER (WHERE s.status = 'conflict_declared')::int AS conflicts
             FROM assignments s JOIN calls c ON c.id = s.call_id
            WHERE s.evaluator_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR s.call_id = $2::uuid)
            GROUP BY s.evaluator_id, s.call_id, c.code
            ORDER BY c.code, s.call_id`,
          [ids, q.callId ?? null],
        )) as {
          evaluator_id: string;
          call_id: string;
          code: string;
          open: number;
          submitted: number;
          conflicts: number;
        }[])
      : [];
    const registers = ids.length
      ? ((await this.dataSource.query(
          `SELECT user_id, jsonb_array_length(items)::int AS n FROM evaluator_interests WHERE user_id = ANY($1::uuid[])`,
          [ids],
        )) as { user_id: string; n: number }[])
      : [];
    const interests = new Map(registers.map((r) => [r.user_id, r.n]));
    return {
      items: users.map((u) => ({
        id: u.id,
        name: u.name,
        email: u.email,
        active: u.active,
        interests: interests.get(u.id) ?? 0,
        calls: loads
          .filter((l) => l.evaluator_id === u.id)
          .map((l) => ({
            callId: l.call_id,
            callCode: l.code,
            open: l.open,
            submitted: l.submitted,
            conflictDeclared: l.conflicts,
          })),
      })),
      total,
      page,
      pageSize,
    };
  }
}
