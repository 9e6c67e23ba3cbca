import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A year whose missing holiday calendar the admins have been e-mailed about (once per year, across restarts). */
@Entity({ name: 'calendar_reminders' })
export class CalendarReminderEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_calendar_reminders_year' })
  year: number;

  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'now()' })
  sentAt: Date;
}
