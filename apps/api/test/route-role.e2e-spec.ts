/**
 * Route × role: every operation of the OpenAPI document the running app serves, called as nobody and as each role
 * of roles.ts, on the caller's own resources, another entity's and random ids, answers what the document's
 * `x-permission`, roles.ts and ownership say:
 * - no session on a route that is not public → 401 UNAUTHENTICATED;
 * - a role without the permission → 403 FORBIDDEN (with an empty body: the guard runs before validation);
 * - a role with it → past the guard on its own resources (never 401/403/404, never a 5xx), and 404 NOT_FOUND on a
 *   random id, on another entity's resource unless it sees them all (staff), and on another entity's document,
 *   member or correction request under its own resource;
 * - an NGO user naming another entity's resource in a body (its entity, certificate, documents) → 400 on that field,
 *   with the rule an unknown id gets.
 * An operation of the document without a row in EXPECTATIONS fails the test: every new route joins it.
 */
import type { Permission, Role } from '@cofinanca/contracts';
import { ROLES, hasPermission } from '@cofinanca/contracts';
import type { CallEntity } from '../src/modules/calls/call.entity';
import { AssignmentEntity } from '../src/modules/evaluation/assignment.entity';
import { dataSource, insertCall, insertEntity, standInCalendarsAroundToday } from './utils/fixtures';
import { insertApplication } from './utils/evaluation-fixtures';
import {
  CALLERS,
  FORBIDDEN,
  NOT_FOUND,
  REACH,
  UNAUTHENTICATED,
  mayCall,
  mismatch,
  operationsOf,
  pool,
  randomId,
  reachesByOwnershipOnly,
  sameAccess,
  unknownPermissions,
  type Access,
  type Caller,
  type Operation,
  type Outcome,
  type Target,
} from './utils/route-role';
import {
  fullApplication,
  newApplicant,
  pdfBytes,
  readyDraft,
  submittedApplication,
  type Applicant,
} from './utils/submission-fixtures';
import { bearer, createTestApp, unique, type TestApp, type TestUser } from './utils/test-app';

/** What the `id` (or `callId`) path parameter names, and the permission that reaches every one of them. */
type Family =
  | 'entity'
  | 'application'
  | 'call'
  | 'user'
  | 'holiday'
  | 'evaluation'
  | 'assignment'
  | 'evaluator'
  | 'sheet'
  | 'meeting';
const SEES_ALL: Partial<Record<Family, Permission>> = {
  entity: 'entities.read', // an NGO user reaches its own entity only
  application: 'applications.read', // … and its own entity's applications
  call: 'calls.manage', // a draft call exists only for those who manage calls
  assignment: 'evaluations.manage', // an evaluator reaches its own assignments only
  evaluator: 'evaluations.manage', // … and its own register of interests
  sheet: 'evaluations.manage', // an evaluator reaches its own assignments' sheets only
};

type Params = Record<string, string>;

interface Expectation {
  /** What the operation declares; the document must say the same (a change of access is a change of this table). */
  access: Access;
  /** The family the `id`/`callId` parameter names. */
  id?: Family;
  /** The JSON body sent by the callers that pass the guard (the others send `{}`). */
  body?: Record<string, unknown> | ((f: Fixtures, caller: Caller) => Record<string, unknown>);
  /** A multipart upload of a small PDF with this `type` (instead of a JSON body). */
  upload?: 'entity' | 'application';
  query?: Record<string, string>;
  /** An operation that changes or removes its resource: the own-target case gets new resources of its own. */
  fresh?: (f: Fixtures) => Promise<Params>;
  /**
   * A body naming another entity's resource by its id (its entity, certificate, documents): sent on the caller's own
   * resource by those who reach the operation through ownership only, it must be refused on that field, with the
   * rule an unknown id gets.
   */
  foreign?: {
    field: string;
    rule: string;
    body: (f: Fixtures, t: TestApp) => Promise<Record<string, unknown>>;
  };
  /**
   * On a list or export: a query selecting another entity's rows only. Sent by those who reach the operation through
   * ownership only, it must answer 200 with none of that entity's ids or names.
   */
  filter?: (f: Fixtures) => Record<string, string>;
  /** An operation that ends the caller's session: it is called with a new sign-in of that user. */
  freshSession?: true;
}

