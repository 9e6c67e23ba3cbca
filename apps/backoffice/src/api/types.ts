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
export type ImportHolidaysRequest = Schemas['ImportHolidaysDto'];
export type CalendarStatus = Schemas['CalendarStatusResponse'];

export type BusinessDaysResult = Schemas['BusinessDaysResponse'];
export type BusinessDaysQuery = QueryOf<'Calendar_businessDays'>;

// Grants (issue 3), shared by the NGO portal and the officers' screens.
export type Call = Schemas['CallResponse'];
/** A call as the lists give it (no texts, rubric or documents: those come with the call itself). */
export type CallSummary = Schemas['CallSummary'];
export type CallPage = Schemas['CallPage'];
export type CallListQuery = QueryOf<'Calls_list'> & { page: number; pageSize: number };
export type Application = Schemas['ApplicationResponse'];
/** An application as the lists give it (no content beyond the title and amounts). */
export type ApplicationSummary = Schemas['ApplicationSummary'];
export type ApplicationPage = Schemas['ApplicationPage'];
export type ApplicationStatus = Schemas['ApplicationStatus'];
export type ApplicationListQuery = QueryOf<'Applications_list'> & { page: number; pageSize: number };
export type CreateApplicationRequest = Schemas['CreateApplicationDto'];
export type UpdateApplicationRequest = Schemas['UpdateApplicationDto'];
export type ApplicationDocument = Schemas['DocumentResponse'];
export type Entity = Schemas['EntityResponse'];
/** An entity as the officers' list gives it. */
export type EntitySummary = Schemas['EntitySummary'];
export type EntityPage = Schemas['EntityPage'];
export type EntityStatus = Entity['status'];
export type EntityListQuery = QueryOf<'Entities_list'> & { page: number; pageSize: number };
export type UpdateEntityRequest = Schemas['UpdateEntityDto'];
export type Member = Schemas['MemberResponse'];
export type ReasonRequest = Schemas['ReasonDto'];
export type CallStatus = Call['status'];
export type CreateCallRequest = Schemas['CreateCallDto'];
export type UpdateCallRequest = Schemas['UpdateCallDto'];
export type CallFromTemplateRequest = Schemas['CallFromTemplateDto'];
export type ExtendCallRequest = Schemas['ExtendCallDto'];
export type CreateRequirementRequest = Schemas['CreateRequirementDto'];
// NGO portal (issue 3).
export type IbanStatus = Entity['ibanStatus'];
export type CreateEntityRequest = Schemas['CreateEntityDto'];
export type RegisterRequest = Schemas['RegisterDto'];
export type Registration = Schemas['RegistrationResponse'];
export type InviteMemberRequest = Schemas['InviteMemberDto'];
export type Requirement = Schemas['RequirementResponse'];
export type RequirementAnswerRequest = Schemas['RequirementResponseDto'];
export type ApplicationHistory = Schemas['ApplicationHistoryResponse'];
export type HistoryEvent = Schemas['ApplicationHistoryEvent'];

// Evaluation (issue 9): registers of interests, assignments and the officers' workload view.
export type InterestRelation = Schemas['InterestItemDto']['relation'];
export type Interests = Schemas['InterestsResponse'];
export type InterestItem = Schemas['InterestItemResponse'];
export type UpdateInterestsRequest = Schemas['UpdateInterestsDto'];
export type Assignment = Schemas['AssignmentResponse'];
export type AssignmentStatus = Assignment['status'];
export type AssignmentPage = Schemas['AssignmentPage'];
export type AssignmentQuery = QueryOf<'Assignments_list'> & { page: number; pageSize: number };
export type CallAssignmentPage = Schemas['CallAssignmentPage'];
export type AssignmentConflict = Schemas['AssignmentConflict'];
export type CallAssignmentQuery = QueryOf<'Evaluation_callAssignments'> & { page: number; pageSize: number };
export type AutoAssignRequest = Schemas['AutoAssignDto'];
export type AutoAssignResult = Schemas['AutoAssignResponse'];
export type EvaluatorSummary = Schemas['EvaluatorSummary'];
export type EvaluatorPage = Schemas['EvaluatorPage'];
export type EvaluatorQuery = QueryOf<'Evaluators_list'> & { page: number; pageSize: number };
export type DeclarationRequest = Schemas['DeclarationDto'];
export type ScoreSheet = Schemas['ScoreSheetResponse'];
export type UpdateScoresRequest = Schemas['UpdateScoresDto'];
export type Rubric = Call['rubric'];
export type Ranking = Schemas['RankingResponse'];
export type RankingItem = Schemas['RankingItemResponse'];
export type ApplicationEvaluation = Schemas['ApplicationEvaluationResponse'];
export type EvaluationSheet = Schemas['EvaluationSheetResponse'];
export type ConsensusRequest = Schemas['ConsensusDto'];
export type EvaluatorStats = Schemas['EvaluatorStatsResponse'];
export type SimulateRequest = Schemas['SimulateDto'];
export type Simulation = Schemas['SimulationResponse'];

// Committee and resolution (issue 10): the evaluation committee's meetings.
export type Meeting = Schemas['MeetingResponse'];
export type MeetingSummary = Schemas['MeetingSummary'];
export type MeetingList = Schemas['MeetingList'];
export type CommitteeMemberValue = Schemas['CommitteeMemberResponse'];
export type CreateMeetingRequest = Schemas['CreateMeetingDto'];
export type UpdateMeetingRequest = Schemas['UpdateMeetingDto'];
export type Quorum = Schemas['QuorumResponse'];
