import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  conflictingEntities,
  countsAsEvaluator,
  fieldIssue,
  isAssignmentRemovable,
  planAssignments,
  type AssignmentStatus,
  type InterestItem,
  type PlannedAssignment,
} from '@cofinanca/domain';
import { isLocale } from '@cofinanca/contracts';
import { AppException, fieldError, type FieldIssues } from '../../common/app.exception';
import { countRows, pageParams, resolveSort, type Page } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ApplicationEntity } from '../applications/application.entity';
import { AuditService } from '../audit/audit.service';
import { CallEntity } from '../calls/call.entity';
import { duplicateOf } from '../entities/unique-violation';
import { MailService } from '../mail/mail.service';
import { UserEntity } from '../users/user.entity';
import { AssignmentEntity } from './assignment.entity';
import { ASSIGNMENT_SORTABLE, assignmentQuery, readAssignments } from './assignment-views';
import { lockCall, managesEvaluation } from './evaluation-access';
import type {
  AssignmentConflict,
  AssignmentQuery,
  AssignmentResponse,
  AutoAssignDto,
  AutoAssignResponse,
  CallAssignmentPage,
  CallAssignmentQuery,
  CreateAssignmentDto,
} from './evaluation.dto';
import { EvaluatorInterestsEntity } from './evaluator-interests.entity';
import { ScoreSheetEntity } from './score-sheet.entity';

const DUPLICATE_PAIR = duplicateOf({ UQ_assignments_application_evaluator: 'evaluatorId' });

/** Assignments are made while the call is being evaluated. */
function assertEvaluating(call: CallEntity): void {
  if (call.status !== 'evaluating') {
    throw AppException.conflict(
      'INVALID_STATE',
      `Evaluators are assigned while the call is evaluating (it is ${call.status}).`,
      {
        status: fieldError('WRONG_STATE', { status: call.status, allowed: 'evaluating' }),
      },
    );
  }
}

/** The audit view of an assignment. */
function assignmentSnapshot(a: AssignmentEntity): Record<string, unknown> {
  return {
    callId: a.callId,
    applicationId: a.applicationId,
    evaluatorId: a.evaluatorId,
    status: a.status,
  };
}

interface UnderEvaluation {
  id: string;
  entity_id: string;
  partner_entity_ids: string[] | string;
  registry_number: string | null;
  title: string | null;
}

/** A call's applications under evaluation (or one of them), by registry number: what assignment reads of them. */
function underEvaluation(
  m: EntityManager,
  callId: string,
  applicationId?: string,
): Promise<UnderEvaluation[]> {
  return m.query(
    `SELECT id, entity_id, partner_entity_ids, registry_number, title FROM applications
      WHERE call_id = $1 AND status = 'under_evaluation' AND ($2::uuid IS NULL OR id = $2::uuid)
      ORDER BY registry_number, id`,
    [callId, applicationId ?? null],
  ) as Promise<UnderEvaluation[]>;
}

const uuids = (value: string[] | string): string[] => {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
};

