/**
 * Response and request shapes of the API used by the back-office: the ONE place where they are named.
 * Each is an alias of the OpenAPI description generated from the API (`npm run openapi:generate`), so a change
 * of the API shows up here as a type error.
 */
import type { components, operations, Locale, Permission, Role } from '@cofinanca/contracts';

export type { Locale, Permission, Role };

type Schemas = components['schemas'];
type QueryOf<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;

export type Me = Schemas['MeResponse'];
export type LoginRequest = Schemas['LoginDto'];
export type LoginResponse = Schemas['LoginResponse'];
export type UpdateMeRequest = Schemas['UpdateMeDto'];
export type ChangePasswordRequest = Schemas['ChangePasswordDto'];
export type PasswordResetRequest = Schemas['PasswordResetRequestDto'];
export type PasswordResetConfirmRequest = Schemas['PasswordResetConfirmDto'];

export type User = Schemas['UserResponse'];
export type UserPage = Schemas['UserPage'];
export type CreateUserRequest = Schemas['CreateUserDto'];
export type UpdateUserRequest = Schemas['UpdateUserDto'];
/** The list query as the screen keeps it (page and pageSize always set). */
export type UserListQuery = QueryOf<'Users_list'> & { page: number; pageSize: number };

export type AuditEvent = Schemas['AuditEventResponse'];
export type AuditEventPage = Schemas['AuditEventPage'];
export type AuditQuery = QueryOf<'Audit_list'> & { page: number; pageSize: number };

export type OutboxMessage = Schemas['OutboxMessageResponse'];
export type OutboxMessagePage = Schemas['OutboxMessagePage'];
export type OutboxStatus = OutboxMessage['status'];
export type OutboxQuery = QueryOf<'Outbox_list'> & { page: number; pageSize: number };

/** `national`, `catalonia` or `local:<5-digit INE code>`. */
export type HolidayScope = Schemas['HolidayResponse']['scope'];
export type Holiday = Schemas['HolidayResponse'];
export type CreateHolidayRequest = Schemas['CreateHolidayDto'];

export type BusinessDaysResult = Schemas['BusinessDaysResponse'];
export type BusinessDaysQuery = QueryOf<'Calendar_businessDays'>;
