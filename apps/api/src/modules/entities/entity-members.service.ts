import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException, fieldError } from '../../common/app.exception';
import type { AuthUser } from '../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { SessionCache } from '../auth/session-cache';
import { assertMembersMayEdit, findEntityFor } from './entity-access';
import type { InviteMemberDto } from './members.dto';
import { duplicateOf } from './unique-violation';

/** The users of an entity: its colleagues invite those who join and remove those who leave, never the last one. */
@Injectable()
export class EntityMembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly sessions: SessionCache,
  ) {}

  /** Every user of the entity, removed ones included, oldest first. */
  async list(user: AuthUser, entityId: string): Promise<UserEntity[]> {
    const entity = await findEntityFor(this.dataSource.manager, user, entityId);
    return this.dataSource
      .getRepository(UserEntity)
      .find({ where: { entityId: entity.id }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** A new `entity` user of this entity, invited by e-mail to choose a password. */
  async invite(user: AuthUser, entityId: string, dto: InviteMemberDto): Promise<UserEntity> {
    return this.dataSource
      .transaction(async (m) => {
        const entity = await findEntityFor(m, user, entityId, { lock: true });
        assertMembersMayEdit(user, entity);
        if (await m.getRepository(UserEntity).existsBy({ email: dto.email })) {
          throw AppException.conflict('DUPLICATE', 'A user with this e-mail exists already.', {
            email: fieldError('TAKEN'),
          });
        }
        const member = await this.users.insertUser(m, {
          email: dto.email,
          name: dto.name,
          roles: ['entity'],
          entityId: entity.id,
          locale: dto.locale ?? this.config.defaultLocale,
          passwordHash: null,
        });
        await this.users.invite(m, member);
        await this.audit.record(m, {
          action: 'entity.member_added',
          subjectType: 'entity',
          subjectId: entity.id,
          after: { userId: member.id, email: member.email, name: member.name, locale: member.locale },
        });
        return member;
      })
      .catch(duplicateOf({ UQ_users_email: 'email' }));
  }

  /**
   * Deactivates a member and ends their sessions; removing one already removed changes nothing. The entity row is
   * locked first, so two simultaneous removals cannot both pass the "never the last active user" check.
   */
  async remove(user: AuthUser, entityId: string, userId: string): Promise<void> {
    const removed = await this.dataSource.transaction(async (m) => {
      const entity = await findEntityFor(m, user, entityId, { lock: true });
      assertMembersMayEdit(user, entity);
      const repo = m.getRepository(UserEntity);
      const member = await repo.findOneBy({ id: userId, entityId: entity.id });
      if (!member) throw AppException.notFound('member');
      if (!member.active) return null;
      const active: { id: string }[] = await m.query(
        `SELECT id FROM users WHERE entity_id = $1 AND active ORDER BY id FOR UPDATE`,
        [entity.id],
      );
      if (active.length <= 1) {
        throw AppException.conflict(
          'INVALID_STATE',
          'The last active user of an entity cannot be removed: invite a colleague first.',
          { userId: fieldError('LAST_ACTIVE_USER') },
        );
      }
      member.active = false;
      await repo.save(member);
      await m.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
        member.id,
      ]);
      await this.audit.record(m, {
        action: 'entity.member_removed',
        subjectType: 'entity',
        subjectId: entity.id,
        before: { userId: member.id, email: member.email, name: member.name, active: true },
        after: { userId: member.id, active: false },
      });
      return member.id;
    });
    if (removed) this.sessions.revokeUser(removed);
  }
}
