import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { CallEntity } from '../calls/call.entity';
import { NgoEntity } from '../entities/ngo.entity';
import { UserEntity } from '../users/user.entity';
import { hashPassword, UsersService } from '../users/users.service';
import { DEMO_ENTITY, demoCall } from './demo-grants';
import { DEMO_USERS } from './demo-users';

/** Start-up data: the ADMIN_EMAIL admin when no active admin exists, and the demo users when SEED_DEMO is on. */
@Injectable()
export class StartupService {
  private readonly logger = new Logger('Startup');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async run(): Promise<void> {
    await this.ensureAdmin();
    if (this.config.seedDemo) await this.seedDemo();
  }

  async ensureAdmin(): Promise<void> {
    const admin = this.config.admin;
    const hasAdmin = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where(`u.active AND 'admin' = ANY(u.roles)`)
      .getExists();
    if (hasAdmin) return;
    if (!admin) {
      if (!this.config.seedDemo) {
        this.logger.warn(
          'No active administrator exists: set ADMIN_EMAIL and ADMIN_PASSWORD to create one at start-up.',
        );
      }
      return;
    }
    const passwordHash = await hashPassword(admin.password);
    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const existing = await repo.findOneBy({ email: admin.email });
      if (existing) {
        const before = { roles: existing.roles, active: existing.active };
        existing.roles = [...new Set([...existing.roles, 'admin' as const])];
        existing.active = true;
        existing.passwordHash = passwordHash;
        await repo.save(existing);
        await this.audit.record(m, {
          action: 'user.admin_restored',
          subjectType: 'user',
          subjectId: existing.id,
          before,
          after: { roles: existing.roles, active: true },
          actor: null,
        });
      } else {
        const user = await this.users.insertUser(m, {
          email: admin.email,
          name: 'Administrator',
          roles: ['admin'],
          entityId: null,
          locale: this.config.defaultLocale,
          passwordHash,
          emailVerifiedAt: new Date(),
        });
        await this.audit.record(m, {
          action: 'user.created',
          subjectType: 'user',
          subjectId: user.id,
          after: { email: user.email, roles: user.roles, source: 'ADMIN_EMAIL' },
          actor: null,
        });
      }
    });
    this.logger.log(`Administrator ${admin.email} is ready (no active administrator existed).`);
  }

  async seedDemo(): Promise<void> {
    const entityId = await this.seedDemoGrants();
    const repo = this.dataSource.getRepository(UserEntity);
    const missing: typeof DEMO_USERS = [];
    for (const demo of DEMO_USERS) if (!(await repo.existsBy({ email: demo.email }))) missing.push(demo);
    if (!missing.length) return;
    const hashes = await Promise.all(missing.map((d) => hashPassword(d.password)));
    await this.dataSource.transaction(async (m) => {
      for (const [i, demo] of missing.entries()) {
        const user = await this.users.insertUser(m, {
          email: demo.email,
          name: demo.name,
          roles: [demo.role],
          entityId: demo.role === 'entity' ? entityId : null,
          locale: 'ca',
          passwordHash: hashes[i],
          emailVerifiedAt: new Date(),
        });
        await this.audit.record(m, {
          action: 'user.created',
          subjectType: 'user',
          subjectId: user.id,
          after: { email: user.email, roles: user.roles, source: 'SEED_DEMO' },
          actor: null,
        });
      }
    });
    const lines = missing.map((d) => `    ${d.role.padEnd(10)} ${d.email.padEnd(32)} ${d.password}`);
    // Printed once, when the accounts are created, as plain text so a person reads it in the terminal.
    this.logger.warn(`Demo accounts created (SEED_DEMO): ${missing.map((d) => d.email).join(', ')}`);
    process.stdout.write(
      `\n  ⚠ DEMO ONLY — demo accounts created because SEED_DEMO is on. Never use them on a real installation:\n${lines.join('\n')}\n\n`,
    );
  }

  /**
   * The demo NGO (active) and a published demo call from the template, once each; a demo entity user left without
   * an entity by an earlier version is attached to the NGO. Returns the NGO's id.
   */
  private async seedDemoGrants(): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const entities = m.getRepository(NgoEntity);
      let entity = await entities.findOneBy({ nif: DEMO_ENTITY.nif });
      if (!entity) {
        const now = new Date();
        entity = await entities.save(
          entities.create({ ...DEMO_ENTITY, privacyAcceptedAt: now, validatedAt: now }),
        );
        await this.audit.record(m, {
          action: 'entity.created',
          subjectType: 'entity',
          subjectId: entity.id,
          after: { legalName: entity.legalName, nif: entity.nif, source: 'SEED_DEMO' },
          actor: null,
        });
      }
      await m.query(
        `UPDATE users SET entity_id = $1 WHERE email = $2 AND entity_id IS NULL AND 'entity' = ANY(roles)`,
        [entity.id, DEMO_USERS.find((d) => d.role === 'entity')?.email],
      );
      const calls = m.getRepository(CallEntity);
      const call = demoCall(new Date());
      if (!(await calls.existsBy({ code: call.code }))) {
        const saved = await calls.save(calls.create(call));
        await this.audit.record(m, {
          action: 'call.created',
          subjectType: 'call',
          subjectId: saved.id,
          after: { code: saved.code, status: saved.status, source: 'SEED_DEMO' },
          actor: null,
        });
      }
      return entity.id;
    });
  }
}
