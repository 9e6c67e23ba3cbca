import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../audit/audit.service';
import { MailService } from '../../mail/mail.service';
import { findApplicationFor } from '../application-access';
import { applicationResponse, type ApplicationResponse } from '../application.dto';
import { ApplicationEntity } from '../application.entity';
import {
  APPLICATION_SUBJECT,
  applicationRef,
  closeOpenRequirement,
  entityRecipients,
  loadCallAndEntity,
  localeOf,
  requireTransition,
  stateSnapshot,
} from './admissibility-support';

/** An officer declares an application inadmissible (inadmissió), with the reason the entity is told. */
@Injectable()
export class DeclareInadmissible {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  execute(user: AuthUser, id: string, reason: string): Promise<ApplicationResponse> {
    return this.dataSource.transaction(async (m) => {
      const app = await findApplicationFor(m, user, id, { lock: true });
      const before = stateSnapshot(app);
      app.status = requireTransition(app, 'declare_inadmissible');
      await closeOpenRequirement(m, app.id);
      app.statusReason = reason;
      const saved = await m.getRepository(ApplicationEntity).save(app);
      await this.audit.record(m, {
        action: 'application.declared_inadmissible',
        subjectType: APPLICATION_SUBJECT,
        subjectId: app.id,
        before,
        after: stateSnapshot(saved),
      });
      const { call, entity } = await loadCallAndEntity(m, saved);
      for (const recipient of await entityRecipients(m, app.entityId)) {
        await this.mail.enqueue(
          m,
          recipient.email,
          localeOf(recipient),
          'application_declared_inadmissible',
          {
            ...applicationRef(this.config, saved, call, entity, recipient),
            reason,
          },
        );
      }
      return applicationResponse(m, saved);
    });
  }
}
