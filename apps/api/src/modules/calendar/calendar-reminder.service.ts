import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runPeriodically } from '../../common/periodic';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { MailService } from '../mail/mail.service';
import { RecipientsService } from '../workflow/recipients.service';
import { CalendarService } from './calendar.service';

const HOUR = 60 * 60 * 1000;

/**
 * From 1 October, while next year has no holiday calendar, e-mails every active admin once for that year (through
 * the outbox). "Once" is durable: the year is inserted into `calendar_reminders` in the same transaction as the
 * e-mails, so a restart, or a second instance, does not e-mail again. Runs hourly and at start-up; off in tests,
 * which call `remindDue(now)` themselves.
 */
@Injectable()
export class CalendarReminderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CalendarReminderService.name);
  private stop?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendar: CalendarService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly recipients: RecipientsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.env === 'test') return;
    this.stop = runPeriodically(() => this.remindDue(new Date()), {
      every: HOUR,
      firstAfter: 5000,
      logger: this.logger,
      what: 'calendar reminder',
    });
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  /** E-mails the admins about the missing year, unless done before; returns the year it e-mailed about, or null. */
  async remindDue(now: Date): Promise<number | null> {
    const { missingYear } = await this.calendar.status(now);
    if (missingYear === null) return null;
    return this.dataSource.transaction(async (m) => {
      const inserted: unknown[] = await m.query(
        `INSERT INTO calendar_reminders (year) VALUES ($1) ON CONFLICT (year) DO NOTHING RETURNING year`,
        [missingYear],
      );
      if (!inserted.length) return null;
      const admins = await this.recipients.admins(m);
      const link = `${this.config.publicUrl}/calendar?year=${missingYear}`;
      for (const admin of admins) {
        await this.mail.enqueue(m, admin.email, admin.locale, 'calendar_missing', {
          name: admin.name,
          year: missingYear,
          link,
        });
      }
      await this.audit.record(m, {
        action: 'calendar.reminder_sent',
        subjectType: 'calendar',
        subjectId: null,
        after: { year: missingYear, recipients: admins.length },
        actor: null,
      });
      this.logger.log(`e-mailed ${admins.length} admin(s): the ${missingYear} holiday calendar is missing`);
      return missingYear;
    });
  }
}
