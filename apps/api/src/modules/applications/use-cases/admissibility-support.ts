/**
 * What the application use cases share: the application machine run through the transition runner (row lock,
 * INVALID_STATE, audit snapshot), who is e-mailed, and the common e-mail parameters.
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  APPLICATION_MACHINE,
  dateInTimeZone,
  REQUIREMENT_MACHINE,
  type ApplicationAction,
  type ApplicationContext,
  type ApplicationStatus,
  type RequirementAction,
  type RequirementStatus,
} from '@cofinanca/domain';
import { isLocale, type Locale } from '@cofinanca/contracts';
import type { EntityManager } from 'typeorm';
import { AppException, fieldError } from '../../../common/app.exception';
import type { AuthUser } from '../../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import type { CallEntity } from '../../calls/call.entity';
import type { NgoEntity } from '../../entities/ngo.entity';
import type { TemplateParams } from '../../mail/templates';
import type { ApplicationRef, ApplicationTemplateParams } from '../../mail/templates/applications.templates';
import type { UserEntity } from '../../users/user.entity';
import { RecipientsService } from '../../workflow/recipients.service';
import {
  email,
  TransitionRunner,
  type AnyEmail,
  type TransitionSpec,
} from '../../workflow/transition-runner';
import { findApplicationFor, isOwnEntity, loadCallAndEntity } from '../application-access';
import { applicationResponse, type ApplicationResponse } from '../application.dto';
import { ApplicationEntity } from '../application.entity';
import { RequirementEntity } from '../requirement.entity';

/** The audit subject of every application event (requirements included): the history reads them back. */
export const APPLICATION_SUBJECT = 'application';