const STALE = 999_999; // a version no row has: PATCH reaches the resource and answers 409 without changing it
const OTHER_ENTITY = (f: Fixtures) => ({ entityId: f.b.applicant.entity.id });
const REASON = { reason: 'Motiu de la prova de rutes i rols' };

/** One row per operationId of the document. */
const EXPECTATIONS: Record<string, Expectation> = {
  Health_health: { access: 'public' },
  Auth_login: { access: 'public', body: (f) => ({ email: f.signIn.email, password: f.signIn.password }) },
  Auth_logout: { access: 'authenticated', freshSession: true },
  Auth_me: { access: 'authenticated' },
  Auth_updateMe: { access: 'authenticated', body: { locale: 'ca' } },
  Auth_changePassword: {
    access: 'authenticated',
    body: { currentPassword: 'not-the-password', newPassword: 'Another-password-1' },
  },
  Auth_requestReset: { access: 'public', body: { email: 'nobody@test.cofinanca.cat' } },
  Auth_confirmReset: { access: 'public', body: {} },
  Registration_register: { access: 'public', body: {} },
  Registration_verifyEmail: { access: 'public', body: { token: 'not-a-token' } },
  Registration_resendVerification: { access: 'entities.own' },

  Audit_list: { access: 'audit.read' },
  Audit_exportCsv: { access: 'audit.read' },
  Audit_exportXlsx: { access: 'audit.read' },
  Outbox_list: { access: 'outbox.read' },

  Users_list: { access: 'users.read' },
  Users_exportCsv: { access: 'users.read' },
  Users_exportXlsx: { access: 'users.read' },
  Users_create: {
    access: 'users.manage',
    body: () => ({ email: `${unique('rr')}@test.cofinanca.cat`, name: 'Nova persona', roles: ['viewer'] }),
  },
  Users_get: { access: 'users.read', id: 'user' },
  Users_update: { access: 'users.manage', id: 'user', body: { version: STALE } },
  Users_resendInvitation: { access: 'users.manage', id: 'user' },

  Calendar_list: { access: 'calendar.read' },
  Calendar_status: { access: 'calendar.read' },
  Calendar_businessDays: { access: 'calendar.read', query: { from: '2026-03-02', days: '5' } },
  Calendar_create: {
    access: 'calendar.manage',
    body: (f) => ({ date: f.nextHolidayDate(), scope: 'local:25120', name: 'Festa de la prova' }),
  },
  Calendar_import: {
    access: 'calendar.manage',
    body: (f) => ({ text: `${f.nextHolidayDate()};local:25120;Festa` }),
  },
  Calendar_remove: { access: 'calendar.manage', id: 'holiday', fresh: (f) => f.fresh.holiday() },
  Codelists_list: { access: 'authenticated' },

  Entities_list: {
    access: ['entities.read', 'entities.own'],
    filter: (f) => ({ q: f.b.applicant.entity.legalName }),
  },
  Entities_directory: { access: ['entities.read', 'applications.apply', 'evaluations.score'] },
  Entities_exportCsv: { access: 'entities.read' },
  Entities_exportXlsx: { access: 'entities.read' },
  Entities_create: { access: 'entities.manage', body: {} },
  Entities_get: { access: ['entities.read', 'entities.own'], id: 'entity' },
  Entities_update: {
    access: ['entities.manage', 'entities.own'],
    id: 'entity',
    body: { version: STALE },
    // A new IBAN with another entity's bank certificate.
    foreign: {
      field: 'ibanCertificateId',
      rule: 'UNKNOWN_DOCUMENT',
      body: async (f, t) => ({
        version: (
          await t
            .http()
            .get(`/api/v1/entities/${f.a.applicant.entity.id}`)
            .set(bearer(f.callers.entity.token))
        ).body.version,
        iban: 'ES7921000813610123456789',
        ibanCertificateId: f.b.entityDocId,
      }),
    },
  },
  Entities_validate: { access: 'entities.manage', id: 'entity', fresh: (f) => f.fresh.entity() },
  Entities_reject: { access: 'entities.manage', id: 'entity', body: REASON, fresh: (f) => f.fresh.entity() },
  Entities_suspend: { access: 'entities.manage', id: 'entity', body: REASON, fresh: (f) => f.fresh.entity() },
  Entities_reactivate: { access: 'entities.manage', id: 'entity', fresh: (f) => f.fresh.entity() },
  Entities_validateIban: { access: 'entities.manage', id: 'entity', fresh: (f) => f.fresh.entity() },
  Entities_upload: { access: ['entities.manage', 'entities.own'], id: 'entity', upload: 'entity' },
  Entities_content: { access: ['entities.read', 'entities.own'], id: 'entity' },
  EntityMembers_list: { access: ['entities.read', 'entities.own'], id: 'entity' },
  EntityMembers_invite: {
    access: ['entities.manage', 'entities.own'],
    id: 'entity',
    body: () => ({ email: `${unique('member')}@test.cofinanca.cat`, name: 'Membre convidat' }),
  },
  EntityMembers_remove: {
    access: ['entities.manage', 'entities.own'],
    id: 'entity',
    fresh: (f) => f.fresh.member(),
  },

  Calls_list: { access: 'calls.read' },
  Calls_exportCsv: { access: 'calls.manage' },
  Calls_exportXlsx: { access: 'calls.manage' },
  Calls_create: { access: 'calls.manage', body: {} },
  Calls_fromTemplate: {
    access: 'calls.manage',
    body: () => ({ code: unique('RR').toUpperCase(), year: new Date().getFullYear() }),
  },
  Calls_get: { access: 'calls.read', id: 'call' },
  Calls_update: { access: 'calls.manage', id: 'call', body: { version: STALE } },
  Calls_publish: { access: 'calls.manage', id: 'call', fresh: (f) => f.fresh.draftCall() },
  Calls_close: { access: 'calls.manage', id: 'call', fresh: (f) => f.fresh.openCall() },
  Calls_extend: {
    access: 'calls.manage',
    id: 'call',
    body: { closesAt: '2099-12-31T23:59:59+01:00', reason: 'Pròrroga de la prova' },
    fresh: (f) => f.fresh.openCall(),
  },

  Applications_create: {
    access: ['applications.apply', 'applications.manage'],
    id: 'call',
    // An officer names the entity the draft is for; an NGO user applies for its own.
    body: (f, caller) => ({
      ...fullApplication(),
      ...(caller === 'officer' ? { entityId: f.a.applicant.entity.id } : {}),
    }),
    foreign: {
      field: 'entityId',
      rule: 'NOT_OWN_ENTITY',
      body: async (f) => ({ ...fullApplication(), entityId: f.b.applicant.entity.id }),
    },
  },
  Applications_list: {
    access: ['applications.read', 'applications.apply', 'evaluations.score'],
    filter: OTHER_ENTITY,
  },
  Applications_exportCsv: { access: ['applications.read', 'applications.apply'], filter: OTHER_ENTITY },
  Applications_exportXlsx: { access: ['applications.read', 'applications.apply'] },
  Applications_get: {
    access: ['applications.read', 'applications.apply', 'evaluations.score'],
    id: 'application',
  },
  Applications_update: { access: 'applications.apply', id: 'application', body: { version: STALE } },
  Applications_remove: { access: 'applications.apply', id: 'application', fresh: (f) => f.fresh.draft() },
  ApplicationDocuments_upload: { access: 'applications.apply', id: 'application', upload: 'application' },
  ApplicationDocuments_list: {
    access: ['applications.read', 'applications.apply', 'evaluations.score'],
    id: 'application',
  },
  ApplicationDocuments_content: {
    access: ['applications.read', 'applications.apply', 'evaluations.score'],
    id: 'application',
  },
  ApplicationDocuments_remove: {
    access: 'applications.apply',
    id: 'application',
    fresh: (f) => f.fresh.draft(),
  },
  Admissibility_submit: { access: 'applications.apply', id: 'application', fresh: (f) => f.fresh.draft() },
  Admissibility_receipt: { access: ['applications.read', 'applications.apply'], id: 'application' },
  Admissibility_withdraw: {
    access: 'applications.apply',
    id: 'application',
    fresh: (f) => f.fresh.submitted(),
  },
  Admissibility_createRequirement: {
    access: 'applications.manage',
    id: 'application',
    body: { items: [{ description: 'Falta el pressupost signat' }] },
    fresh: (f) => f.fresh.submitted(),
  },
  Admissibility_requirements: { access: ['applications.read', 'applications.apply'], id: 'application' },
  Admissibility_respond: {
    access: 'applications.apply',
    id: 'application',
    body: { message: 'Hem adjuntat el pressupost signat' },
    fresh: (f) => f.fresh.corrected(),
    // Another entity's document presented as part of the answer.
    foreign: {
      field: 'documentIds[0]',
      rule: 'UNKNOWN_DOCUMENT', // as for an id that does not exist
      body: async (f) => ({ message: 'Adjuntem un document', documentIds: [f.b.applicationDocId] }),
    },
  },
  Admissibility_admit: {
    access: 'applications.manage',
    id: 'application',
    fresh: (f) => f.fresh.submitted(),
  },
  Admissibility_inadmissible: {
    access: 'applications.manage',
    id: 'application',
    body: REASON,
    fresh: (f) => f.fresh.submitted(),
  },
  Admissibility_withdrawn: {
    access: 'applications.manage',
    id: 'application',
    body: REASON,
    fresh: (f) => f.fresh.submitted(),
  },
  Admissibility_history: { access: ['applications.read', 'applications.apply'], id: 'application' },

  Evaluation_start: { access: 'evaluations.manage', id: 'call', fresh: (f) => f.fresh.closedCall() },
  Evaluation_assign: {
    access: 'evaluations.manage',
    id: 'evaluation',
    body: (f) => ({ applicationId: f.evaluation.freeApplicationId, evaluatorId: f.callers.evaluator.id }),
  },
  Evaluation_auto: { access: 'evaluations.manage', id: 'evaluation', body: { evaluatorsPerApplication: 1 } },
  Evaluation_callAssignments: { access: 'evaluations.manage', id: 'evaluation' },
  Assignments_list: { access: ['evaluations.manage', 'evaluations.score'] },
  Assignments_get: { access: ['evaluations.manage', 'evaluations.score'], id: 'assignment' },
  Assignments_remove: {
    access: 'evaluations.manage',
    id: 'assignment',
    fresh: (f) => f.fresh.assignment(),
  },
  Evaluators_list: { access: 'evaluations.manage' },
  Evaluators_getInterests: { access: ['evaluations.manage', 'evaluations.score'], id: 'evaluator' },
  Evaluators_updateInterests: {
    access: ['evaluations.manage', 'evaluations.score'],
    id: 'evaluator',
    body: { version: STALE, items: [] },
  },
  // Scoring: the evaluator caller's own assignment (in progress, on A's application), another evaluator's on B's.
  ScoreSheets_declare: {
    access: 'evaluations.score',
    id: 'sheet',
    body: { conflictOfInterest: false },
    fresh: (f) => f.fresh.pendingSheet(),
  },
  ScoreSheets_getScores: { access: ['evaluations.manage', 'evaluations.score'], id: 'sheet' },
  ScoreSheets_putScores: {
    access: 'evaluations.score',
    id: 'sheet',
    body: { scores: [], version: STALE },
  },
  ScoreSheets_submit: { access: 'evaluations.score', id: 'sheet' },
  ScoreSheets_reopen: { access: 'evaluations.manage', id: 'sheet', body: REASON },
  ApplicationEvaluation_evaluation: {
    access: ['evaluations.manage', 'evaluations.score', 'applications.apply'],
    id: 'application',
  },
  ApplicationEvaluation_consensus: {
    access: 'evaluations.manage',
    id: 'application',
    body: { scores: [{ criterionCode: 'A1', points: 1 }], rationale: 'Consens de la prova' },
  },
  Ranking_stats: { access: 'evaluations.manage', id: 'call' },
  Ranking_get: { access: ['evaluations.manage', 'reports.read'], id: 'call' },
  Ranking_exportCsv: { access: ['evaluations.manage', 'reports.read'], id: 'call' },
  Ranking_exportXlsx: { access: ['evaluations.manage', 'reports.read'], id: 'call' },
  Ranking_simulate: { access: 'evaluations.manage', id: 'call', body: { budget: '1000.00' } },

  // The committee: a draft meeting of the call being evaluated.
  Committee_create: {
    access: 'evaluations.manage',
    id: 'evaluation',
    body: { heldOn: '2026-12-10', place: 'Sala de Juntes', members: [] },
  },
  Committee_list: { access: 'evaluations.manage', id: 'evaluation' },
  Committee_get: { access: 'evaluations.manage', id: 'meeting' },
  Committee_minutes: { access: ['evaluations.manage', 'reports.read'], id: 'meeting' },
  Committee_update: { access: 'evaluations.manage', id: 'meeting', body: { version: STALE } },
  Committee_approve: { access: 'evaluations.manage', id: 'meeting', body: { version: STALE } },
};

