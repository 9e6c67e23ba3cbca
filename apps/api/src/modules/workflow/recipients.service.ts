import { Injectable } from '@nestjs/common';
import type { Role } from '@cofinanca/contracts';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * Who is e-mailed about what — one place, one filter. A recipient is an **active** user holding the **role** the
 * message is for (`officer` for the office, `entity` and linked to the entity for an entity's news), in the order
 * the users were created. An e-mail address need not be verified to receive news: the office e-mails every active
 * colleague of an entity, as it always did (only validating an entity requires that one of its users verified their
 * address — the entity machine's guard, not a recipient filter). Later: evaluators of a call, finance.
 */
@Injectable()
export class RecipientsService {
  /** Every active admin (platform matters: the holiday calendar, users). */
  admins(m: EntityManager): Promise<UserEntity[]> {
    return this.withRole(m, 'admin').getMany();
  }

  /** Every active officer. */
  officers(m: EntityManager): Promise<UserEntity[]> {
    return this.withRole(m, 'officer').getMany();
  }

  /** The active users of an entity: they receive its news and its applications'. */
  entityMembers(m: EntityManager, entityId: string): Promise<UserEntity[]> {
    return this.withRole(m, 'entity').andWhere('u.entity_id = :entityId', { entityId }).getMany();
  }

  /** The active users of every entity with an application in `status` in the call (e.g. its drafts). */
  entityMembersWithApplications(m: EntityManager, callId: string, status: string): Promise<UserEntity[]> {
    return this.withRole(m, 'entity')
      .andWhere(
        'u.entity_id IN (SELECT a.entity_id FROM applications a WHERE a.call_id = :callId AND a.status = :status)',
        { callId, status },
      )
      .getMany();
  }

  private withRole(m: EntityManager, role: Role): SelectQueryBuilder<UserEntity> {
    return m
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.active')
      .andWhere(':role = ANY(u.roles)', { role })
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id', 'ASC');
  }
}
