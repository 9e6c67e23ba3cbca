import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { verify } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { permissionsFor } from '@cofinanca/contracts';
import { AppException, fieldError } from '../../common/app.exception';
import type { AuthUser } from '../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { MailService } from '../mail/mail.service';
import { UserEntity } from '../users/user.entity';
import { hashPassword } from '../users/users.service';
import type { ChangePasswordDto, LoginResponse, MeResponse, UpdateMeDto } from './auth.dto';
import { LoginAttemptEntity } from './login-attempt.entity';
import { SessionCache } from './session-cache';
import { SessionEntity } from './session.entity';
import { TokensService } from './tokens.service';

export interface JwtPayload {
  sub: string;
  jti: string;
}

/** Verifying against this keeps the time of a sign-in with an unknown address like that of a known one. */
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword('not-a-real-password-0000'));

export function toMe(
  u: Pick<UserEntity, 'id' | 'email' | 'name' | 'roles' | 'entityId' | 'locale'>,
): MeResponse {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    permissions: [...permissionsFor(u.roles)],
    entityId: u.entityId,
    locale: u.locale,
  };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly tokens: TokensService,
    private readonly sessions: SessionCache,
  ) {}

  /**
   * Checks e-mail and password. Five failures in a row for an address (known or not) lock it for 15 minutes:
   * 429 RATE_LIMITED with Retry-After, whatever the password.
   */
  async validateCredentials(rawEmail: string, password: string): Promise<UserEntity> {
    const email = rawEmail.trim().toLowerCase();
    const attempts = this.dataSource.getRepository(LoginAttemptEntity);
    const attempt = await attempts.findOneBy({ email });
    if (attempt?.lockedUntil && attempt.lockedUntil.getTime() > Date.now()) {
      throw this.locked(attempt.lockedUntil);
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    const passwordOk = await verify(user?.passwordHash ?? (await getDummyHash()), password).catch(
      () => false,
    );
    if (user && user.passwordHash && passwordOk && user.active) {
      if (attempt) await attempts.delete({ email });
      return user;
    }
    await this.dataSource.transaction(async (m) => {
      const [row]: { failures: number }[] = await m.query(
        `INSERT INTO login_attempts (email, failures, last_failure_at) VALUES ($1, 1, now())
         ON CONFLICT (email) DO UPDATE SET failures = login_attempts.failures + 1, last_failure_at = now()
         RETURNING failures`,
        [email],
      );
      if (row.failures >= this.config.loginMaxFailures) {
        await m.query(
          `UPDATE login_attempts SET failures = 0, locked_until = now() + ($2 || ' seconds')::interval WHERE email = $1`,
          [email, String(this.config.loginLockSeconds)],
        );
        await this.audit.record(m, {
          action: 'auth.locked',
          subjectType: 'user',
          subjectId: user?.id ?? null,
          after: { email, lockedForSeconds: this.config.loginLockSeconds },
          actor: null,
        });
      }
    });
    throw new AppException(401, 'INVALID_CREDENTIALS', 'The e-mail or the password is not correct.');
  }

  private locked(until: Date): AppException {
    const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    return new AppException(
      429,
      'RATE_LIMITED',
      `Too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} minutes.`,
      undefined,
      {
        'Retry-After': String(seconds),
      },
    );
  }

  /** Opens a session (its id is the JWT's jti) and signs the token. */
  async login(user: UserEntity): Promise<LoginResponse> {
    const jti = randomUUID();
    const expiresIn = this.config.accessTokenTtl;
    await this.dataSource.transaction(async (m) => {
      await m.insert(SessionEntity, {
        id: jti,
        userId: user.id,
        expiresAt: new Date(Date.now() + expiresIn * 1000),
        revokedAt: null,
      });
      await this.audit.record(m, {
        action: 'auth.login',
        subjectType: 'user',
        subjectId: user.id,
        actor: { id: user.id, email: user.email, roles: user.roles },
      });
    });
    const accessToken = await this.jwt.signAsync({ sub: user.id, jti } satisfies JwtPayload, { expiresIn });
    return { accessToken, expiresIn, user: toMe(user) };
  }

  /**
   * Resolves a verified token to its user: the session must be open and the user active. A session checked in the
   * last seconds is taken from the in-process cache (`SessionCache`), which every revocation empties at once.
   */
  async authenticate(payload: JwtPayload): Promise<AuthUser | null> {
    if (typeof payload?.sub !== 'string' || typeof payload?.jti !== 'string') return null;
    const cached = this.sessions.get(payload.jti, payload.sub);
    if (cached) return cached;
    const checkedAt = this.sessions.clock();
    const row = await this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .innerJoin('s.user', 'u')
      .select(['s.id', 's.expiresAt', 'u.id', 'u.email', 'u.name', 'u.roles', 'u.entityId', 'u.locale'])
      .where('s.id = :jti AND s.user_id = :sub', { jti: payload.jti, sub: payload.sub })
      .andWhere('s.revoked_at IS NULL AND s.expires_at > now() AND u.active')
      .getOne()
      .catch((err: unknown) => {
        // A malformed id is simply not a session; a database failure propagates (503).
        if ((err as { code?: string }).code === '22P02') return null;
        throw err;
      });
    if (!row?.user) return null;
    const u = row.user;
    const user: AuthUser = {
      id: u.id,
      email: u.email,
      name: u.name,
      roles: u.roles,
      entityId: u.entityId,
      locale: u.locale,
      sessionId: row.id,
    };
    this.sessions.set(user, checkedAt, row.expiresAt);
    return user;
  }

  async logout(user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.update(SessionEntity, { id: user.sessionId }, { revokedAt: new Date() });
      await this.audit.record(m, { action: 'auth.logout', subjectType: 'user', subjectId: user.id });
    });
    this.sessions.revokeSession(user.sessionId);
  }

  async me(user: AuthUser): Promise<MeResponse> {
    const entity = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    return toMe(entity);
  }

  async updateMe(user: AuthUser, dto: UpdateMeDto): Promise<MeResponse> {
    const me = await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const entity = await repo.findOneByOrFail({ id: user.id });
      const before = { name: entity.name, locale: entity.locale };
      if (dto.name !== undefined) entity.name = dto.name;
      if (dto.locale !== undefined) entity.locale = dto.locale;
      const saved = await repo.save(entity);
      await this.audit.record(m, {
        action: 'user.profile_updated',
        subjectType: 'user',
        subjectId: user.id,
        before,
        after: { name: saved.name, locale: saved.locale },
      });
      return toMe(saved);
    });
    this.sessions.revokeUser(user.id); // the cached user carries the name and locale
    return me;
  }

  async changePassword(user: AuthUser, dto: ChangePasswordDto): Promise<void> {
    const entity = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    const ok = entity.passwordHash
      ? await verify(entity.passwordHash, dto.currentPassword).catch(() => false)
      : false;
    if (!ok)
      throw AppException.validation(
        { currentPassword: fieldError('INCORRECT') },
        'The current password is not correct.',
      );
    const passwordHash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { passwordHash });
      // Every other session ends; this one stays.
      await m.query(
        `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
        [user.id, user.sessionId],
      );
      await this.audit.record(m, {
        action: 'auth.password_changed',
        subjectType: 'user',
        subjectId: user.id,
      });
      await this.mail.enqueue(m, entity.email, entity.locale, 'password_changed', { name: entity.name });
    });
    this.sessions.revokeUser(user.id);
  }

  /** Always succeeds from the caller's view, so nobody learns which addresses exist. */
  async requestPasswordReset(email: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const user = await m.getRepository(UserEntity).findOneBy({ email });
      if (!user || !user.active) return;
      // Past the per-address limit nothing is queued (and the link already e-mailed stays valid); the caller is
      // answered the same.
      if (!(await this.mail.mayQueue(m, user.email, 'password_reset', this.config.authMailLimit))) return;
      const token = await this.tokens.issue(m, user.id, 'password_reset', this.config.resetTokenTtl);
      await this.mail.enqueue(m, user.email, user.locale, 'password_reset', {
        name: user.name,
        link: `${this.config.publicUrl}/reset-password?token=${token}`,
        minutes: Math.round(this.config.resetTokenTtl / 60),
      });
      await this.audit.record(m, {
        action: 'auth.password_reset_requested',
        subjectType: 'user',
        subjectId: user.id,
        actor: null,
      });
    });
  }

  /** Sets a new password from a reset or invitation token; ends every session and clears a sign-in lock. */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const userId = await this.dataSource.transaction(async (m) => {
      const row = await this.tokens.consume(m, token, ['password_reset', 'invitation']);
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
      user.passwordHash = passwordHash;
      if (!user.emailVerifiedAt) user.emailVerifiedAt = new Date(); // the link proves the address
      await repo.save(user);
      await m.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
        user.id,
      ]);
      await m.delete(LoginAttemptEntity, { email: user.email });
      await this.audit.record(m, {
        action: row.purpose === 'invitation' ? 'auth.invitation_accepted' : 'auth.password_reset',
        subjectType: 'user',
        subjectId: user.id,
        actor: { id: user.id, email: user.email, roles: user.roles },
      });
      return user.id;
    });
    this.sessions.revokeUser(userId);
  }
}