/** One entity's resources: its entity, its user (the `entity` caller for A), a document of each kind… */
interface Side {
  applicant: Applicant;
  entityDocId: string;
  /** An application in `correction_requested`: it has documents, a receipt and a correction request. */
  applicationId: string;
  applicationDocId: string;
  requirementId: string;
  /** A member other than the caller (B's is removed by nobody: every attempt must be refused). */
  memberId: string;
}

/** A call being evaluated: the evaluator caller's own assignment, another evaluator's, an application to assign. */
interface EvaluationSide {
  callId: string;
  assignmentId: string;
  otherAssignmentId: string;
  otherEvaluatorId: string;
  freeApplicationId: string;
  /** A draft committee meeting of that call. */
  meetingId: string;
}

interface Fixtures {
  callers: Record<Role, TestUser>;
  evaluation: EvaluationSide;
  /** The caller's own entity (A) and another entity (B). */
  a: Side;
  b: Side;
  call: CallEntity;
  draftCall: CallEntity;
  /** A user the admin reads and edits; a holiday; a user whose credentials sign in. */
  user: TestUser;
  signIn: TestUser;
  holidayId: string;
  /** Scoring: the evaluator caller's assignment (in progress, on A's application) and another evaluator's (on B's). */
  sheet: { assignmentId: string; otherAssignmentId: string };
  nextHolidayDate(): string;
  fresh: {
    entity(): Promise<Params>;
    member(): Promise<Params>;
    draftCall(): Promise<Params>;
    openCall(): Promise<Params>;
    draft(): Promise<Params>;
    submitted(): Promise<Params>;
    corrected(): Promise<Params>;
    holiday(): Promise<Params>;
    closedCall(): Promise<Params>;
    assignment(): Promise<Params>;
    pendingSheet(): Promise<Params>;
  };
}

