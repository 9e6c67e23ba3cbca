import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StateMachine, TransitionRefusal } from '@cofinanca/domain';
import { isLocale } from '@cofinanca/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppException } from '../../common/app.exception';
import { AuditService, type AuditInput } from '../audit/audit.service';
import { MailService } from '../mail/mail.service';
import type { TemplateName, TemplateParams } from '../mail/templates';

/** One e-mail a transition sends: written to the outbox in the transition's transaction. */
export interface Email<T extends TemplateName = TemplateName> {
  to: { email: string; locale: string };
  template: T;
  params: TemplateParams[T];
}

/** An e-mail of any template (the union keeps each template's parameters checked against their template). */
export type AnyEmail = { [T in TemplateName]: Email<T> }[TemplateName];

/** Builds an e-mail; typed by its template. */
export function email<T extends TemplateName>(
  to: { email: string; locale: string },
  template: T,
  params: TemplateParams[T],
): AnyEmail {
  return { to, template, params } as AnyEmail;
}

/**
 * A state-changing use case, declared: which row, which action of which machine, what it changes and who is told.
 * The runner does the rest in this order, inside one transaction:
 *
 *   lock the row → the machine allows the action in the row's state (else `invalidState`, 409 INVALID_STATE) →
 *   `prepare` (the use case's own checks that read the database; its result is the guard's context) → the
 *   machine's guard (else `refuse`) → the new state set, `apply`, the row saved → the audit event with before/after
 *   → the e-mails into the outbox → `answer`.
 */
export interface TransitionSpec<
  Row extends object,
  S extends string,
  A extends string,
  C,
  R extends string,
  Ctx,
  Out,
> {
  machine: Pick<StateMachine<S, A, C, R, never>, 'transition'>;
  action: A;
  /** Loads the row under a write lock; 404 and access checks belong here. */
  lock(m: EntityManager): Promise<Row>;
  /** The machine's state of the row (default: `row.status`). */
  stateOf?(row: Row): string;
  /** Writes the new state on the row (default: `row.status = to`). */
  setState?(row: Row, to: S): void;
  /** The error when the row's state does not allow the action. */
  invalidState(refusal: TransitionRefusal<S, A, R>, row: Row): AppException;
  /** Checks and loads of the use case once the state allows the action; the result is the guard's context. */
  prepare?(m: EntityManager, row: Row): Promise<Ctx & C> | (Ctx & C);
  /** The error when the machine's guard refuses (default: `invalidState`). */
  refuse?(refusal: TransitionRefusal<S, A, R>, row: Row, ctx: Ctx & C): AppException;
  /** The change besides the state (the runner saves the row afterwards). */
  apply?(m: EntityManager, row: Row, ctx: Ctx & C): Promise<void> | void;
  /** Saves the row (default: `m.save(row)`). */
  save?(m: EntityManager, row: Row): Promise<Row>;
  audit: {
    action: string;
    subjectType: string;
    subjectId(row: Row): string;
    /** What the audit log records before (computed on the locked row, before any change). */
    before(row: Row): Record<string, unknown>;
    /** What it records after (on the saved row). */
    after(saved: Row, ctx: Ctx & C): Record<string, unknown>;
    /** Defaults to the signed-in user; null: the system. */
    actor?: AuditInput['actor'];
  };
  /** Who is told, and what. */
  emails?(m: EntityManager, saved: Row, ctx: Ctx & C): Promise<AnyEmail[]> | AnyEmail[];
  answer(m: EntityManager, saved: Row, ctx: Ctx & C): Promise<Out> | Out;
}

/**
 * The one way a use case changes the state of a call, an application, an entity (and later an evaluation, a
 * resolution, a payment): a new use case is its change and its e-mails.
 */
@Injectable()
export class TransitionRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  /** Runs the transition in a new transaction, or in `manager`'s when given. */
  run<Row extends object, S extends string, A extends string, C, R extends string, Ctx, Out>(
    spec: TransitionSpec<Row, S, A, C, R, Ctx, Out>,
    manager?: EntityManager,
  ): Promise<Out> {
    return manager ? this.runIn(manager, spec) : this.dataSource.transaction((m) => this.runIn(m, spec));
  }

  private async runIn<Row extends object, S extends string, A extends string, C, R extends string, Ctx, Out>(
    m: EntityManager,
    spec: TransitionSpec<Row, S, A, C, R, Ctx, Out>,
  ): Promise<Out> {
    const row = await spec.lock(m);
    const state = spec.stateOf ? spec.stateOf(row) : (row as { status: string }).status;
    const before = spec.audit.before(row);
    const allowed = spec.machine.transition(state, spec.action);
    if (!allowed.ok) throw spec.invalidState(allowed, row);

    const ctx = (spec.prepare ? await spec.prepare(m, row) : {}) as Ctx & C;
    const guarded = spec.prepare ? spec.machine.transition(state, spec.action, ctx) : allowed;
    if (!guarded.ok) throw (spec.refuse ?? spec.invalidState)(guarded, row, ctx);

    if (spec.setState) spec.setState(row, guarded.to);
    else (row as { status: string }).status = guarded.to;
    await spec.apply?.(m, row, ctx);
    const saved = spec.save ? await spec.save(m, row) : await m.save(row);

    await this.audit.record(m, {
      action: spec.audit.action,
      subjectType: spec.audit.subjectType,
      subjectId: spec.audit.subjectId(saved),
      before,
      after: spec.audit.after(saved, ctx),
      ...(spec.audit.actor !== undefined ? { actor: spec.audit.actor } : {}),
    });
    for (const e of (await spec.emails?.(m, saved, ctx)) ?? []) {
      await this.mail.enqueue(
        m,
        e.to.email,
        isLocale(e.to.locale) ? e.to.locale : 'ca',
        e.template,
        e.params,
      );
    }
    return spec.answer(m, saved, ctx);
  }
}
