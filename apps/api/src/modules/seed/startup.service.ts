import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { checkCallWindow } from '@cofinanca/domain';
import type { AuthUser } from '../../common/request-context';
import { RequestContext } from '../../common/request-context';
import { createValidationPipe } from '../../common/validation';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ApplicationEntity } from '../applications/application.entity';
import { CreateApplicationDto } from '../applications/application.dto';
import { ApplicationsService } from '../applications/applications.service';
import { AdmitApplication } from '../applications/use-cases/admit-application';
import { SubmitApplication } from '../applications/use-cases/submit-application';
import { AuditService } from '../audit/audit.service';
import { CallEntity } from '../calls/call.entity';
import { toCallParameters } from '../calls/call-parameters';
import { DocumentEntity } from '../documents/document.entity';
import { NgoEntity } from '../entities/ngo.entity';
import { EvaluatorInterestsEntity } from '../evaluation/evaluator-interests.entity';
import { InterestsService } from '../evaluation/interests.service';
import { UserEntity } from '../users/user.entity';
import { hashPassword, UsersService } from '../users/users.service';
import { DEMO_APPLICATIONS, DEMO_ENTITIES, demoCall } from './demo-grants';
import { DEMO_CONFLICTED_EVALUATOR, DEMO_USERS } from './demo-users';

/** A small but real PDF for a demo document (the upload checks the magic bytes). */
function demoPdf(label: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** The AuthUser a signed-in user would be, for the use cases the demo goes through in their name. */
function asAuthUser(u: UserEntity): AuthUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    entityId: u.entityId,
    locale: u.locale,
    sessionId: 'seed-demo',
  };
}

/**
 * Start-up data: the ADMIN_EMAIL admin when no active admin exists, and the demo data when SEED_DEMO is on (the
 * demo NGOs, call and users, then the demo's evaluation: a register of interests and six admitted applications, made
 * through the same services a signed-in user goes through). Every part is created once: a restart changes nothing,
 * an installation with an earlier demo gets only what it lacks.
 */