/** The value of each path parameter on each target (`undefined`: the target does not apply). */
function paramValue(
  f: Fixtures,
  family: Family | undefined,
  name: string,
  target: Target,
): string | undefined {
  if (target === 'random') return name === 'list' ? 'no-such-list' : randomId();
  const side = target === 'own' ? f.a : f.b;
  switch (name) {
    case 'id':
    case 'callId':
      if (target === 'mixed') return paramValue(f, family, name, 'own');
      switch (family) {
        case 'entity':
          return side.applicant.entity.id;
        case 'application':
          return side.applicationId;
        case 'call':
          return target === 'own' ? f.call.id : f.draftCall.id;
        case 'user':
          return target === 'own' ? f.user.id : undefined;
        case 'holiday':
          return target === 'own' ? f.holidayId : undefined;
        case 'evaluation':
          return target === 'own' ? f.evaluation.callId : undefined;
        case 'assignment':
          return target === 'own' ? f.evaluation.assignmentId : f.evaluation.otherAssignmentId;
        case 'sheet':
          return target === 'own' ? f.sheet.assignmentId : f.sheet.otherAssignmentId;
        case 'meeting':
          return target === 'own' ? f.evaluation.meetingId : undefined;
        default:
          return undefined;
      }
    case 'docId':
      return family === 'entity' ? side.entityDocId : side.applicationDocId;
    case 'requirementId':
      return side.requirementId;
    case 'userId':
      if (family === 'evaluator') {
        return target === 'own' ? f.callers.evaluator.id : f.evaluation.otherEvaluatorId;
      }
      return side.memberId;
    case 'list':
      return target === 'own' ? 'countries' : undefined;
    default:
      throw new Error(`no fixture for the path parameter "${name}": add it to paramValue`);
  }
}