/**
 * Assignments of evaluators to the applications of a call under evaluation: manual (refusing a duplicate pair and a
 * conflict of interest), automatic (`planAssignments`: all or nothing, balanced), removal before submission, and the
 * lists. Every change to a call's assignments runs under the call's row lock, so two officers assigning at once
 * take turns: no duplicate pair, and the automatic assignment always sees the loads it balances. Each batch e-mails
 * every evaluator once, listing its new assignments.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  /** One evaluator to one application; 201 with the assignment. */
  async assign(user: AuthUser, callId: string, dto: CreateAssignmentDto): Promise<AssignmentResponse> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const call = await lockCall(m, callId);
        assertEvaluating(call);
        const app = await m.getRepository(ApplicationEntity).findOneBy({ id: dto.applicationId });
        if (!app || app.callId !== call.id) {
          throw AppException.validation({ applicationId: fieldError('UNKNOWN_APPLICATION') });
        }
        if (app.status !== 'under_evaluation') {
          throw AppException.conflict(
            'INVALID_STATE',
            `Only an application under evaluation gets evaluators (it is ${app.status}).`,
            { applicationId: fieldError('WRONG_STATE', { status: app.status }) },
          );
        }
        const [evaluator] = await this.evaluators(m, [dto.evaluatorId]);
        if (!evaluator) throw AppException.validation({ evaluatorId: fieldError('NOT_EVALUATOR') });
        const taken = await m
          .getRepository(AssignmentEntity)
          .existsBy({ applicationId: app.id, evaluatorId: evaluator.id });
        if (taken) {
          throw AppException.conflict(
            'DUPLICATE',
            'This evaluator is already assigned to this application.',
            {
              evaluatorId: fieldError('TAKEN'),
            },
          );
        }
        const register = (await this.registers(m, [evaluator.id])).get(evaluator.id) ?? [];
        const conflicts = conflictingEntities(register, app);
        if (conflicts.length) {
          const names = await this.entityNames(m, conflicts);
          throw new AppException(
            422,
            'CONFLICT_OF_INTEREST',
            'The register of interests of this evaluator lists the entity or a partner of this application.',
            {
              evaluatorId: fieldError('CONFLICT_OF_INTEREST', {
                entity: conflicts.map((id) => names.get(id) ?? id).join(', '),
              }),
            },
          );
        }
        const [id] = await this.create(
          m,
          user,
          call,
          [{ applicationId: app.id, evaluatorId: evaluator.id }],
          'manual',
        );
        const [created] = await readAssignments(m, assignmentQuery(m).where('s.id = :id', { id }));
        return created;
      });
    } catch (err) {
      return DUPLICATE_PAIR(err);
    }
  }

  /**
   * Tops every application under evaluation up to N evaluators (the call's, unless given), never one with a
   * conflict, loads as even as possible counting what each evaluator already has in the call; all or nothing.
   */
  async auto(user: AuthUser, callId: string, dto: AutoAssignDto): Promise<AutoAssignResponse> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const call = await lockCall(m, callId);
        assertEvaluating(call);
        const perApplication = dto.evaluatorsPerApplication ?? call.evaluatorsPerApplication;

        let pool: UserEntity[];
        if (dto.evaluatorIds) {
          pool = await this.evaluators(m, dto.evaluatorIds);
          const found = new Set(pool.map((u) => u.id));
          const errors: FieldIssues = {};
          dto.evaluatorIds.forEach((id, i) => {
            if (!found.has(id)) errors[`evaluatorIds[${i}]`] = [fieldIssue('NOT_EVALUATOR')];
          });
          if (Object.keys(errors).length) throw AppException.validation(errors);
        } else {
          pool = await this.evaluators(m);
        }

        const apps = await underEvaluation(m, call.id);
        const existing = (await m.query(
          `SELECT application_id, evaluator_id, status FROM assignments WHERE call_id = $1`,
          [call.id],
        )) as { application_id: string; evaluator_id: string; status: AssignmentStatus }[];
        const registers = await this.registers(
          m,
          pool.map((u) => u.id),
        );

        const plan = planAssignments({
          perApplication,
          applications: apps.map((a) => {
            const mine = existing.filter((x) => x.application_id === a.id);
            return {
              id: a.id,
              entityId: a.entity_id,
              partnerEntityIds: uuids(a.partner_entity_ids),
              assigned: mine.map((x) => x.evaluator_id),
              active: mine.filter((x) => countsAsEvaluator(x.status)).length,
            };
          }),
          evaluators: pool.map((u) => ({
            id: u.id,
            interests: registers.get(u.id) ?? [],
            load: existing.filter((x) => x.evaluator_id === u.id && countsAsEvaluator(x.status)).length,
          })),
        });

        if (!plan.ok) {
          const byId = new Map(apps.map((a) => [a.id, a]));
          const errors: FieldIssues = {};
          for (const u of plan.uncovered) {
            errors[`applications.${u.applicationId}`] = [
              fieldIssue('NOT_ENOUGH_EVALUATORS', {
                needed: u.needed,
                available: u.available,
                registryNumber: byId.get(u.applicationId)?.registry_number ?? '—',
                title: byId.get(u.applicationId)?.title ?? '—',
              }),
            ];
          }
          const names = plan.uncovered.map(
            (u) => byId.get(u.applicationId)?.registry_number ?? u.applicationId,
          );
          throw new AppException(
            422,
            'NOT_ENOUGH_EVALUATORS',
            `Not enough evaluators without a conflict of interest for: ${names.join(', ')}. Nothing was assigned.`,
            errors,
          );
        }

        const ids = await this.create(m, user, call, plan.assignments, 'auto');
        const added = new Map<string, number>();
        for (const a of plan.assignments) added.set(a.evaluatorId, (added.get(a.evaluatorId) ?? 0) + 1);
        const loads = pool.map((u) => ({
          evaluatorId: u.id,
          name: u.name,
          load: plan.loads[u.id] ?? 0,
          added: added.get(u.id) ?? 0,
        }));
        await this.audit.record(m, {
          action: 'call.assignments_generated',
          subjectType: 'call',
          subjectId: call.id,
          after: {
            evaluatorsPerApplication: perApplication,
            created: ids.length,
            loads: loads.map((l) => ({ evaluatorId: l.evaluatorId, load: l.load, added: l.added })),
          },
        });
        const items = ids.length
          ? await readAssignments(
              m,
              assignmentQuery(m)
                .where('s.id IN (:...ids)', { ids })
                .orderBy('a.registry_number', 'ASC')
                .addOrderBy('u.name', 'ASC')
                .addOrderBy('s.id', 'ASC'),
            )
          : [];
        return { created: ids.length, items, loads };
      });
    } catch (err) {
      return DUPLICATE_PAIR(err);
    }
  }

  /** Removes an assignment whose sheet is not submitted (a declared conflict stays for the minutes). */
  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const found = await m.getRepository(AssignmentEntity).findOneBy({ id });
      if (!found) throw AppException.notFound('assignment');
      await lockCall(m, found.callId);
      const row = await m
        .getRepository(AssignmentEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id })
        .getOne();
      if (!row) throw AppException.notFound('assignment');
      if (!isAssignmentRemovable(row.status)) {
        throw AppException.conflict(
          'INVALID_STATE',
          `An assignment is removed only before its sheet is submitted (it is ${row.status}).`,
          { status: fieldError('WRONG_STATE', { status: row.status }) },
        );
      }
      await m.delete(ScoreSheetEntity, { assignmentId: row.id });
      await m.delete(AssignmentEntity, { id: row.id });
      await this.audit.record(m, {
        action: 'assignment.removed',
        subjectType: 'assignment',
        subjectId: row.id,
        before: assignmentSnapshot(row),
      });
    });
  }

  /** Every assignment of a call, filtered, paged, with the counts per status and the coverage. */
  async listForCall(callId: string, q: CallAssignmentQuery): Promise<CallAssignmentPage> {
    const m = this.dataSource.manager;
    const call = await m.getRepository(CallEntity).findOneBy({ id: callId });
    if (!call) throw AppException.notFound('call');
    const { page, pageSize, skip } = pageParams(q);
    const qb = assignmentQuery(m).where('s.call_id = :callId', { callId });
    if (q.evaluatorId) qb.andWhere('s.evaluator_id = :evaluatorId', { evaluatorId: q.evaluatorId });
    if (q.applicationId) qb.andWhere('s.application_id = :applicationId', { applicationId: q.applicationId });
    const counts = (await qb
      .clone()
      .select('s.status', 'status')
      .addSelect('count(*)::int', 'n')
      .groupBy('s.status')
      .getRawMany()) as {
      status: AssignmentStatus;
      n: number;
    }[];
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    const [column, dir] = resolveSort(q.sort, ASSIGNMENT_SORTABLE, ['a.registry_number', 'ASC']);
    qb.orderBy(column, dir).addOrderBy('u.name', dir).addOrderBy('s.id', dir);
    const [items, total] = await Promise.all([
      readAssignments(m, qb.clone().offset(skip).limit(pageSize)),
      countRows(qb),
    ]);
    const [coverage] = (await m.query(
      `SELECT count(*)::int AS applications,
              count(*) FILTER (WHERE (SELECT count(*) FROM assignments s
                                       WHERE s.application_id = a.id AND s.status <> 'conflict_declared') < $2)::int AS uncovered
         FROM applications a WHERE a.call_id = $1 AND a.status = 'under_evaluation'`,
      [callId, call.evaluatorsPerApplication],
    )) as { applications: number; uncovered: number }[];
    const byStatus = { pending_declaration: 0, conflict_declared: 0, in_progress: 0, submitted: 0 };
    for (const c of counts) byStatus[c.status] = c.n;
    return {
      items,
      total,
      page,
      pageSize,
      summary: { byStatus, applications: coverage.applications, uncovered: coverage.uncovered },
      conflicts: await this.conflicts(m, callId, q),
    };
  }

  /**
   * The conflicts of interest of a call's applications under evaluation with the evaluators (the board marks them):
   * the same rule as assignment (`conflictingEntities`: the register lists the application's entity or one of its
   * partners), so that the board never offers a pair the API refuses. By registry number, then evaluator id.
   */
  private async conflicts(
    m: EntityManager,
    callId: string,
    q: Pick<CallAssignmentQuery, 'evaluatorId' | 'applicationId'>,
  ): Promise<AssignmentConflict[]> {
    const registers = (await m.query(
      `SELECT r.user_id, r.items FROM evaluator_interests r JOIN users u ON u.id = r.user_id
        WHERE 'evaluator' = ANY(u.roles) AND jsonb_array_length(r.items) > 0
          AND ($1::uuid IS NULL OR r.user_id = $1::uuid)
        ORDER BY r.user_id`,
      [q.evaluatorId ?? null],
    )) as { user_id: string; items: InterestItem[] }[];
    if (!registers.length) return [];
    const apps = await underEvaluation(m, callId, q.applicationId);
    const found: { applicationId: string; evaluatorId: string; entityIds: string[] }[] = [];
    for (const a of apps) {
      const subject = { entityId: a.entity_id, partnerEntityIds: uuids(a.partner_entity_ids) };
      for (const r of registers) {
        const entityIds = conflictingEntities(
          r.items.map((i) => i.entityId),
          subject,
        );
        if (entityIds.length) found.push({ applicationId: a.id, evaluatorId: r.user_id, entityIds });
      }
    }
    const names = found.length
      ? await this.entityNames(m, [...new Set(found.flatMap((f) => f.entityIds))])
      : new Map<string, string>();
    return found.map((f) => ({
      applicationId: f.applicationId,
      evaluatorId: f.evaluatorId,
      entityNames: f.entityIds.map((id) => names.get(id) ?? id),
    }));
  }

  /** The caller's assignments (an evaluator's always; an officer's all unless `mine`). */
  async list(user: AuthUser, q: AssignmentQuery): Promise<Page<AssignmentResponse>> {
    const m = this.dataSource.manager;
    const { page, pageSize, skip } = pageParams(q);
    const qb = assignmentQuery(m);
    if (!managesEvaluation(user) || q.mine) qb.andWhere('s.evaluator_id = :me', { me: user.id });
    if (q.callId) qb.andWhere('s.call_id = :callId', { callId: q.callId });
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    const [column, dir] = resolveSort(q.sort, ASSIGNMENT_SORTABLE, ['s.created_at', 'DESC']);
    qb.orderBy(column, dir).addOrderBy('s.id', dir);
    const [items, total] = await Promise.all([
      readAssignments(m, qb.clone().offset(skip).limit(pageSize)),
      countRows(qb),
    ]);
    return { items, total, page, pageSize };
  }

  /** One assignment: an evaluator's own, any for an officer; anything else 404. */
  async get(user: AuthUser, id: string): Promise<AssignmentResponse> {
    const m = this.dataSource.manager;
    const qb = assignmentQuery(m).where('s.id = :id', { id });
    if (!managesEvaluation(user)) qb.andWhere('s.evaluator_id = :me', { me: user.id });
    const [found] = await readAssignments(m, qb);
    if (!found) throw AppException.notFound('assignment');
    return found;
  }

  // -------------------------------------------------------------------------------------------------------------

  /**
   * Inserts the assignments, audits each, and e-mails every evaluator once with the list of its new ones, in its
   * language; returns the new ids in the order given.
   */
  private async create(
    m: EntityManager,
    user: AuthUser,
    call: CallEntity,
    pairs: readonly PlannedAssignment[],
    mode: 'manual' | 'auto',
  ): Promise<string[]> {
    if (!pairs.length) return [];
    const repo = m.getRepository(AssignmentEntity);
    const saved = await repo.save(
      pairs.map((p) =>
        repo.create({
          callId: call.id,
          applicationId: p.applicationId,
          evaluatorId: p.evaluatorId,
          status: 'pending_declaration',
          conflictOfInterest: null,
          declarationNote: null,
          declaredAt: null,
          submittedAt: null,
          assignedBy: user.id,
        }),
      ),
      { chunk: 200 },
    );
    for (const a of saved) {
      await this.audit.record(m, {
        action: 'assignment.created',
        subjectType: 'assignment',
        subjectId: a.id,
        after: { ...assignmentSnapshot(a), mode },
      });
    }
    const ids = saved.map((a) => a.id);
    const views = await readAssignments(
      m,
      assignmentQuery(m)
        .where('s.id IN (:...ids)', { ids })
        .orderBy('a.registry_number', 'ASC')
        .addOrderBy('s.id', 'ASC'),
    );
    const evaluators = await m
      .getRepository(UserEntity)
      .findBy([...new Set(pairs.map((p) => p.evaluatorId))].map((id) => ({ id })));
    for (const evaluator of [...evaluators].sort((a, b) => a.id.localeCompare(b.id))) {
      const mine = views.filter((v) => v.evaluatorId === evaluator.id);
      if (!mine.length) continue;
      const locale = isLocale(evaluator.locale) ? evaluator.locale : 'ca';
      await this.mail.enqueue(m, evaluator.email, locale, 'assignments_created', {
        name: evaluator.name,
        callCode: call.code,
        callTitle: call.title,
        items: mine.map((v) => ({
          registryNumber: v.application.registryNumber ?? '—',
          title: v.application.title ?? '—',
          entityName: v.application.entityName,
        })),
        link: `${this.config.publicUrl}/evaluation`,
      });
    }
    return ids;
  }

  /** Active users with the evaluator role: these ids (in no particular order), or every one. */
  private evaluators(m: EntityManager, ids?: readonly string[]): Promise<UserEntity[]> {
    const qb = m
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.active')
      .andWhere(`'evaluator' = ANY(u.roles)`)
      .orderBy('u.id', 'ASC');
    if (ids)
      qb.andWhere('u.id IN (:...ids)', { ids: ids.length ? ids : ['00000000-0000-0000-0000-000000000000'] });
    return qb.getMany();
  }

  /** The entity ids of each evaluator's register of interests. */
  private async registers(m: EntityManager, ids: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!ids.length) return out;
    const rows = await m
      .getRepository(EvaluatorInterestsEntity)
      .createQueryBuilder('r')
      .where('r.user_id IN (:...ids)', { ids })
      .getMany();
    for (const r of rows)
      out.set(
        r.userId,
        (r.items as InterestItem[]).map((i) => i.entityId),
      );
    return out;
  }

  private async entityNames(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = (await m.query(`SELECT id, legal_name FROM entities WHERE id = ANY($1::uuid[])`, [ids])) as {
      id: string;
      legal_name: string;
    }[];
    return new Map(rows.map((r) => [r.id, r.legal_name]));
  }
}
