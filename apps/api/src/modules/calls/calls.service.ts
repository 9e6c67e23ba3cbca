import { containsPattern } from '../../common/sql';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { hasPermission } from '@cofinanca/contracts';
import {
  callCompletenessErrors,
  CALL_MACHINE,
  callStatesAllowing,
  defaultCallTemplate,
  normaliseMoney,
  type CallAction,
} from '@cofinanca/domain';
import { AppException, fieldError } from '../../common/app.exception';
import { countRows, pageParams, resolveSort, type Page } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { RecipientsService } from '../workflow/recipients.service';
import { email, TransitionRunner } from '../workflow/transition-runner';
import { CallEntity } from './call.entity';
import { toCallParameters } from './call-parameters';
import {
  CALL_SUMMARY_COLUMNS,
  toCallResponse,
  type CallExportQuery,
  type CallSummaryRow,
  type CallFieldsDto,
  type CallQuery,
  type CreateCallDto,
  type ExtendCallDto,
  type UpdateCallDto,
} from './calls.dto';
import { fromCursor } from '../../common/export';

const SORTABLE = { code: 'c.code', year: 'c.year', closesAt: 'c.closes_at', createdAt: 'c.created_at' };

type Viewer = Pick<AuthUser, 'roles'>;

/** Officers see every call; everyone else only what has been published (a draft does not exist for them). */
export function seesDrafts(user: Viewer): boolean {
  return hasPermission(user.roles, 'calls.manage');
}

/** The audit view of a call. */
function snapshot(c: CallEntity): Record<string, unknown> {
  return { ...toCallResponse(c) };
}

/** The audit view of a call's window when it closes. */
export function closingSnapshot(c: CallEntity): Record<string, unknown> {
  return { status: c.status, closedAt: c.closedAt, closesAt: c.closesAt };
}

/** Whether an edit changed anything but the bookkeeping (an edit that changes nothing leaves no audit event). */
function changed(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  const content = (s: Record<string, unknown>) => JSON.stringify({ ...s, version: 0, updatedAt: '' });
  return content(before) !== content(after);
}

/** A validated DTO (class instances) as plain JSON for a jsonb column. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The template's parameters as column values. */
function templateColumns(): Partial<CallEntity> {
  const tpl = defaultCallTemplate();
  return {
    ...tpl,
    opensAt: tpl.opensAt ? new Date(tpl.opensAt) : null,
    closesAt: tpl.closesAt ? new Date(tpl.closesAt) : null,
    minimumTotalScore: String(tpl.minimumTotalScore),
    divergenceThreshold: String(tpl.divergenceThreshold),
  };
}

/** Copies every field the request carries onto the row (arrays and the rubric replace the stored ones whole). */
function applyFields(c: CallEntity, d: CallFieldsDto): void {
  const pct = (v: string) => normaliseMoney(v);
  if (d.title !== undefined) c.title = plain(d.title);
  if (d.description !== undefined) c.description = plain(d.description);
  if (d.modalities !== undefined) c.modalities = [...d.modalities];
  if (d.requiresGenderMarker !== undefined) c.requiresGenderMarker = d.requiresGenderMarker;
  if (d.budget !== undefined) c.budget = d.budget === null ? null : normaliseMoney(d.budget);
  if (d.maxAmountPerApplication !== undefined) {
    c.maxAmountPerApplication =
      d.maxAmountPerApplication === null ? null : normaliseMoney(d.maxAmountPerApplication);
  }
  if (d.maxCofinancingPercent !== undefined) c.maxCofinancingPercent = pct(d.maxCofinancingPercent);
  if (d.opensAt !== undefined) c.opensAt = d.opensAt === null ? null : new Date(d.opensAt);
  if (d.closesAt !== undefined) c.closesAt = d.closesAt === null ? null : new Date(d.closesAt);
  if (d.maxExecutionMonths !== undefined) c.maxExecutionMonths = d.maxExecutionMonths;
  if (d.advancePercent !== undefined) c.advancePercent = pct(d.advancePercent);
  if (d.justificationMonths !== undefined) c.justificationMonths = d.justificationMonths;
  if (d.correctionDays !== undefined) c.correctionDays = d.correctionDays;
  if (d.allegationDays !== undefined) c.allegationDays = d.allegationDays;
  if (d.budgetDeviationPercent !== undefined) c.budgetDeviationPercent = pct(d.budgetDeviationPercent);
  if (d.minimumTotalScore !== undefined) c.minimumTotalScore = d.minimumTotalScore.toFixed(2);
  if (d.divergenceThreshold !== undefined) c.divergenceThreshold = d.divergenceThreshold.toFixed(2);
  if (d.allocationMethod !== undefined) c.allocationMethod = d.allocationMethod;
  if (d.minPartialAwardPercent !== undefined) c.minPartialAwardPercent = pct(d.minPartialAwardPercent);
  if (d.scoreBands !== undefined) {
    c.scoreBands =
      d.scoreBands === null
        ? null
        : d.scoreBands.map((b) => ({ minScore: b.minScore, percent: pct(b.percent) }));
  }
  if (d.rubric !== undefined) {
    c.rubric = {
      blocks: d.rubric.blocks.map((b) => ({
        code: b.code,
        name: plain(b.name),
        minPoints: b.minPoints ?? null,
        tieBreakOrder: b.tieBreakOrder ?? null,
        criteria: b.criteria.map((k) => ({
          code: k.code,
          name: plain(k.name),
          guidance: k.guidance ?? null,
          maxPoints: k.maxPoints,
        })),
      })),
    };
  }
  if (d.evaluatorsPerApplication !== undefined) c.evaluatorsPerApplication = d.evaluatorsPerApplication;
  if (d.consensusRequired !== undefined) c.consensusRequired = d.consensusRequired;
  if (d.requiredDocuments !== undefined) {
    c.requiredDocuments = d.requiredDocuments.map((r) => ({
      code: r.code,
      name: plain(r.name),
      required: r.required,
    }));
  }
}