function targetsOf(op: Operation, exp: Expectation): Target[] {
  if (!op.params.length) return ['own'];
  const targets: Target[] = ['own', 'random'];
  if (exp.id && SEES_ALL[exp.id]) {
    targets.push('other');
    if (op.params.length > 1) targets.push('mixed');
  }
  return targets;
}

interface Case {
  op: Operation;
  exp: Expectation;
  caller: Caller;
  target: Target;
  outcome: Outcome;
}

function casesOf(op: Operation, exp: Expectation): Case[] {
  const out: Case[] = [];
  for (const caller of CALLERS) {
    if (!mayCall(caller, exp.access)) {
      out.push({
        op,
        exp,
        caller,
        target: 'own',
        outcome: caller === 'anonymous' ? UNAUTHENTICATED : FORBIDDEN,
      });
      continue;
    }
    const seesAll = (p: Permission | undefined) =>
      !!p && caller !== 'anonymous' && hasPermission([caller], p);
    for (const target of targetsOf(op, exp)) {
      // Staff see every entity's resources: another entity's is like their own, and may not be changed here.
      if (target === 'other' && seesAll(exp.id && SEES_ALL[exp.id])) continue;
      out.push({ op, exp, caller, target, outcome: target === 'own' ? REACH : NOT_FOUND });
    }
    if (exp.filter && reachesByOwnershipOnly(caller, exp.access)) {
      out.push({ op, exp, caller, target: 'foreign', outcome: { kind: 'absent' } });
    }
    if (exp.foreign && reachesByOwnershipOnly(caller, exp.access)) {
      out.push({
        op,
        exp,
        caller,
        target: 'foreign',
        outcome: { kind: 'field', field: exp.foreign.field, rule: exp.foreign.rule },
      });
    }
  }
  return out;
}

