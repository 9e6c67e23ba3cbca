import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  APPLICATION_MACHINE,
  ASSIGNMENT_MACHINE,
  isEvaluated,
  normaliseSheet,
  scoreInputErrors,
  sheetCompletenessErrors,
  scoreSheetsChangeable,
  sheetTotal,
  type AssignmentAction,
  type AssignmentStatus,
} from '@cofinanca/domain';
import { isLocale } from '@cofinanca/contracts';
import { AppException, fieldError } from '../../common/app.exception';
import type { AuthUser } from '../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ApplicationEntity } from '../applications/application.entity';
import {
  APPLICATION_SUBJECT,
  invalidApplicationState,
  stateSnapshot,
} from '../applications/use-cases/admissibility-support';
import { CallEntity } from '../calls/call.entity';
import { UserEntity } from '../users/user.entity';
import { RecipientsService } from '../workflow/recipients.service';
import { email, TransitionRunner, type AnyEmail } from '../workflow/transition-runner';
import { AssignmentEntity } from './assignment.entity';
import { assignmentQuery, readAssignments } from './assignment-views';
import { managesEvaluation } from './evaluation-access';
import type { AssignmentResponse } from './evaluation.dto';
import { ScoreSheetEntity } from './score-sheet.entity';
import type { DeclarationDto, ScoreSheetResponse, UpdateScoresDto } from './scoring.dto';

const ASSIGNMENT_SUBJECT = 'assignment';

/** The error of an assignment action its state does not allow. */
function invalidAssignmentState(row: AssignmentEntity, action: AssignmentAction): AppException {
  const allowed = ASSIGNMENT_MACHINE.statesAllowing(action);
  return AppException.conflict(
    'INVALID_STATE',
    `This is not possible while the assignment is ${row.status} (only ${allowed.join(', ')}).`,
    { status: fieldError('WRONG_STATE', { status: row.status, allowed: allowed.join(', ') }) },
  );
}

/** 403 DECLARATION_REQUIRED: an evaluator opening an assigned application before declaring on conflicts. */
export function declarationRequired(): AppException {
  return new AppException(
    403,
    'DECLARATION_REQUIRED',
    'Declare whether you have a conflict of interest with this application before opening it.',
  );
}

/** Sheets are written, submitted and reopened while the call is being evaluated (`scoreSheetsChangeable`). */
function assertCallEvaluating(call: CallEntity): void {
  if (!scoreSheetsChangeable(call.status)) {
    throw AppException.conflict(
      'INVALID_STATE',
      `Score sheets change while the call is evaluating (it is ${call.status}).`,
      { status: fieldError('WRONG_STATE', { status: call.status, allowed: 'evaluating' }) },
    );
  }
}

/** The audit view of an assignment. */
const snapshot = (a: AssignmentEntity) => ({
  applicationId: a.applicationId,
  evaluatorId: a.evaluatorId,
  status: a.status,
});

/** The sheet as the API answers it (every rubric criterion, in rubric order). */
export function toSheetResponse(
  call: CallEntity,
  assignment: AssignmentEntity,
  sheet: ScoreSheetEntity | null,
): ScoreSheetResponse {
  const scores = normaliseSheet(call.rubric, sheet?.scores ?? []);
  return {
    assignmentId: assignment.id,
    status: assignment.status,
    scores,
    total: sheetTotal(scores),
    submittedAt: assignment.submittedAt?.toISOString() ?? null,
    updatedAt: sheet?.updatedAt.toISOString() ?? null,
    version: sheet?.version ?? 0,
  };
}

/**
 * An evaluator's work on one assignment: the declaration on conflicts, the draft sheet (saved on every change with
 * `version`), its submission (and with the last required sheet, the application `evaluated` in the same
 * transaction) and an officer's reopening. Locks: the application's row first, then the assignment's, so two
 * evaluators submitting the last two sheets take turns and the second sees the first.
 */
