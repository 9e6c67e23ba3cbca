import { containsPattern } from '../../common/sql';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from '@node-rs/argon2';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@cofinanca/contracts';
import { AppException, fieldError } from '../../common/app.exception';
import { pageParams, resolveSort, type Page } from '../../common/pagination';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { SessionCache } from '../auth/session-cache';
import { TokensService } from '../auth/tokens.service';
import { MailService } from '../mail/mail.service';
import { UserEntity } from './user.entity';
import {
  toUserResponse,
  type CreateUserDto,
  type UpdateUserDto,
  type UserExportQuery,
  type UserQuery,
} from './users.dto';
import { fromCursor } from '../../common/export';

const SORTABLE = { email: 'u.email', name: 'u.name', createdAt: 'u.created_at' };

/** The audit view of a user: never the password hash. */
function snapshot(u: UserEntity): Record<string, unknown> {
  return { ...toUserResponse(u) };
}

export function hashPassword(password: string): Promise<string> {
  return hash(password); // argon2id with the library's recommended parameters
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly tokens: TokensService,
    private readonly sessions: SessionCache,
  ) {}

  private query(q: UserExportQuery) {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (q.q) {
      qb.andWhere('(u.email ILIKE :q OR u.name ILIKE :q)', { q: containsPattern(q.q) });
    }
    if (q.role) qb.andWhere(':role = ANY(u.roles)', { role: q.role });
    if (q.active !== undefined) qb.andWhere('u.active = :active', { active: q.active });
    const [column, dir] = resolveSort(q.sort, SORTABLE, ['u.created_at', 'DESC']);
    return qb.orderBy(column, dir).addOrderBy('u.id', dir);
  }

  async list(q: UserQuery): Promise<Page<UserEntity>> {
    const { page, pageSize, skip } = pageParams(q);
    const [items, total] = await this.query(q).skip(skip).take(pageSize).getManyAndCount();
    return { items, total, page, pageSize };
  }

  /** Everything that matches, from one cursor, the export's columns only (exports; never the password hashes). */
  pages(q: UserExportQuery): AsyncGenerator<UserEntity[]> {
    return fromCursor(
      this.query(q).select(['u.id', 'u.email', 'u.name', 'u.roles', 'u.locale', 'u.active', 'u.createdAt']),
    );
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw AppException.notFound('user');
    return user;
  }

  async create(dto: CreateUserDto): Promise<UserEntity> {
    if (dto.entityId && !dto.roles.includes('entity')) {
      throw AppException.validation({ entityId: fieldError('ENTITY_USERS_ONLY') });
    }
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;
    return this.dataSource.transaction(async (m) => {
      const exists = await m.getRepository(UserEntity).existsBy({ email: dto.email });
      if (exists) {
        throw AppException.conflict('DUPLICATE', 'A user with this e-mail exists already.', {
          email: fieldError('TAKEN'),
        });
      }
      // Found by the fuzz test: an id that is not an entity's broke the foreign key (a 500).
      if (dto.entityId && !(await m.query(`SELECT 1 FROM entities WHERE id = $1`, [dto.entityId])).length) {
        throw AppException.validation({ entityId: fieldError('UNKNOWN_ENTITY') });
      }
      const user = await this.insertUser(m, {
        email: dto.email,
        name: dto.name,
        roles: dto.roles,
        entityId: dto.entityId ?? null,
        locale: dto.locale ?? this.config.defaultLocale,
        passwordHash,
      });
      await this.audit.record(m, {
        action: 'user.created',
        subjectType: 'user',
        subjectId: user.id,
        after: snapshot(user),
      });
      if (!passwordHash) await this.invite(m, user);
      return user;
    });
  }

  /** Inserts a user row; shared by the admin screen, start-up admin and demo seed. */
  async insertUser(
    m: EntityManager,
    data: Pick<UserEntity, 'email' | 'name' | 'roles' | 'entityId' | 'locale' | 'passwordHash'> & {
      emailVerifiedAt?: Date | null;
    },
  ): Promise<UserEntity> {
    const repo = m.getRepository(UserEntity);
    return repo.save(repo.create({ ...data, active: true, emailVerifiedAt: data.emailVerifiedAt ?? null }));
  }

  /** Sends an invitation: a single-use link to choose a password. */
  async invite(m: EntityManager, user: UserEntity): Promise<void> {
    const token = await this.tokens.issue(m, user.id, 'invitation', this.config.invitationTokenTtl);
    await this.mail.enqueue(m, user.email, user.locale, 'invitation', {
      name: user.name,
      link: `${this.config.publicUrl}/reset-password?token=${token}`,
      days: Math.round(this.config.invitationTokenTtl / 86400),
    });
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserEntity> {
    const saved = await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      // An entity user: lock the entity first, in the same order as the members routes (entity, then its users),
      // so that an admin and an NGO user changing the same entity's users never deadlock. (A user's entity never
      // changes through this route.)
      const entityId = (await repo.findOne({ where: { id }, select: { id: true, entityId: true } }))
        ?.entityId;
      if (entityId) await m.query(`SELECT id FROM entities WHERE id = $1 FOR UPDATE`, [entityId]);
      const user = await repo
        .createQueryBuilder('u')
        .setLock('pessimistic_write')
        .where('u.id = :id', { id })
        .getOne();
      if (!user) throw AppException.notFound('user');
      if (user.version !== dto.version) throw AppException.staleVersion();
      const before = snapshot(user);

      const nextRoles: Role[] = dto.roles ?? user.roles;
      const nextActive = dto.active ?? user.active;
      const losesAdmin =
        user.active && user.roles.includes('admin') && (!nextActive || !nextRoles.includes('admin'));
      if (losesAdmin) {
        // Lock every active admin so two simultaneous demotions cannot both pass the check.
        const admins: { id: string }[] = await m.query(
          `SELECT id FROM users WHERE active AND 'admin' = ANY(roles) ORDER BY id FOR UPDATE`,
        );
        if (admins.length <= 1) {
          throw AppException.conflict(
            'LAST_ADMIN',
            'The last active administrator cannot be deactivated or lose the admin role.',
            {
              [dto.active === false ? 'active' : 'roles']: fieldError('LAST_ADMIN'),
            },
          );
        }
      }

      const leavesEntity =
        user.active &&
        user.entityId &&
        user.roles.includes('entity') &&
        (!nextActive || !nextRoles.includes('entity'));
      if (leavesEntity) {
        // An entity always keeps an active user (as its members screen guarantees), also against an admin.
        const members: { id: string }[] = await m.query(
          `SELECT id FROM users WHERE entity_id = $1 AND active AND 'entity' = ANY(roles) ORDER BY id FOR UPDATE`,
          [user.entityId],
        );
        if (members.length <= 1) {
          throw AppException.conflict(
            'INVALID_STATE',
            'The last active user of an entity cannot be deactivated or lose the entity role: invite a colleague first.',
            {
              [dto.active === false ? 'active' : 'roles']: fieldError('LAST_ACTIVE_USER'),
            },
          );
        }
      }

      if (dto.name !== undefined) user.name = dto.name;
      if (dto.locale !== undefined) user.locale = dto.locale;
      user.roles = nextRoles;
      user.active = nextActive;
      const saved = await repo.save(user);
      if (user.active === false || dto.roles) {
        // Deactivation or a change of roles ends every open session: the next request signs in anew.
        await m.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
          user.id,
        ]);
      }
      const action =
        dto.active === false && before['active']
          ? 'user.deactivated'
          : dto.active === true && !before['active']
            ? 'user.reactivated'
            : 'user.updated';
      await this.audit.record(m, {
        action,
        subjectType: 'user',
        subjectId: user.id,
        before,
        after: snapshot(saved),
      });
      return saved;
    });
    // The cached session check carries the roles, name and locale; a deactivation or a change of roles revoked
    // the sessions in the database, and this makes it immediate.
    this.sessions.revokeUser(id);
    return saved;
  }

  /** A new invitation link for a user who has not chosen a password yet. */
  async resendInvitation(id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const user = await m.getRepository(UserEntity).findOneBy({ id });
      if (!user) throw AppException.notFound('user');
      if (!user.active || user.passwordHash) {
        throw AppException.conflict(
          'INVALID_STATE',
          'Only an active user who has not chosen a password yet can be invited again.',
        );
      }
      await this.invite(m, user);
      await this.audit.record(m, { action: 'user.invited', subjectType: 'user', subjectId: user.id });
    });
  }
}