describe('route × role (from the OpenAPI document)', () => {
  let t: TestApp;
  let f: Fixtures;
  let ops: Operation[];

  beforeAll(async () => {
    t = await createTestApp();
    await standInCalendarsAroundToday(t);
    const doc = await t.http().get('/api/docs-json');
    expect(doc.status).toBe(200);
    ops = operationsOf(doc.body);
    f = await buildFixtures(t);
  }, 180_000);

  afterAll(() => t?.close());

  it('has one expectation for every operation of the document, with the access the document declares', () => {
    const missing = ops.filter((op) => !EXPECTATIONS[op.operationId]).map((op) => op.operationId);
    const stale = Object.keys(EXPECTATIONS).filter((id) => !ops.some((op) => op.operationId === id));
    const differing = ops
      .filter(
        (op) => EXPECTATIONS[op.operationId] && !sameAccess(op.access, EXPECTATIONS[op.operationId].access),
      )
      .map((op) => `${op.operationId}: the document says ${JSON.stringify(op.access)}`);
    const unknown = ops.flatMap((op) => unknownPermissions(op.access).map((p) => `${op.operationId}: ${p}`));
    expect({ missing, stale, differing, unknown }).toEqual({
      missing: [],
      stale: [],
      differing: [],
      unknown: [],
    });
    expect(new Set(ops.map((op) => op.operationId)).size).toBe(ops.length);
  });

  it('answers every operation as roles.ts and ownership say, for nobody and each role', async () => {
    const cases = ops
      .filter((op) => EXPECTATIONS[op.operationId])
      .flatMap((op) => casesOf(op, EXPECTATIONS[op.operationId]));
    const failures = (
      await pool(
        4,
        cases.map((c) => () => run(t, f, c)),
      )
    ).filter((x): x is string => x !== null);
    expect(failures).toEqual([]);
    // Every role passed the guard somewhere and every caller was refused somewhere: the table is not vacuous.
    for (const role of ROLES) expect(cases.some((c) => c.caller === role && c.outcome === REACH)).toBe(true);
    for (const caller of CALLERS)
      expect(cases.some((c) => c.caller === caller && !passesGuard(c.outcome))).toBe(true);
  }, 300_000);
});

const passesGuard = (o: Outcome) => o !== UNAUTHENTICATED && o !== FORBIDDEN;

