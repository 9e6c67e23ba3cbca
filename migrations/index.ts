/** Every migration, in order (imported explicitly: the API is bundled). Never edit one after it has landed. */
import { Init1764000000000 } from './1764000000000-Init';
import { AuditAppendOnly1764000000001 } from './1764000000001-AuditAppendOnly';
import { SeedHolidays1764000000002 } from './1764000000002-SeedHolidays';
import { CallsEntitiesApplications1764000000003 } from './1764000000003-CallsEntitiesApplications';
import { SubmittedRecords1764000000200 } from './1764000000200-SubmittedRecords';
import { CalendarReminders1764000000300 } from './1764000000300-CalendarReminders';
import { ListIndexes1764000000400 } from './1764000000400-ListIndexes';
import { OutboxRecipientIndex1764000000450 } from './1764000000450-OutboxRecipientIndex';
import { ApplicationCounts1764000000460 } from './1764000000460-ApplicationCounts';
import { Evaluation1764000000500 } from './1764000000500-Evaluation';
import { ScoreSheetPoints1764000000510 } from './1764000000510-ScoreSheetPoints';
import { CommitteeMeetings1764000000600 } from './1764000000600-CommitteeMeetings';
import { CommitteeMinutes1764000000610 } from './1764000000610-CommitteeMinutes';

export const MIGRATIONS = [
  Init1764000000000,
  AuditAppendOnly1764000000001,
  SeedHolidays1764000000002,
  CallsEntitiesApplications1764000000003,
  SubmittedRecords1764000000200,
  CalendarReminders1764000000300,
  ListIndexes1764000000400,
  OutboxRecipientIndex1764000000450,
  ApplicationCounts1764000000460,
  Evaluation1764000000500,
  ScoreSheetPoints1764000000510,
  CommitteeMeetings1764000000600,
  CommitteeMinutes1764000000610,
];

/** The SQL that fills in the submitted version of older applications (its test compares it with the submission's). */
export { SUBMITTED_VERSION_BACKFILL } from './1764000000200-SubmittedRecords';
