import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  evaluatorStats,
  formatMoney,
  normaliseSheet,
  parseMoney,
  rankApplications,
  scoreBandIssues,
  scoreInputErrors,
  sheetTotal,
  simulateAllocation,
  type Ranking,
  type RankingChange,
  type RankingItem,
  type SimulationOverrides,
} from '@cofinanca/domain';
import { hasPermission } from '@cofinanca/contracts';
import { AppException, fieldError } from '../../common/app.exception';
import type { AuthUser } from '../../common/request-context';
import { ApplicationEntity } from '../applications/application.entity';
import { isOwnEntity } from '../applications/application-access';
import { APPLICATION_SUBJECT } from '../applications/use-cases/admissibility-support';
import { AuditService } from '../audit/audit.service';
import { CallEntity } from '../calls/call.entity';
import { UserEntity } from '../users/user.entity';
import { ConsensusEntity } from './consensus.entity';
import {
  aggregateLoaded,
  callAllocation,
  evaluatorNames,
  loadCallEvaluation,
  submittedSheets,
  toCandidate,
  type LoadedApplication,
  type LoadedSheet,
} from './evaluation-data';
import { managesEvaluation } from './evaluation-access';
import { declarationRequired } from './score-sheets.service';
import type {
  ApplicationEvaluationResponse,
  ConsensusDto,
  EvaluatorStatsResponse,
  RankingItemResponse,
  RankingResponse,
  SimulateDto,
  SimulationResponse,
} from './scoring.dto';

/** Call states in which the ranking and the NGO's own scores are public: from the provisional resolution on. */
const RESOLVED_CALL_STATES = ['provisionally_resolved', 'resolved', 'archived'];

const notYet = (what: string, status: string) =>
  AppException.conflict('INVALID_STATE', `${what} (the call is ${status}).`, {
    status: fieldError('WRONG_STATE', { status, allowed: RESOLVED_CALL_STATES.join(', ') }),
  });

/** A ranking row for the API: money as decimal strings, with what people read it by. */
function toItem(item: RankingItem, app: LoadedApplication | undefined): RankingItemResponse {
  return {
    rank: item.rank,
    applicationId: item.applicationId,
    registryNumber: app?.registryNumber ?? null,
    entityName: app?.entityName ?? '',
    title: app?.title ?? null,
    total: item.total,
    blocks: item.blocks,
    fundable: item.fundable,
    reasons: item.reasons,
    eligibleAmount: formatMoney(item.eligibleAmount),
    bandPercent: item.bandPercent,
    award: item.award === null ? null : formatMoney(item.award),
    outcome: item.outcome,
    partial: item.partial,
    divergent: item.divergent,
    consensus: item.consensus,
    evaluated: item.evaluated,
  };
}

function toRanking(callId: string, r: Ranking, byId: Map<string, LoadedApplication>): RankingResponse {
  return {
    callId,
    allocationMethod: r.allocationMethod,
    budget: formatMoney(r.budget),
    allocated: formatMoney(r.allocated),
    remaining: formatMoney(r.remaining),
    complete: r.complete,
    items: r.items.map((i) => toItem(i, byId.get(i.applicationId))),
  };
}

const summary = (s: RankingChange['before']) =>
  s && {
    rank: s.rank,
    outcome: s.outcome,
    award: s.award === null ? null : formatMoney(s.award),
    partial: s.partial,
  };

/**
 * The evaluation of an application (with its access rules), the officers' consensus, the severity table, the live
 * ranking with its allocation and the simulator. Each reads a call's applications and submitted sheets in two queries
 * (`loadCallEvaluation`) and ranks them with the pure rules of libs/domain; the simulator stores nothing.
 */