async function run(t: TestApp, f: Fixtures, c: Case): Promise<string | null> {
  const { op, exp, caller, target, outcome } = c;
  const label = `${op.operationId} (${op.method.toUpperCase()} ${op.path}) as ${caller} on ${target}`;
  const passes = passesGuard(outcome);
  let params: Params = {};
  for (const name of op.params) {
    const value = paramValue(f, exp.id, name, target === 'foreign' ? 'own' : target);
    if (value !== undefined) params[name] = value;
  }
  if (passes && target === 'own' && exp.fresh) params = { ...params, ...(await exp.fresh(f)) };
  const missing = op.params.filter((p) => params[p] === undefined);
  if (missing.length) return `${label}: no fixture for ${missing.join(', ')}`;

  let token: string | undefined;
  if (caller !== 'anonymous') {
    const user = f.callers[caller];
    token = exp.freshSession ? await t.login(user.email, user.password) : user.token;
  }
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
  let req = t.http()[op.method](url);
  if (token) req = req.set(bearer(token));
  if (exp.query) req = req.query(exp.query);
  if (target === 'foreign' && exp.filter) {
    req = req.query(exp.filter(f));
  } else if (target === 'foreign' && exp.foreign) {
    req = req.send(await exp.foreign.body(f, t));
  } else if (passes && exp.upload) {
    const type = exp.upload === 'entity' ? 'bank_certificate' : f.call.requiredDocuments[0].code;
    req = req.field('type', type).attach('file', pdfBytes(label), 'prova.pdf');
  } else if (passes && exp.body) {
    req = req.send(typeof exp.body === 'function' ? exp.body(f, caller) : exp.body);
  } else if (op.bodyType === 'application/json') {
    // Callers the guard must refuse send an empty object (and no file): a 400 must never come before the 401/403.
    req = req.send({});
  }
  const res = await req;
  const { entity } = f.b.applicant;
  const wrong = mismatch(outcome, res, [entity.id, entity.legalName, entity.nif, f.b.applicationId]);
  return wrong ? `${label}: ${wrong}` : null;
}

