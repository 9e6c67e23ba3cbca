import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, fieldError, type FieldIssues } from '../../common/app.exception';
import type { AuthUser } from '../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { TokensService } from '../auth/tokens.service';
import { MailService } from '../mail/mail.service';
import { UserEntity } from '../users/user.entity';
import { hashPassword, UsersService } from '../users/users.service';
import { EntitiesService, entitySnapshot } from './entities.service';
import { EntityMailer } from './entity-mailer';
import { NgoEntity } from './ngo.entity';
import type { RegisterDto } from './registration.dto';
import { duplicateOf } from './unique-violation';

/** NGO self-registration and the confirmation of its user's e-mail address. */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly tokens: TokensService,
    private readonly users: UsersService,
    private readonly entities: EntitiesService,
    private readonly mailer: EntityMailer,
  ) {}

  /**
   * Creates the entity in `pending_validation` and its first `entity` user (who can sign in at once) in one
   * transaction, e-mails the user a link to confirm the address and tells every officer.
   */
  async register(dto: RegisterDto): Promise<{ entity: NgoEntity; user: UserEntity }> {
    const passwordHash = await hashPassword(dto.user.password);
    return this.dataSource
      .transaction(async (m) => {
        const taken: FieldIssues = {};
        if (await this.entities.isNifTaken(m, dto.entity.nif)) taken['entity.nif'] = fieldError('TAKEN');
        if (await m.getRepository(UserEntity).existsBy({ email: dto.user.email })) {
          taken['user.email'] = fieldError('TAKEN');
        }
        if (Object.keys(taken).length) {
          throw AppException.conflict('DUPLICATE', 'This entity or this user is registered already.', taken);
        }

        const entity = await this.entities.insert(m, dto.entity, new Date());
        const user = await this.users.insertUser(m, {
          email: dto.user.email,
          name: dto.user.name,
          roles: ['entity'],
          entityId: entity.id,
          locale: dto.locale ?? this.config.defaultLocale,
          passwordHash,
        });
        const actor = { id: user.id, email: user.email, roles: user.roles };
        await this.audit.record(m, {
          action: 'entity.registered',
          subjectType: 'entity',
          subjectId: entity.id,
          after: { ...entitySnapshot(entity), firstUserId: user.id },
          actor,
        });
        await this.audit.record(m, {
          action: 'user.created',
          subjectType: 'user',
          subjectId: user.id,
          after: { id: user.id, email: user.email, name: user.name, roles: user.roles, entityId: entity.id },
          actor,
        });

        await this.sendVerification(m, user, entity);
        await this.mailer.toOfficers(m, 'entity_registered', {
          legalName: entity.legalName,
          nif: entity.nif,
          link: this.mailer.entityLink(entity.id),
        });
        return { entity, user };
      })
      .catch(duplicateOf({ UQ_entities_nif: 'entity.nif', UQ_users_email: 'user.email' }));
  }

  /**
   * A single-use verification link (it replaces any earlier unused one), e-mailed in the user's language; past the
   * per-address limit nothing is queued and the link e-mailed before stays valid.
   */
  private async sendVerification(m: EntityManager, user: UserEntity, entity: NgoEntity): Promise<boolean> {
    if (!(await this.mail.mayQueue(m, user.email, 'email_verification', this.config.authMailLimit))) {
      return false;
    }
    const ttl = this.config.invitationTokenTtl;
    const token = await this.tokens.issue(m, user.id, 'email_verification', ttl);
    await this.mail.enqueue(m, user.email, user.locale, 'email_verification', {
      name: user.name,
      legalName: entity.legalName,
      link: `${this.config.publicUrl}/verify-email?token=${token}`,
      days: Math.round(ttl / 86400),
    });
    return true;
  }

  /**
   * A new verification link for the signed-in entity user whose address is not verified yet (the first link
   * expired or was lost); 409 INVALID_STATE when it is verified already or the user belongs to no entity.
   */
  async resendVerification(actor: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const user = await m.getRepository(UserEntity).findOneByOrFail({ id: actor.id });
      const entity = user.entityId ? await m.getRepository(NgoEntity).findOneBy({ id: user.entityId }) : null;
      if (!entity || user.emailVerifiedAt) {
        throw AppException.conflict(
          'INVALID_STATE',
          user.emailVerifiedAt
            ? 'This address is verified already.'
            : 'Only a user of an entity verifies the address this way.',
        );
      }
      if (!(await this.sendVerification(m, user, entity))) return;
      await this.audit.record(m, {
        action: 'user.email_verification_sent',
        subjectType: 'user',
        subjectId: user.id,
      });
    });
  }

  /** Confirms the address of the token's user; an unknown, used or expired token → 400 INVALID_TOKEN. */
  async verifyEmail(token: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.tokens.consume(m, token, ['email_verification']);
      if (!row) {
        throw new AppException(400, 'INVALID_TOKEN', 'This link is not valid any more: ask for a new one.', {
          token: fieldError('INVALID_TOKEN'),
        });
      }
      const repo = m.getRepository(UserEntity);
      const user = await repo.findOneByOrFail({ id: row.userId });
      if (!user.active) {
        throw new AppException(400, 'INVALID_TOKEN', 'This account is not active.', {
          token: fieldError('ACCOUNT_INACTIVE'),
        });
      }
      if (!user.emailVerifiedAt) {
        user.emailVerifiedAt = new Date();
        await repo.save(user);
      }
      await this.audit.record(m, {
        action: 'user.email_verified',
        subjectType: 'user',
        subjectId: user.id,
        after: { email: user.email, emailVerifiedAt: user.emailVerifiedAt },
        actor: { id: user.id, email: user.email, roles: user.roles },
      });
    });
  }
}