/** 409 INVALID_STATE naming the current state. */
export function invalidApplicationState(app: Pick<ApplicationEntity, 'status'>, action: ApplicationAction) {
  return AppException.conflict(
    'INVALID_STATE',
    `This action (${action}) is not allowed while the application is ${app.status}.`,
    { status: fieldError('WRONG_STATE', { status: app.status }) },
  );
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

/**
 * Closes the application's open correction request, if any, when the application leaves the procedure without
 * answering it (withdrawal, inadmissibility): no request stays open on a finished application.
 */
export async function closeOpenRequirement(m: EntityManager, applicationId: string): Promise<void> {
  const { to } = REQUIREMENT_MACHINE.definition.actions.close;
  await m
    .createQueryBuilder()
    .update(RequirementEntity)
    .set({ status: to })
    .where('application_id = :applicationId AND status IN (:...from)', {
      applicationId,
      from: REQUIREMENT_MACHINE.statesAllowing('close'),
    })
    .execute();
}

/**
 * The state `action` leads a correction request to, or 409 INVALID_STATE naming its current one (only an open
 * request is answered, expired or closed).
 */
export function requirementTransition(
  requirement: Pick<RequirementEntity, 'status'>,
  action: RequirementAction,
): RequirementStatus {
  const t = REQUIREMENT_MACHINE.transition(requirement.status, action);
  if (!t.ok) {
    throw AppException.conflict('INVALID_STATE', `This correction request is ${requirement.status}.`, {
      status: fieldError('WRONG_STATE', { status: requirement.status }),
    });
  }
  return t.to;
}

/** Today's date in Europe/Madrid (legal deadlines are dates there). */
export function todayInMadrid(now: Date = new Date()): string {
  return dateInTimeZone(now);
}

export function localeOf(user: Pick<UserEntity, 'locale'>): Locale {
  return isLocale(user.locale) ? user.locale : 'ca';
}

const UNTITLED: Record<Locale, string> = { ca: '(sense títol)', es: '(sin título)', en: '(untitled)' };

/** The parameters every application e-mail carries, for one recipient in their language. */
export function applicationRef(
  config: AppConfig,
  app: ApplicationEntity,
  call: CallEntity,
  entity: NgoEntity,
  recipient: Pick<UserEntity, 'name' | 'locale'>,
): ApplicationRef {
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

/** The application e-mails: a reference to the application plus what each adds. */
type RefTemplate = keyof ApplicationTemplateParams;
type Extra<T extends RefTemplate> = Omit<ApplicationTemplateParams[T], keyof ApplicationRef>;

type Refusal = 'DEADLINE_NOT_PASSED';
type Spec<Ctx, Out> = TransitionSpec<
  ApplicationEntity,
  ApplicationStatus,
  ApplicationAction,
  ApplicationContext,
  Refusal,
  Ctx,
  Out
>;

/** One action of the application machine, declared: what a use case gives the runner. */
export interface ApplicationStep<Ctx, Out> {
  action: ApplicationAction;
  /** Only the applicant entity may take it (anyone else: 404, as if the application did not exist). */
  ownEntityOnly?: boolean;
  /** Extra loads after the application's lock and access check, before the state check. */
  lock?: (m: EntityManager, app: ApplicationEntity) => Promise<void>;
  prepare?: Spec<Ctx, Out>['prepare'];
  refuse?: Spec<Ctx, Out>['refuse'];
  /** The change besides the status. */
  apply?: (m: EntityManager, app: ApplicationEntity, ctx: Ctx & ApplicationContext) => Promise<void> | void;
  audit: string;
  /** What the audit event adds to the state snapshot after the change. */
  auditAfter?: (saved: ApplicationEntity, ctx: Ctx & ApplicationContext) => Record<string, unknown>;
  emails: (
    m: EntityManager,
    saved: ApplicationEntity,
    ctx: Ctx & ApplicationContext,
  ) => Promise<AnyEmail[]> | AnyEmail[];
  /** Default: the application's API view. */
  answer?: (m: EntityManager, saved: ApplicationEntity, ctx: Ctx & ApplicationContext) => Promise<Out> | Out;
}

/**
 * The application machine through the runner: the application locked and access-checked, 409 INVALID_STATE, the
 * state snapshot audited before and after, the e-mails with the application's reference — each use case gives only
 * its action, its change and its e-mails.
 */
@Injectable()
export class ApplicationWorkflow {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: TransitionRunner,
    private readonly recipients: RecipientsService,
  ) {}

  run<Ctx = object, Out = ApplicationResponse>(
    user: AuthUser,
    id: string,
    step: ApplicationStep<Ctx, Out>,
  ): Promise<Out> {
    return this.runner.run<
      ApplicationEntity,
      ApplicationStatus,
      ApplicationAction,
      ApplicationContext,
      Refusal,
      Ctx,
      Out
    >({
      machine: APPLICATION_MACHINE,
      action: step.action,
      lock: async (m) => {
        const app = await findApplicationFor(m, user, id, { lock: true });
        if (step.ownEntityOnly && !isOwnEntity(user, app)) throw AppException.notFound('application');
        await step.lock?.(m, app);
        return app;
      },
      invalidState: (_refusal, app) => invalidApplicationState(app, step.action),
      prepare: step.prepare,
      refuse: step.refuse,
      apply: step.apply,
      save: (m, app) => m.getRepository(ApplicationEntity).save(app),
      audit: {
        action: step.audit,
        subjectType: APPLICATION_SUBJECT,
        subjectId: (app) => app.id,
        before: stateSnapshot,
        after: (saved, ctx) => ({ ...stateSnapshot(saved), ...step.auditAfter?.(saved, ctx) }),
      },
      emails: step.emails,
      answer: step.answer ?? ((m, saved) => applicationResponse(m, saved) as Promise<Out>),
    });
  }

  /** One e-mail per active user of the application's entity: `template` with the reference and `extra`. */
  toEntity<T extends RefTemplate>(
    m: EntityManager,
    app: ApplicationEntity,
    template: T,
    extra: (recipient: UserEntity) => Extra<T> = () => ({}) as Extra<T>,
  ): Promise<AnyEmail[]> {
    return this.toUsers(m, app, this.recipients.entityMembers(m, app.entityId), template, extra);
  }

  /** One e-mail per active officer. */
  toOfficers<T extends RefTemplate>(
    m: EntityManager,
    app: ApplicationEntity,
    template: T,
    extra: (recipient: UserEntity) => Extra<T> = () => ({}) as Extra<T>,
  ): Promise<AnyEmail[]> {
    return this.toUsers(m, app, this.recipients.officers(m), template, extra);
  }

  private async toUsers<T extends RefTemplate>(
    m: EntityManager,
    app: ApplicationEntity,
    users: Promise<UserEntity[]>,
    template: T,
    extra: (recipient: UserEntity) => Extra<T>,
  ): Promise<AnyEmail[]> {
    const { call, entity } = await loadCallAndEntity(m, app);
    return (await users).map((recipient) =>
      email(recipient, template, {
        ...applicationRef(this.config, app, call, entity, recipient),
        ...extra(recipient),
      } as TemplateParams[T]),
    );
  }
}
