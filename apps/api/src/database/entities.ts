import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { LoginAttemptEntity } from '../modules/auth/login-attempt.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserTokenEntity } from '../modules/auth/user-token.entity';
import { HolidayEntity } from '../modules/calendar/holiday.entity';
import { OutboxMessageEntity } from '../modules/mail/outbox-message.entity';
import { UserEntity } from '../modules/users/user.entity';

/** Every entity, listed explicitly (the API is bundled: no globs at run time). */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  LoginAttemptEntity,
  UserTokenEntity,
  AuditEventEntity,
  OutboxMessageEntity,
  HolidayEntity,
];