@Injectable()
export class StartupService {
  private readonly logger = new Logger('Startup');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly applications: ApplicationsService,
    private readonly submitApplication: SubmitApplication,
    private readonly admitApplication: AdmitApplication,
    private readonly interests: InterestsService,
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
    const entityIds = await this.seedDemoGrants();
    await this.seedDemoUsers(entityIds);
    await this.seedDemoInterests(entityIds);
    await this.seedDemoApplications(entityIds);
  }

  private async seedDemoUsers(entityIds: Map<string, string>): Promise<void> {
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
          entityId: demo.entityNif ? (entityIds.get(demo.entityNif) ?? null) : null,
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
   * The demo NGOs (active) and a published demo call from the template, once each; a demo entity user left without
   * an entity by an earlier version is attached to its NGO. Returns the NGOs' ids by NIF.
   */
  private async seedDemoGrants(): Promise<Map<string, string>> {
    return this.dataSource.transaction(async (m) => {
      const entities = m.getRepository(NgoEntity);
      const ids = new Map<string, string>();
      for (const demo of DEMO_ENTITIES) {
        let entity = await entities.findOneBy({ nif: demo.nif });
        if (!entity) {
          const now = new Date();
          entity = await entities.save(
            entities.create({ ...demo, privacyAcceptedAt: now, validatedAt: now }),
          );
          await this.audit.record(m, {
            action: 'entity.created',
            subjectType: 'entity',
            subjectId: entity.id,
            after: { legalName: entity.legalName, nif: entity.nif, source: 'SEED_DEMO' },
            actor: null,
          });
        }
        ids.set(demo.nif, entity.id);
      }
      for (const demo of DEMO_USERS) {
        if (!demo.entityNif) continue;
        await m.query(
          `UPDATE users SET entity_id = $1 WHERE email = $2 AND entity_id IS NULL AND 'entity' = ANY(roles)`,
          [ids.get(demo.entityNif), demo.email],
        );
      }
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
      return ids;
    });
  }

  /** An active demo user by e-mail, as the AuthUser the use cases take (null when missing or changed). */
  private async demoUser(email: string, role: AuthUser['roles'][number]): Promise<AuthUser | null> {
    const u = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    return u && u.active && u.roles.includes(role) ? asAuthUser(u) : null;
  }

  /**
   * The conflicted demo evaluator's register of interests names a demo NGO (membership), saved by the evaluator
   * through the interests service (audited) — once: a register saved before, even emptied since, is left alone.
   */
  private async seedDemoInterests(entityIds: Map<string, string>): Promise<void> {
    const evaluator = await this.demoUser(DEMO_CONFLICTED_EVALUATOR.email, 'evaluator');
    const entityId = entityIds.get(DEMO_CONFLICTED_EVALUATOR.entityNif);
    if (!evaluator || !entityId) return;
    const saved = await this.dataSource
      .getRepository(EvaluatorInterestsEntity)
      .existsBy({ userId: evaluator.id });
    if (saved) return;
    await RequestContext.run({ user: evaluator }, () =>
      this.interests.update(evaluator, evaluator.id, {
        items: [{ entityId, relation: 'membership', note: "Sòcia de l'entitat des de 2019 (demo)" }],
        version: 0,
      }),
    );
  }

  /**
   * The demo call's six applications (DEMO_APPLICATIONS), each created, completed with its required documents and
   * submitted by its NGO's demo user (registry number, receipt, submitted version, e-mails to the demo addresses),
   * then admitted by the demo officer — what those users would do in the browser, through the same use cases. Only
   * while the demo call is published and open; an application already there (matched by NGO and title) goes on
   * from where it is, so a start-up interrupted half-way finishes the next time and a complete demo is left alone.
   */
  private async seedDemoApplications(entityIds: Map<string, string>): Promise<void> {
    const now = new Date();
    const code = demoCall(now).code as string;
    const call = await this.dataSource.getRepository(CallEntity).findOneBy({ code });
    if (!call || call.status !== 'published' || checkCallWindow(toCallParameters(call), now)) return;
    const officer = await this.demoUser('officer@demo.cofinanca.cat', 'officer');
    if (!officer) return;
    const pipe = createValidationPipe();
    const required = (call.requiredDocuments ?? []).filter((d) => d.required).map((d) => d.code);
    const appsRepo = this.dataSource.getRepository(ApplicationEntity);
    let created = 0;
    for (const demo of DEMO_APPLICATIONS) {
      const entityId = entityIds.get(demo.nif);
      const login = DEMO_USERS.find((d) => d.entityNif === demo.nif);
      const applicant = login ? await this.demoUser(login.email, 'entity') : null;
      if (!entityId || !applicant || applicant.entityId !== entityId) continue;
      // Validated exactly as the HTTP body would be: whitelist, unknown fields refused, bounds, nested DTOs.
      const dto = (await pipe.transform(demo.content(call.year), {
        type: 'body',
        metatype: CreateApplicationDto,
      })) as CreateApplicationDto;
      let app = await appsRepo.findOneBy({ callId: call.id, entityId, title: dto.title as string });
      const as = <T>(user: AuthUser, fn: () => Promise<T>) => RequestContext.run({ user }, fn);
      if (!app) {
        app = await as(applicant, () => this.applications.create(applicant, call.id, dto));
        created++;
      }
      const id = app.id;
      if (app.status === 'draft') {
        const have = await this.dataSource.getRepository(DocumentEntity).findBy({ applicationId: id });
        for (const type of required.filter((t) => !have.some((d) => d.type === t))) {
          const buffer = demoPdf(`${dto.title} — ${type}`);
          await as(applicant, () =>
            this.applications.uploadDocument(applicant, id, type, {
              originalname: `${type}.pdf`,
              size: buffer.length,
              buffer,
            }),
          );
        }
        await as(applicant, () => this.submitApplication.execute(applicant, id));
        app.status = 'submitted';
      }
      if (app.status === 'submitted') await as(officer, () => this.admitApplication.execute(officer, id));
    }
    if (created) this.logger.log(`Demo call ${code}: ${created} demo applications submitted and admitted.`);
  }
}