async function buildFixtures(t: TestApp): Promise<Fixtures> {
  const callers = {} as Record<Role, TestUser>;
  const call = await insertCall(t);
  const draftCall = await insertCall(t, { status: 'draft', publishedAt: null });
  const officer = await t.user('officer');

  const side = async (): Promise<Side> => {
    const applicant = await newApplicant(t);
    const entityId = applicant.entity.id;
    const doc = await t
      .http()
      .post(`/api/v1/entities/${entityId}/documents`)
      .set(bearer(applicant.user.token))
      .field('type', 'bank_certificate')
      .attach('file', pdfBytes(`certificate ${entityId}`), 'certificat.pdf');
    if (doc.status !== 201) throw new Error(`entity document: ${doc.status} ${JSON.stringify(doc.body)}`);
    const corrected = await correctedApplication(t, officer, call, applicant);
    const member = await t.user('entity', { entityId });
    return {
      applicant,
      entityDocId: doc.body.id,
      applicationId: corrected.id,
      applicationDocId: corrected.docId,
      requirementId: corrected.requirementId,
      memberId: member.id,
    };
  };
  const a = await side();
  const b = await side();
  for (const role of ROLES) callers[role] = role === 'entity' ? a.applicant.user : await t.user(role);

  // A call being evaluated: the evaluator caller and another evaluator each assigned to one application.
  const evaluating = await insertCall(t, { status: 'evaluating', closedAt: new Date() });
  const [assigned, free] = [
    await insertApplication(t, evaluating, { status: 'under_evaluation' }),
    await insertApplication(t, evaluating, { status: 'under_evaluation' }),
  ];
  const otherEvaluator = await t.user('evaluator');
  const assign = async (applicationId: string, evaluatorId: string) => {
    const repo = dataSource(t).getRepository(AssignmentEntity);
    return (await repo.save(repo.create({ callId: evaluating.id, applicationId, evaluatorId }))).id;
  };
  const evaluation: EvaluationSide = {
    callId: evaluating.id,
    assignmentId: await assign(assigned.id, callers.evaluator.id),
    otherAssignmentId: await assign(assigned.id, otherEvaluator.id),
    otherEvaluatorId: otherEvaluator.id,
    freeApplicationId: free.id,
    meetingId: (
      (await dataSource(t).query(
        `INSERT INTO committee_meetings (call_id, held_on, place, version) VALUES ($1, '2026-12-10', 'Sala', 1) RETURNING id`,
        [evaluating.id],
      )) as { id: string }[]
    )[0].id,
  };
  // Assignments straight into the database: their making has its own suites.
  const insertAssignment = async (applicationId: string, evaluatorId: string, status: string) => {
    const [row] = (await dataSource(t).query(
      `INSERT INTO assignments (call_id, application_id, evaluator_id, status, conflict_of_interest, declared_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
      [
        call.id,
        applicationId,
        evaluatorId,
        status,
        status === 'pending_declaration' ? null : false,
        status === 'pending_declaration' ? null : new Date(),
      ],
    )) as { id: string }[];
    if (status === 'in_progress') {
      await dataSource(t).query(
        `INSERT INTO score_sheets (assignment_id, scores, version) VALUES ($1, '[]', 1)`,
        [row.id],
      );
    }
    return row.id;
  };
  const sheet = {
    assignmentId: await insertAssignment(a.applicationId, callers.evaluator.id, 'in_progress'),
    otherAssignmentId: await insertAssignment(b.applicationId, (await t.user('evaluator')).id, 'in_progress'),
  };

  let holidayDay = 0;
  const nextHolidayDate = () => {
    const d = new Date(Date.UTC(2190, 0, 1) + holidayDay++ * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const fresh: Fixtures['fresh'] = {
    pendingSheet: async () => {
      const app = await submittedApplication(t, { call, applicant: a.applicant });
      return { id: await insertAssignment(app.id, callers.evaluator.id, 'pending_declaration') };
    },
    entity: async () => ({ id: (await insertEntity(t, { status: 'pending_validation' })).id }),
    member: async () => {
      const member = await t.user('entity', { entityId: a.applicant.entity.id });
      return { id: a.applicant.entity.id, userId: member.id };
    },
    draftCall: async () => ({ id: (await insertCall(t, { status: 'draft', publishedAt: null })).id }),
    openCall: async () => ({ id: (await insertCall(t)).id }),
    draft: async () => {
      const d = await readyDraft(t, { call, applicant: a.applicant });
      return { id: d.id, docId: d.documents[0].id };
    },
    submitted: async () => ({ id: (await submittedApplication(t, { call, applicant: a.applicant })).id }),
    corrected: async () => {
      const c = await correctedApplication(t, officer, call, a.applicant);
      return { id: c.id, requirementId: c.requirementId };
    },
    closedCall: async () => {
      const closed = await insertCall(t, { status: 'closed', closedAt: new Date() });
      await insertApplication(t, closed, { status: 'admitted' });
      return { id: closed.id };
    },
    assignment: async () => {
      const app = await insertApplication(t, evaluating, { status: 'under_evaluation' });
      return { id: await assign(app.id, otherEvaluator.id) };
    },
    holiday: async () => {
      const res = await t
        .http()
        .post('/api/v1/calendar/holidays')
        .set(bearer(t.adminToken))
        .send({ date: nextHolidayDate(), scope: 'local:25120', name: 'Festa de la prova' });
      if (res.status !== 201) throw new Error(`holiday: ${res.status} ${JSON.stringify(res.body)}`);
      return { id: res.body.id as string };
    },
  };
  return {
    callers,
    evaluation,
    a,
    b,
    call,
    draftCall,
    sheet,
    user: await t.user('viewer'),
    signIn: await t.user('viewer'),
    holidayId: (await fresh.holiday()).id,
    nextHolidayDate,
    fresh,
  };
}

/** A submitted application of that entity with a correction request of an officer (`correction_requested`). */
async function correctedApplication(t: TestApp, officer: TestUser, call: CallEntity, applicant: Applicant) {
  const app = await submittedApplication(t, { call, applicant });
  const req = await t
    .http()
    .post(`/api/v1/applications/${app.id}/requirements`)
    .set(bearer(officer.token))
    .send({ items: [{ description: 'Falta el pressupost signat' }] });
  if (req.status !== 201) throw new Error(`requirement: ${req.status} ${JSON.stringify(req.body)}`);
  return { id: app.id, docId: app.documents[0].id, requirementId: req.body.id as string };
}
