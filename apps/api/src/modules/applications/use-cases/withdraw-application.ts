import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException } from '../../../common/app.exception';
import type { AuthUser } from '../../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../audit/audit.service';
import { MailService } from '../../mail/mail.service';
import { findApplicationFor, isOwnEntity } from '../application-access';
import { applicationResponse, type ApplicationResponse } from '../application.dto';
import { ApplicationEntity } from '../application.entity';
import {
  APPLICATION_SUBJECT,
  applicationRef,
  closeOpenRequirement,
  loadCallAndEntity,
  localeOf,
  officerRecipients,
  requireTransition,
  stateSnapshot,
} from './admissibility-support';

/**
 * The entity withdraws its presented application (submitted or correction_requested; a draft is deleted instead).
 * The officers are told.
 */
@Injectable()
export class WithdrawApplication {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  execute(user: AuthUser, id: string): Promise<ApplicationResponse> {
    return this.dataSource.transaction(async (m) => {
      const app = await findApplicationFor(m, user, id, { lock: true });
      if (!isOwnEntity(user, app)) throw AppException.notFound('application');
      const before = stateSnapshot(app);
      app.status = requireTransition(app, 'withdraw');
      await closeOpenRequirement(m, app.id);
      app.statusReason = null;
      const saved = await m.getRepository(ApplicationEntity).save(app);
      await this.audit.record(m, {
        action: 'application.withdrawn',
        subjectType: APPLICATION_SUBJECT,
        subjectId: app.id,
        before,
        after: stateSnapshot(saved),
      });
      const { call, entity } = await loadCallAndEntity(m, saved);
      for (const officer of await officerRecipients(m)) {
        await this.mail.enqueue(
          m,
          officer.email,
          localeOf(officer),
          'application_withdrawn',
          applicationRef(this.config, saved, call, entity, officer),
        );
      }
      return applicationResponse(m, saved);
    });
  }
}