@Injectable()
export class RankingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // -------------------------------------------------------------------------------------------------------------
  // The evaluation of one application

  /**
   * Officers: everything, with the evaluators' names. An evaluator of the application: after submitting its own
   * sheet, the others' submitted sheets without names (before: 409; before declaring: 403 DECLARATION_REQUIRED;
   * after declaring a conflict, or not assigned: 404). Its entity: once the call is provisionally resolved, without
   * names. Anyone else 404.
   */
  async evaluation(user: AuthUser, id: string): Promise<ApplicationEvaluationResponse> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const app = await m.getRepository(ApplicationEntity).findOneBy({ id });
      if (!app) throw AppException.notFound('application');
      const call = await m.getRepository(CallEntity).findOneByOrFail({ id: app.callId });
      const officer = managesEvaluation(user);
      if (!officer) {
        if (isOwnEntity(user, app)) {
          if (!RESOLVED_CALL_STATES.includes(call.status)) {
            throw notYet('Scores are shown once the call is provisionally resolved', call.status);
          }
        } else if (hasPermission(user.roles, 'evaluations.score')) {
          const [mine] = (await m.query(
            `SELECT status FROM assignments WHERE application_id = $1 AND evaluator_id = $2`,
            [id, user.id],
          )) as { status: string }[];
          if (!mine || mine.status === 'conflict_declared') throw AppException.notFound('application');
          if (mine.status === 'pending_declaration') throw declarationRequired();
          if (mine.status !== 'submitted') {
            throw AppException.conflict(
              'INVALID_STATE',
              'The other evaluations are shown once your own sheet is submitted.',
              { status: fieldError('WRONG_STATE', { status: mine.status, allowed: 'submitted' }) },
            );
          }
        } else {
          throw AppException.notFound('application');
        }
      }
      return this.view(m, app, call, officer, officer ? undefined : user.id);
    });
  }

  private async view(
    m: EntityManager,
    app: ApplicationEntity,
    call: CallEntity,
    officer: boolean,
    /** The caller when it is not an officer: an evaluator's own sheet is marked `own` (it knows it anyway). */
    viewer?: string,
  ): Promise<ApplicationEvaluationResponse> {
    const rows = (await m.query(
      `SELECT s.id, s.evaluator_id, u.name AS evaluator_name, s.status, s.submitted_at,
              CASE WHEN s.status = 'submitted' THEN sh.scores END AS scores
         FROM assignments s JOIN users u ON u.id = s.evaluator_id
         LEFT JOIN score_sheets sh ON sh.assignment_id = s.id
        WHERE s.application_id = $1 ORDER BY s.submitted_at NULLS LAST, s.id`,
      [app.id],
    )) as {
      id: string;
      evaluator_id: string;
      evaluator_name: string;
      status: LoadedSheet['status'];
      submitted_at: Date | null;
      scores: LoadedSheet['scores'];
    }[];
    const assignments: LoadedSheet[] = rows.map((r) => ({
      assignmentId: r.id,
      evaluatorId: r.evaluator_id,
      evaluatorName: r.evaluator_name,
      status: r.status,
      submittedAt: r.submitted_at,
      scores: r.scores,
    }));
    const consensus = await m.getRepository(ConsensusEntity).findOneBy({ applicationId: app.id });
    const { aggregation } = aggregateLoaded(call, assignments, consensus?.scores ?? null);
    let consensusView: ApplicationEvaluationResponse['consensus'];
    if (consensus) {
      const decider = officer
        ? await m.getRepository(UserEntity).findOneBy({ id: consensus.decidedBy })
        : null;
      consensusView = {
        scores: consensus.scores,
        rationale: consensus.rationale,
        ...(officer ? { by: consensus.decidedBy, byName: decider?.name ?? '' } : {}),
        at: consensus.decidedAt.toISOString(),
      };
    }
    return {
      applicationId: app.id,
      status: app.status,
      assigned: assignments.filter((a) => a.status !== 'conflict_declared').length,
      submitted: aggregation.submitted,
      criteria: aggregation.criteria,
      blocks: aggregation.blocks,
      total: aggregation.total,
      spread: aggregation.spread,
      divergent: aggregation.divergent,
      ...(consensusView ? { consensus: consensusView } : {}),
      fundable: aggregation.fundable,
      reasons: aggregation.reasons,
      sheets: submittedSheets(assignments).map((s) => {
        const scores = normaliseSheet(call.rubric, s.scores ?? []);
        return {
          ...(officer ? { evaluatorId: s.evaluatorId, evaluatorName: s.evaluatorName } : {}),
          ...(!officer && viewer && s.evaluatorId === viewer ? { own: true } : {}),
          total: sheetTotal(scores),
          scores,
          submittedAt: s.submittedAt ? new Date(s.submittedAt).toISOString() : null,
        };
      }),
    };
  }

  /** An officer records the consensus of an evaluated application: it replaces the means; audited. */
  async consensus(user: AuthUser, id: string, dto: ConsensusDto): Promise<ApplicationEvaluationResponse> {
    return this.dataSource.transaction(async (m) => {
      const app = await m
        .getRepository(ApplicationEntity)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id = :id', { id })
        .getOne();
      if (!app) throw AppException.notFound('application');
      const call = await m.getRepository(CallEntity).findOneByOrFail({ id: app.callId });
      if (app.status !== 'evaluated') {
        throw AppException.conflict(
          'INVALID_STATE',
          `A consensus is recorded for an evaluated application (it is ${app.status}).`,
          { status: fieldError('WRONG_STATE', { status: app.status, allowed: 'evaluated' }) },
        );
      }
      const errors = scoreInputErrors(call.rubric, dto.scores, { requireAll: true });
      if (Object.keys(errors).length) throw AppException.validation(errors);
      const repo = m.getRepository(ConsensusEntity);
      const before = await repo.findOneBy({ applicationId: app.id });
      const scores = normaliseSheet(call.rubric, dto.scores).map((s) => ({
        criterionCode: s.criterionCode,
        points: s.points as number,
      }));
      const row = before ?? repo.create({ applicationId: app.id });
      const previous = before ? { scores: before.scores, rationale: before.rationale } : undefined;
      row.scores = scores;
      row.rationale = dto.rationale;
      row.decidedBy = user.id;
      row.decidedAt = new Date();
      await repo.save(row);
      await this.audit.record(m, {
        action: 'application.consensus_recorded',
        subjectType: APPLICATION_SUBJECT,
        subjectId: app.id,
        ...(previous ? { before: previous } : {}),
        after: { scores, rationale: dto.rationale, total: sheetTotal(scores) },
      });
      return this.view(m, app, call, true);
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // A call's figures

  /** The call (404 when missing, and a draft for those who do not manage calls, as GET /calls/:id). */
  private async callFor(m: EntityManager, id: string, user?: AuthUser): Promise<CallEntity> {
    const call = await m.getRepository(CallEntity).findOneBy({ id });
    if (!call || (user && call.status === 'draft' && !hasPermission(user.roles, 'calls.manage'))) {
      throw AppException.notFound('call');
    }
    return call;
  }

  /** Officers: each evaluator's severity in the call (every evaluator assigned in it, by name). */
  async evaluatorStats(id: string): Promise<EvaluatorStatsResponse> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const call = await this.callFor(m, id);
      const [apps, names] = [await loadCallEvaluation(m, call), await evaluatorNames(m, call.id)];
      const ids = [...names.keys()].sort(
        (a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? '') || a.localeCompare(b),
      );
      const stats = evaluatorStats(
        apps.map((a) => ({
          applicationId: a.id,
          divergent: a.aggregation.divergent,
          sheets: a.sheetTotals,
        })),
        ids,
      );
      return {
        callId: call.id,
        items: stats.map((s) => ({ ...s, name: names.get(s.evaluatorId) ?? '' })),
      };
    });
  }

  /** The live ranking (officers; others once the call is provisionally resolved). */
  async ranking(user: AuthUser, id: string): Promise<RankingResponse> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const call = await this.callFor(m, id, user);
      if (!managesEvaluation(user) && !RESOLVED_CALL_STATES.includes(call.status)) {
        throw notYet('The ranking is public once the call is provisionally resolved', call.status);
      }
      return this.rankingIn(m, call);
    });
  }

  /** The live ranking of a call, read with `m` (the committee freezes it in the transaction of its approval). */
  async rankingIn(m: EntityManager, call: CallEntity): Promise<RankingResponse> {
    const apps = await loadCallEvaluation(m, call);
    const ranking = rankApplications(apps.map(toCandidate), callAllocation(call));
    return toRanking(call.id, ranking, new Map(apps.map((a) => [a.id, a])));
  }

  /** The ranking under other parameters, with its changes against the current one; stores nothing. */
  async simulate(id: string, dto: SimulateDto): Promise<SimulationResponse> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const call = await this.callFor(m, id);
      const current = callAllocation(call);
      const overrides: SimulationOverrides = {
        budget: dto.budget === undefined ? undefined : parseMoney(dto.budget),
        allocationMethod: dto.allocationMethod,
        scoreBands: dto.scoreBands,
        minPartialAwardPercent: dto.minPartialAwardPercent,
        minimumTotalScore: dto.minimumTotalScore,
      };
      const method = dto.allocationMethod ?? current.allocationMethod;
      const bands = dto.scoreBands ?? current.scoreBands;
      // The bands follow the call's own rules (libs/domain), those of its publication: a simulation with two bands
      // of the same minimum, or one at 0 %, would show a ranking no call could have.
      if (method === 'score_bands') {
        const issues = scoreBandIssues(bands);
        if (Object.keys(issues).length > 0) throw AppException.validation(issues);
      }
      const apps = await loadCallEvaluation(m, call);
      const byId = new Map(apps.map((a) => [a.id, a]));
      const simulation = simulateAllocation(apps.map(toCandidate), current, overrides);
      return {
        ...toRanking(call.id, simulation, byId),
        changes: simulation.changes.map((c) => ({
          applicationId: c.applicationId,
          registryNumber: byId.get(c.applicationId)?.registryNumber ?? null,
          entityName: byId.get(c.applicationId)?.entityName ?? '',
          before: summary(c.before),
          after: summary(c.after),
        })),
      };
    });
  }
}