/** The window must open before it closes (also when a PATCH moves only one end). */
function assertWindowInOrder(c: CallEntity): void {
  if (c.opensAt && c.closesAt && c.opensAt.getTime() >= c.closesAt.getTime()) {
    throw AppException.validation({
      closesAt: fieldError('MUST_BE_AFTER', { min: c.opensAt.toISOString() }),
    });
  }
}

function duplicateCode(): AppException {
  return AppException.conflict('DUPLICATE', 'A call with this code exists already.', {
    code: fieldError('TAKEN'),
  });
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof QueryFailedError && (err as QueryFailedError & { code?: string }).code === '23505';
}

export function invalidCallState(c: CallEntity, action: CallAction, message: string): AppException {
  return new AppException(409, 'INVALID_STATE', `${message} (the call is ${c.status}).`, {
    status: fieldError('WRONG_STATE', { status: c.status, allowed: callStatesAllowing(action).join(', ') }),
  });
}

@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly runner: TransitionRunner,
    private readonly recipients: RecipientsService,
  ) {}

  private query(q: CallExportQuery, user: Viewer) {
    const qb = this.dataSource.getRepository(CallEntity).createQueryBuilder('c');
    if (!seesDrafts(user)) qb.andWhere(`c.status <> 'draft'`);
    if (q.year !== undefined) qb.andWhere('c.year = :year', { year: q.year });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.q) {
      qb.andWhere(
        `(c.code ILIKE :q OR c.title->>'ca' ILIKE :q OR c.title->>'es' ILIKE :q OR c.title->>'en' ILIKE :q)`,
        { q: containsPattern(q.q) },
      );
    }
    // The id breaks ties in the same direction, so that one index (column, id) serves the order both ways.
    const [column, dir] = resolveSort(q.sort, SORTABLE, ['c.created_at', 'DESC']);
    return qb.orderBy(column, dir).addOrderBy('c.id', dir);
  }

  /** A page of summaries: only the summary's columns are read (never the rubric or the long texts). */
  async list(q: CallQuery, user: Viewer): Promise<Page<CallSummaryRow>> {
    const { page, pageSize, skip } = pageParams(q);
    const qb = this.query(q, user).select(CALL_SUMMARY_COLUMNS.map((c) => `c.${c}`));
    const [items, total] = await Promise.all([
      qb.clone().offset(skip).limit(pageSize).getMany(),
      countRows(qb),
    ]);
    return { items, total, page, pageSize };
  }

  /** Everything that matches, from one cursor (exports). */
  rows(q: CallExportQuery, user: Viewer): AsyncGenerator<CallSummaryRow[]> {
    return fromCursor(this.query(q, user).select(CALL_SUMMARY_COLUMNS.map((c) => `c.${c}`)));
  }

  /** One call; a draft answers 404 to whoever may not see drafts. */
  async get(id: string, user: Viewer): Promise<CallEntity> {
    const call = await this.dataSource.getRepository(CallEntity).findOneBy({ id });
    if (!call || (call.status === 'draft' && !seesDrafts(user))) throw AppException.notFound('call');
    return call;
  }

  /** A new draft: every parameter not given comes from the template. */
  async create(dto: CreateCallDto): Promise<CallEntity> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const repo = m.getRepository(CallEntity);
        if (await repo.existsBy({ code: dto.code })) throw duplicateCode();
        const call = repo.create({
          ...templateColumns(),
          code: dto.code,
          year: dto.year,
          status: CALL_MACHINE.initial,
          publishedAt: null,
          closedAt: null,
        });
        applyFields(call, dto);
        assertWindowInOrder(call);
        const saved = await repo.save(call);
        await this.audit.record(m, {
          action: 'call.created',
          subjectType: 'call',
          subjectId: saved.id,
          after: snapshot(saved),
        });
        return saved;
      });
    } catch (err) {
      // Two officers creating the same code at once: the unique index decides.
      if (isUniqueViolation(err)) throw duplicateCode();
      throw err;
    }
  }

  /** Edits a draft (arrays replace the stored ones whole). */
  async update(id: string, dto: UpdateCallDto): Promise<CallEntity> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const call = await this.lock(m, id);
        if (!CALL_MACHINE.isEditable(call.status, 'content')) {
          throw invalidCallState(call, 'edit', 'Only a draft call can be edited');
        }
        if (call.version !== dto.version) throw AppException.staleVersion();
        const before = snapshot(call);
        if (dto.code !== undefined && dto.code !== call.code) {
          if (await m.getRepository(CallEntity).existsBy({ code: dto.code })) throw duplicateCode();
          call.code = dto.code;
        }
        if (dto.year !== undefined) call.year = dto.year;
        applyFields(call, dto);
        assertWindowInOrder(call);
        const saved = await m.getRepository(CallEntity).save(call);
        const after = snapshot(saved);
        if (changed(before, after)) {
          await this.audit.record(m, {
            action: 'call.updated',
            subjectType: 'call',
            subjectId: id,
            before,
            after,
          });
        }
        return saved;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateCode();
      throw err;
    }
  }

  /** Checks the whole call; a complete one becomes visible to everyone and its rules freeze. */
  async publish(id: string): Promise<CallEntity> {
    return this.runner.run({
      ...this.transition(id, 'publish', 'Only a draft call can be published'),
      prepare: (_m, call) => {
        const now = new Date();
        const errors = callCompletenessErrors(toCallParameters(call));
        if (call.closesAt && call.closesAt.getTime() <= now.getTime() && !errors['closesAt']) {
          errors['closesAt'] = fieldError('IN_THE_PAST');
        }
        if (Object.keys(errors).length > 0) {
          throw new AppException(
            422,
            'CALL_INCOMPLETE',
            'The call is not complete; it was not published.',
            errors,
          );
        }
        return { now, closesAt: call.closesAt };
      },
      apply: (_m, call, { now }) => {
        call.publishedAt = now;
      },
      audit: {
        action: 'call.published',
        subjectType: 'call',
        subjectId: (call) => call.id,
        before: (call) => ({ status: call.status, publishedAt: null }),
        after: (saved) => snapshot(saved),
      },
    });
  }

  /** An officer closes the window now (the system does it at closesAt: CallClosingService). */
  async close(id: string): Promise<CallEntity> {
    return this.runner.run({
      ...this.transition(id, 'close', 'Only a published call can be closed'),
      apply: (_m, call) => {
        call.closedAt = new Date();
      },
      audit: {
        action: 'call.closed',
        subjectType: 'call',
        subjectId: (call) => call.id,
        before: closingSnapshot,
        after: (saved) => closingSnapshot(saved),
      },
    });
  }

  /**
   * Moves the deadline of an open, published call later, with a reason; the users of every entity with a draft
   * in the call are told, each in their language.
   */
  async extend(id: string, dto: ExtendCallDto): Promise<CallEntity> {
    const message = (call: CallEntity) =>
      call.status === 'published'
        ? 'The deadline has passed already; a closed window is not reopened'
        : 'Only the deadline of a published call can be extended';
    return this.runner.run({
      ...this.transition(id, 'extend', message),
      prepare: (_m, call) => ({ now: new Date(), closesAt: call.closesAt }),
      apply: (_m, call) => {
        const closesAt = new Date(dto.closesAt);
        const current = call.closesAt as Date;
        if (closesAt.getTime() <= current.getTime()) {
          throw AppException.validation({
            closesAt: fieldError('MUST_BE_AFTER', { min: current.toISOString() }),
          });
        }
        call.closesAt = closesAt;
      },
      audit: {
        action: 'call.extended',
        subjectType: 'call',
        subjectId: (call) => call.id,
        before: (call) => ({ closesAt: call.closesAt?.toISOString() ?? null }),
        after: (saved) => ({ closesAt: (saved.closesAt as Date).toISOString(), reason: dto.reason }),
      },
      emails: async (m, saved) =>
        (await this.recipients.entityMembersWithApplications(m, saved.id, 'draft')).map((u) =>
          email(u, 'call_extended', {
            name: u.name,
            code: saved.code,
            title: saved.title,
            closesAt: (saved.closesAt as Date).toISOString(),
            reason: dto.reason,
            link: `${this.config.publicUrl}/open-calls/${saved.id}`,
          }),
        ),
    });
  }

  /** What every call transition shares: the locked row, 409 INVALID_STATE, the saved call as the answer. */
  private transition(id: string, action: CallAction, message: string | ((call: CallEntity) => string)) {
    return {
      machine: CALL_MACHINE,
      action,
      lock: (m: EntityManager) => this.lock(m, id),
      invalidState: (_refusal: unknown, call: CallEntity) =>
        invalidCallState(call, action, typeof message === 'string' ? message : message(call)),
      save: (m: EntityManager, call: CallEntity) => m.getRepository(CallEntity).save(call),
      answer: (_m: EntityManager, saved: CallEntity) => saved,
    };
  }

  private async lock(m: EntityManager, id: string): Promise<CallEntity> {
    const call = await m
      .getRepository(CallEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
    if (!call) throw AppException.notFound('call');
    return call;
  }
}