@Injectable()
export class ScoreSheetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: TransitionRunner,
    private readonly recipients: RecipientsService,
  ) {}

  /**
   * The assignment as this user may reach it: an officer any; an evaluator its own, unless it declared a conflict
   * (it then lost all access: 404, as for another's). `lock` takes the application's row lock, then the
   * assignment's.
   */
  private async reach(
    m: EntityManager,
    user: AuthUser,
    id: string,
    opts: { lock?: boolean; own?: boolean } = {},
  ): Promise<{ assignment: AssignmentEntity; app: ApplicationEntity; call: CallEntity }> {
    const repo = m.getRepository(AssignmentEntity);
    const found = await repo.findOneBy({ id });
    const mine = found?.evaluatorId === user.id;
    const officer = managesEvaluation(user) && !opts.own;
    if (!found || (!mine && !officer) || (!officer && found.status === 'conflict_declared')) {
      throw AppException.notFound('assignment');
    }
    const appQb = m.getRepository(ApplicationEntity).createQueryBuilder('a').where('a.id = :id', {
      id: found.applicationId,
    });
    if (opts.lock) appQb.setLock('pessimistic_write');
    const app = await appQb.getOneOrFail();
    let assignment = found;
    if (opts.lock) {
      assignment = await repo
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id })
        .getOneOrFail();
    }
    const call = await m.getRepository(CallEntity).findOneByOrFail({ id: assignment.callId });
    return { assignment, app, call };
  }

  private sheetOf(m: EntityManager, assignmentId: string, lock = false): Promise<ScoreSheetEntity | null> {
    const qb = m
      .getRepository(ScoreSheetEntity)
      .createQueryBuilder('sh')
      .where('sh.assignment_id = :assignmentId', { assignmentId });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Declaration

  /** Its evaluator declares, once: no conflict → in_progress (and an empty sheet); conflict → conflict_declared. */
  async declare(user: AuthUser, id: string, dto: DeclarationDto): Promise<AssignmentResponse> {
    return this.dataSource.transaction(async (m) => {
      const { app, call } = await this.reach(m, user, id, { lock: true, own: true });
      const action: AssignmentAction = dto.conflictOfInterest ? 'declare_conflict' : 'declare_no_conflict';
      await this.runner.run(
        {
          machine: ASSIGNMENT_MACHINE,
          action,
          lock: () => m.getRepository(AssignmentEntity).findOneByOrFail({ id }),
          invalidState: (_r, row) => invalidAssignmentState(row, action),
          prepare: () => assertCallEvaluating(call),
          apply: (_m, row) => {
            row.conflictOfInterest = dto.conflictOfInterest;
            row.declarationNote = dto.note ?? null;
            row.declaredAt = new Date();
          },
          save: async (mm, row) => {
            const saved = await mm.getRepository(AssignmentEntity).save(row);
            if (!dto.conflictOfInterest) {
              await mm.getRepository(ScoreSheetEntity).save(
                mm.getRepository(ScoreSheetEntity).create({
                  assignmentId: row.id,
                  scores: normaliseSheet(call.rubric, []),
                }),
              );
            }
            return saved;
          },
          audit: {
            action: 'assignment.declared',
            subjectType: ASSIGNMENT_SUBJECT,
            subjectId: (row) => row.id,
            before: snapshot,
            after: (saved) => ({
              ...snapshot(saved),
              conflictOfInterest: saved.conflictOfInterest,
              note: saved.declarationNote,
            }),
          },
          emails: async (mm, saved) => {
            if (!dto.conflictOfInterest) return [];
            const evaluator = await mm.getRepository(UserEntity).findOneByOrFail({ id: saved.evaluatorId });
            const officers = await this.recipients.officers(mm);
            return officers.map((o): AnyEmail =>
              email({ email: o.email, locale: o.locale }, 'conflict_declared', {
                name: o.name,
                evaluatorName: evaluator.name,
                callCode: call.code,
                registryNumber: app.registryNumber ?? '—',
                title: app.title ?? '—',
                link: `${this.config.publicUrl}/`,
              }),
            );
          },
          answer: () => undefined,
        },
        m,
      );
      const [view] = await readAssignments(m, assignmentQuery(m).where('s.id = :id', { id }));
      return view;
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // The sheet

  /** The sheet: its evaluator's (after the declaration), any for an officer. */
  async get(user: AuthUser, id: string): Promise<ScoreSheetResponse> {
    const m = this.dataSource.manager;
    const { assignment, call } = await this.reach(m, user, id);
    const own = assignment.evaluatorId === user.id;
    if (own && assignment.status === 'pending_declaration') throw declarationRequired();
    return toSheetResponse(call, assignment, await this.sheetOf(m, assignment.id));
  }

  /**
   * Saves the whole draft (its evaluator, while in_progress). A stale `version` → 409 STALE_VERSION with the current
   * sheet in the problem (`current`), so the client can rebase what it had typed.
   */
  async put(user: AuthUser, id: string, dto: UpdateScoresDto): Promise<ScoreSheetResponse> {
    return this.dataSource.transaction(async (m) => {
      const { assignment, call } = await this.reach(m, user, id, { lock: true, own: true });
      if (assignment.status === 'pending_declaration') throw declarationRequired();
      if (assignment.status !== 'in_progress') {
        throw AppException.conflict(
          'INVALID_STATE',
          `The sheet is locked once submitted (it is ${assignment.status}).`,
          { status: fieldError('WRONG_STATE', { status: assignment.status, allowed: 'in_progress' }) },
        );
      }
      assertCallEvaluating(call);
      const errors = scoreInputErrors(call.rubric, dto.scores, { allowNull: true });
      if (Object.keys(errors).length) throw AppException.validation(errors);
      const sheet =
        (await this.sheetOf(m, assignment.id, true)) ??
        m.getRepository(ScoreSheetEntity).create({ assignmentId: assignment.id, scores: [], version: 0 });
      if ((sheet.version ?? 0) !== dto.version) {
        throw AppException.staleVersion().with({ current: toSheetResponse(call, assignment, sheet) });
      }
      sheet.scores = normaliseSheet(call.rubric, dto.scores);
      const saved = await m.getRepository(ScoreSheetEntity).save(sheet);
      return toSheetResponse(call, assignment, saved);
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Submission and reopening

  /**
   * Its evaluator submits: every criterion needs points and a comment (422 SCORES_INCOMPLETE naming each); the
   * sheet is then locked. With the last sheet the application needs, it goes `evaluated` in the same transaction.
   */
  async submit(user: AuthUser, id: string): Promise<ScoreSheetResponse> {
    return this.dataSource.transaction(async (m) => {
      const { assignment, app, call } = await this.reach(m, user, id, { lock: true, own: true });
      if (assignment.status === 'pending_declaration') throw declarationRequired();
      const sheet = await this.sheetOf(m, assignment.id, true);
      const saved = await this.runner.run(
        {
          machine: ASSIGNMENT_MACHINE,
          action: 'submit',
          lock: () => Promise.resolve(assignment),
          invalidState: (_r, row) => invalidAssignmentState(row, 'submit'),
          prepare: () => {
            assertCallEvaluating(call);
            const errors = sheetCompletenessErrors(call.rubric, sheet?.scores ?? []);
            if (Object.keys(errors).length) {
              throw new AppException(
                422,
                'SCORES_INCOMPLETE',
                'Every criterion needs its points and a written rationale before the sheet is submitted.',
                errors,
              );
            }
          },
          apply: (_m, row) => {
            row.submittedAt = new Date();
          },
          save: (mm, row) => mm.getRepository(AssignmentEntity).save(row),
          audit: {
            action: 'assignment.submitted',
            subjectType: ASSIGNMENT_SUBJECT,
            subjectId: (row) => row.id,
            before: snapshot,
            after: (row) => ({ ...snapshot(row), total: sheetTotal(sheet?.scores ?? []) }),
          },
          answer: (_m, row) => row,
        },
        m,
      );
      await this.settleApplication(m, app, call);
      return toSheetResponse(call, saved, sheet);
    });
  }

  /** An officer reopens a submitted sheet, with a reason, while the call is evaluating; the evaluator is told. */
  async reopen(user: AuthUser, id: string, reason: string): Promise<ScoreSheetResponse> {
    return this.dataSource.transaction(async (m) => {
      const { assignment, app, call } = await this.reach(m, user, id, { lock: true });
      const sheet = await this.sheetOf(m, assignment.id);
      const saved = await this.runner.run(
        {
          machine: ASSIGNMENT_MACHINE,
          action: 'reopen',
          lock: () => Promise.resolve(assignment),
          invalidState: (_r, row) => invalidAssignmentState(row, 'reopen'),
          prepare: () => assertCallEvaluating(call),
          apply: (_m, row) => {
            row.submittedAt = null;
          },
          save: (mm, row) => mm.getRepository(AssignmentEntity).save(row),
          audit: {
            action: 'assignment.reopened',
            subjectType: ASSIGNMENT_SUBJECT,
            subjectId: (row) => row.id,
            before: snapshot,
            after: (row) => ({ ...snapshot(row), reason }),
          },
          emails: async (mm, row) => {
            const evaluator = await mm.getRepository(UserEntity).findOneByOrFail({ id: row.evaluatorId });
            return [
              email(
                { email: evaluator.email, locale: isLocale(evaluator.locale) ? evaluator.locale : 'ca' },
                'sheet_reopened',
                {
                  name: evaluator.name,
                  callCode: call.code,
                  registryNumber: app.registryNumber ?? '—',
                  title: app.title ?? '—',
                  reason,
                  link: `${this.config.publicUrl}/`,
                },
              ),
            ];
          },
          answer: (_m, row) => row,
        },
        m,
      );
      await this.settleApplication(m, app, call);
      return toSheetResponse(call, saved, sheet);
    });
  }

  /**
   * The application's state after a sheet changed (its row is locked): `under_evaluation → evaluated` when every
   * assignment not declined is submitted and there are enough (`isEvaluated`), `evaluated → under_evaluation` when
   * that no longer holds; each through the application machine, audited, in the caller's transaction.
   */
  private async settleApplication(m: EntityManager, app: ApplicationEntity, call: CallEntity): Promise<void> {
    const rows = (await m.query(`SELECT status FROM assignments WHERE application_id = $1`, [app.id])) as {
      status: AssignmentStatus;
    }[];
    const evaluated = isEvaluated(rows, call.evaluatorsPerApplication);
    const action =
      evaluated && app.status === 'under_evaluation'
        ? 'evaluate'
        : !evaluated && app.status === 'evaluated'
          ? 'reopen_evaluation'
          : null;
    if (!action) return;
    await this.runner.run(
      {
        machine: APPLICATION_MACHINE,
        action,
        lock: () => Promise.resolve(app),
        invalidState: (_r, row) => invalidApplicationState(row, action),
        save: (mm, row) => mm.getRepository(ApplicationEntity).save(row),
        audit: {
          action: action === 'evaluate' ? 'application.evaluated' : 'application.evaluation_reopened',
          subjectType: APPLICATION_SUBJECT,
          subjectId: (row) => row.id,
          before: stateSnapshot,
          after: (saved) => ({ ...stateSnapshot(saved), sheets: rows.length }),
        },
        answer: () => undefined,
      },
      m,
    );
  }
}
