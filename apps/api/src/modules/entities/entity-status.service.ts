import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { canValidateIban, entityTransition, type EntityAction } from '@cofinanca/domain';
import { AppException } from '../../common/app.exception';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
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
 * An officer's decisions on an entity. Each runs the transition of libs/domain on the row-locked entity, then
 * records the audit event and e-mails the entity's users in the same transaction.
 */
@Injectable()
export class EntityStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly mailer: EntityMailer,
  ) {}

  /**
   * validate (from pending_validation; one of its users must have verified their e-mail; validates the IBAN too),
   * reject and suspend (with a reason), reactivate. Anything else: 409 INVALID_STATE.
   */
  async change(id: string, action: EntityAction, reason?: string): Promise<NgoEntity> {
    return this.dataSource.transaction(async (m) => {
      const entity = await lockEntity(m, id);
      const transition = entityTransition(entity.status, action);
      const effect = EFFECTS[action];
      if (!transition.ok) {
        throw AppException.conflict(
          'INVALID_STATE',
          `Only an entity that is ${transition.allowedFrom.join(' or ')} can be ${effect.verb}; this one is ${entity.status}.`,
        );
      }
      const before = entitySnapshot(entity);
      if (action === 'validate') {
        const verified = await m.getRepository(UserEntity).existsBy({
          entityId: entity.id,
          active: true,
          emailVerifiedAt: Not(IsNull()),
        });
        if (!verified) {
          throw new AppException(
            422,
            'EMAIL_NOT_VERIFIED',
            'None of the entity’s users has confirmed their e-mail address yet.',
          );
        }
        entity.validatedAt = new Date();
        entity.ibanStatus = 'validated';
        entity.validatedIban = entity.iban;
      }
      entity.status = transition.to;
      entity.statusReason = reason ?? null;
      const saved = await m.getRepository(NgoEntity).save(entity);
      await this.audit.record(m, {
        action: effect.audit,
        subjectType: 'entity',
        subjectId: saved.id,
        before,
        after: entitySnapshot(saved),
      });
      await this.mailer.toMembers(m, saved, effect.template, (member) => ({
        name: member.name,
        legalName: saved.legalName,
        reason: reason ?? '',
      }));
      return saved;
    });
  }

  /** Validates the pending IBAN of an active entity: from now on payments go to it. */
  async validateIban(id: string): Promise<NgoEntity> {
    return this.dataSource.transaction(async (m) => {
      const entity = await lockEntity(m, id);
      if (!canValidateIban(entity.status, entity.ibanStatus)) {
        throw AppException.conflict(
          'INVALID_STATE',
          entity.status !== 'active'
            ? `Only the IBAN of an active entity can be validated on its own; this one is ${entity.status}.`
            : 'The IBAN of this entity is validated already.',
        );
      }
      const before = entitySnapshot(entity);
      entity.ibanStatus = 'validated';
      entity.validatedIban = entity.iban;
      const saved = await m.getRepository(NgoEntity).save(entity);
      await this.audit.record(m, {
        action: 'entity.iban_validated',
        subjectType: 'entity',
        subjectId: saved.id,
        before,
        after: entitySnapshot(saved),
      });
      await this.mailer.toMembers(m, saved, 'entity_iban_validated', (member) => ({
        name: member.name,
        legalName: saved.legalName,
        ibanEnding: saved.iban.slice(-4),
      }));
      return saved;
    });
  }
}
