import { Injectable } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import { ENTITY_MACHINE, IBAN_MACHINE, type EntityAction } from '@cofinanca/domain';
import { AppException } from '../../common/app.exception';
import { UserEntity } from '../users/user.entity';
import { TransitionRunner } from '../workflow/transition-runner';
import { entitySnapshot } from './entities.service';
import { lockEntity } from './entity-access';
import { EntityMailer } from './entity-mailer';
import { NgoEntity } from './ngo.entity';

/** The audit action and the e-mail to the entity's users of each status change. */
const EFFECTS = {
  validate: { audit: 'entity.validated', template: 'entity_validated', verb: 'validated' },
  reject: { audit: 'entity.rejected', template: 'entity_rejected', verb: 'rejected' },
  suspend: { audit: 'entity.suspended', template: 'entity_suspended', verb: 'suspended' },
  reactivate: { audit: 'entity.reactivated', template: 'entity_reactivated', verb: 'reactivated' },
} as const satisfies Record<EntityAction, { audit: string; template: string; verb: string }>;

/**
 * An officer's decisions on an entity. Each runs the entity machine of libs/domain through the transition runner:
 * the row-locked entity, the audit event and the e-mails to the entity's users in the same transaction.
 */
@Injectable()
export class EntityStatusService {
  constructor(
    private readonly runner: TransitionRunner,
    private readonly mailer: EntityMailer,
  ) {}

  /**
   * validate (from pending_validation; one of its users must have verified their e-mail; validates the IBAN too),
   * reject and suspend (with a reason), reactivate. Anything else: 409 INVALID_STATE.
   */
  async change(id: string, action: EntityAction, reason?: string): Promise<NgoEntity> {
    const effect = EFFECTS[action];
    return this.runner.run({
      machine: ENTITY_MACHINE,
      action,
      lock: (m) => lockEntity(m, id),
      invalidState: (refusal, entity) =>
        AppException.conflict(
          'INVALID_STATE',
          `Only an entity that is ${refusal.allowedFrom.join(' or ')} can be ${effect.verb}; this one is ${entity.status}.`,
        ),
      prepare:
        action === 'validate'
          ? async (m, entity) => ({
              hasVerifiedUser: await m.getRepository(UserEntity).existsBy({
                entityId: entity.id,
                active: true,
                emailVerifiedAt: Not(IsNull()),
              }),
            })
          : undefined,
      refuse: () =>
        new AppException(
          422,
          'EMAIL_NOT_VERIFIED',
          'None of the entity’s users has confirmed their e-mail address yet.',
        ),
      apply: (_m, entity) => {
        if (action === 'validate') {
          entity.validatedAt = new Date();
          entity.ibanStatus = 'validated';
          entity.validatedIban = entity.iban;
        }
        entity.statusReason = reason ?? null;
      },
      save: (m, entity) => m.getRepository(NgoEntity).save(entity),
      audit: {
        action: effect.audit,
        subjectType: 'entity',
        subjectId: (entity) => entity.id,
        before: entitySnapshot,
        after: (saved) => entitySnapshot(saved),
      },
      emails: (m, saved) =>
        this.mailer.toMembers(m, saved, effect.template, (member) => ({
          name: member.name,
          legalName: saved.legalName,
          reason: reason ?? '',
        })),
      answer: (_m, saved) => saved,
    });
  }

  /** Validates the pending IBAN of an active entity: from now on payments go to it. */
  async validateIban(id: string): Promise<NgoEntity> {
    const invalid = (_refusal: unknown, entity: NgoEntity) =>
      AppException.conflict(
        'INVALID_STATE',
        entity.status !== 'active'
          ? `Only the IBAN of an active entity can be validated on its own; this one is ${entity.status}.`
          : 'The IBAN of this entity is validated already.',
      );
    return this.runner.run({
      machine: IBAN_MACHINE,
      action: 'validate',
      lock: (m) => lockEntity(m, id),
      stateOf: (entity) => entity.ibanStatus,
      setState: (entity, to) => {
        entity.ibanStatus = to;
      },
      invalidState: invalid,
      prepare: (_m, entity) => ({ entityStatus: entity.status }),
      refuse: invalid,
      apply: (_m, entity) => {
        entity.validatedIban = entity.iban;
      },
      save: (m, entity) => m.getRepository(NgoEntity).save(entity),
      audit: {
        action: 'entity.iban_validated',
        subjectType: 'entity',
        subjectId: (entity) => entity.id,
        before: entitySnapshot,
        after: (saved) => entitySnapshot(saved),
      },
      emails: (m, saved) =>
        this.mailer.toMembers(m, saved, 'entity_iban_validated', (member) => ({
          name: member.name,
          legalName: saved.legalName,
          ibanEnding: saved.iban.slice(-4),
        })),
      answer: (_m, saved) => saved,
    });
  }
}
