import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { LoginAttemptEntity } from '../modules/auth/login-attempt.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserTokenEntity } from '../modules/auth/user-token.entity';
import { CalendarReminderEntity } from '../modules/calendar/calendar-reminder.entity';
import { HolidayEntity } from '../modules/calendar/holiday.entity';
import { OutboxMessageEntity } from '../modules/mail/outbox-message.entity';
import { UserEntity } from '../modules/users/user.entity';
import { ApplicationEntity } from '../modules/applications/application.entity';
import { RegistryReceiptEntity } from '../modules/applications/registry-receipt.entity';
import { RegistrySequenceEntity } from '../modules/applications/registry-sequence.entity';
import { RequirementEntity } from '../modules/applications/requirement.entity';
import { CallEntity } from '../modules/calls/call.entity';
import { DocumentEntity } from '../modules/documents/document.entity';
import { NgoEntity } from '../modules/entities/ngo.entity';
import { AssignmentEntity } from '../modules/evaluation/assignment.entity';
import { ConsensusEntity } from '../modules/evaluation/consensus.entity';
import { EvaluatorInterestsEntity } from '../modules/evaluation/evaluator-interests.entity';
import { ScoreSheetEntity } from '../modules/evaluation/score-sheet.entity';
import { CommitteeMeetingEntity } from '../modules/committee/committee-meeting.entity';
import { CommitteeMinutesEntity } from '../modules/committee/committee-minutes.entity';

/** Every entity, listed explicitly (the API is bundled: no globs at run time). */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  LoginAttemptEntity,
  UserTokenEntity,
  AuditEventEntity,
  OutboxMessageEntity,
  HolidayEntity,
  CalendarReminderEntity,
  NgoEntity,
  CallEntity,
  ApplicationEntity,
  RequirementEntity,
  RegistrySequenceEntity,
  RegistryReceiptEntity,
  DocumentEntity,
  EvaluatorInterestsEntity,
  AssignmentEntity,
  ScoreSheetEntity,
  ConsensusEntity,
  CommitteeMeetingEntity,
  CommitteeMinutesEntity,
];
