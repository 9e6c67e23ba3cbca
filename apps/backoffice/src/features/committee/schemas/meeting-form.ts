/**
 * The meeting editor's form, kept pure so that it is tested apart from the screen: the values as edited, the
 * request sent, the live preview (the quorum and the composition errors of `@cofinanca/domain`, the same functions
 * the API applies) and the reading of the API's refusals. The API stays the authority: the preview only warns.
 */
import { COMMITTEE_ROLES, committeeErrors, quorum, type CommitteeRole, type Quorum } from '@cofinanca/domain';
import { isApiError } from '../../../api/problem';
import type { CreateMeetingRequest, Meeting } from '../../../api/types';

export { COMMITTEE_ROLES };
export type { CommitteeRole };

/** The limits of the API (committee.dto.ts): members per meeting and the lengths of its texts. */
export const MAX_MEMBERS = 50;
export const MAX_RECUSALS = 500;
export const NAME_MAX = 200;
export const REASON_MAX = 1000;

export interface MemberValues {
  /** A key of the row while it is edited (rows are added, removed and renamed). */
  key: string;
  name: string;
  position: string;
  role: CommitteeRole;
  present: boolean;
}

export interface RecusalValues {
  key: string;
  memberName: string;
  applicationId: string;
  reason: string;
}

export interface MeetingFormValues {
  heldOn: string;
  place: string;
  members: MemberValues[];
  recusals: RecusalValues[];
}

let sequence = 0;
/** A key for a new row, unique within the page. */
export const newKey = (prefix: string) => `${prefix}-${++sequence}`;

export const newMember = (role: CommitteeRole = 'member'): MemberValues => ({
  key: newKey('member'),
  name: '',
  position: '',
  role,
  present: true,
});

export const newRecusal = (memberName = '', applicationId = ''): RecusalValues => ({
  key: newKey('recusal'),
  memberName,
  applicationId,
  reason: '',
});

/**
 * The form of a stored meeting, or of a new one: today's date, and a president and a secretary to fill in (the
 * two roles the quorum requires).
 */
export function toMeetingForm(
  meeting?: Meeting,
  today = new Date().toISOString().slice(0, 10),
): MeetingFormValues {
  if (!meeting) {
    return {
      heldOn: today,
      place: '',
      members: [newMember('president'), newMember('secretary')],
      recusals: [],
    };
  }
  return {
    heldOn: meeting.heldOn,
    place: meeting.place,
    members: meeting.members.map((m) => ({ key: newKey('member'), ...m })),
    recusals: meeting.recusals.map((r) => ({ key: newKey('recusal'), ...r })),
  };
}

/** What the API receives: the whole lists (they replace the stored ones), texts trimmed, no empty position. */
export function toMeetingRequest(values: MeetingFormValues): Required<CreateMeetingRequest> {
  return {
    heldOn: values.heldOn,
    place: values.place.trim(),
    members: values.members.map((m) => ({
      name: m.name.trim(),
      ...(m.position.trim() ? { position: m.position.trim() } : {}),
      role: m.role,
      present: m.present,
    })),
    recusals: values.recusals.map((r) => ({
      memberName: r.memberName.trim(),
      applicationId: r.applicationId,
      reason: r.reason.trim(),
    })),
  };
}

/** A field error of the form: an error code by field path (`members[1].name`), as the API reports them. */
export type FormErrors = Record<string, string>;

export interface MeetingPreview {
  quorum: Quorum;
  /** The errors the API would answer with a 400, by field path. */
  errors: FormErrors;
}

/** The live preview while the meeting is edited: its quorum and what the API would refuse in its composition. */
export function meetingPreview(values: MeetingFormValues, agenda: Iterable<string>): MeetingPreview {
  const members = values.members.map((m) => ({ name: m.name, role: m.role, present: m.present }));
  const errors: FormErrors = { ...committeeErrors(members, values.recusals, new Set(agenda)) };
  if (!values.heldOn) errors.heldOn = 'REQUIRED';
  if (!values.place.trim()) errors.place = 'REQUIRED';
  return { quorum: quorum(members), errors };
}

/**
 * Renames a member, and with it the recusals that named it (a recusal names its member by name): a name corrected
 * in the table does not leave its recusals pointing at nobody.
 */
export function renameMember(values: MeetingFormValues, index: number, name: string): MeetingFormValues {
  const before = values.members[index]?.name.trim().toLocaleLowerCase('ca');
  return {
    ...values,
    members: values.members.map((m, i) => (i === index ? { ...m, name } : m)),
    recusals: values.recusals.map((r) =>
      before && r.memberName.trim().toLocaleLowerCase('ca') === before ? { ...r, memberName: name } : r,
    ),
  };
}

/** Removes a member, with the recusals that named it (they would name nobody). */
export function removeMember(values: MeetingFormValues, index: number): MeetingFormValues {
  const gone = values.members[index]?.name.trim().toLocaleLowerCase('ca');
  return {
    ...values,
    members: values.members.filter((_, i) => i !== index),
    recusals: values.recusals.filter((r) => !gone || r.memberName.trim().toLocaleLowerCase('ca') !== gone),
  };
}

/** The conditions of the quorum the API found unmet (`422 QUORUM_NOT_REACHED`), in the law's order. */
export type QuorumCondition = 'president' | 'secretary' | 'present';

export type ApprovalRefusal =
  | { kind: 'quorum'; conditions: QuorumCondition[] }
  | { kind: 'ranking'; applications: { id: string; registryNumber: string | null }[] }
  | null;

/**
 * Reads the API's refusal of an approval: which condition of the quorum fails (errors on `members.president`,
 * `members.secretary`, `members.present`) or which applications are still pending (errors `applications.<id>`).
 * Anything else is no refusal of these two kinds (the form's alert says it).
 */
export function approvalRefusal(error: unknown): ApprovalRefusal {
  if (!isApiError(error) || error.status !== 422) return null;
  const fields = Object.keys(error.fieldErrors);
  if (error.code === 'QUORUM_NOT_REACHED') {
    const order: QuorumCondition[] = ['president', 'secretary', 'present'];
    return { kind: 'quorum', conditions: order.filter((c) => fields.includes(`members.${c}`)) };
  }
  if (error.code === 'RANKING_INCOMPLETE') {
    const prefix = 'applications.';
    return {
      kind: 'ranking',
      applications: fields
        .filter((f) => f.startsWith(prefix))
        .map((f) => {
          const number = error.fieldErrors[f][0]?.params?.registryNumber;
          return {
            id: f.slice(prefix.length),
            registryNumber: typeof number === 'string' && number !== '—' ? number : null,
          };
        }),
    };
  }
  return null;
}

/** The API's field errors of a 400, by path, as codes (the first rule of each field). */
export function serverErrors(error: unknown): FormErrors {
  if (!isApiError(error) || error.status !== 400) return {};
  const out: FormErrors = {};
  for (const [field, rules] of Object.entries(error.fieldErrors)) if (rules[0]) out[field] = rules[0].code;
  return out;
}

/** The path a field error belongs to in the form: a recusal repeated (`recusals[2]`) is shown on its member. */
export function errorFor(errors: FormErrors, path: string): string | undefined {
  const own = errors[path];
  if (own) return own;
  const recusal = /^(recusals\[\d+\])\.memberName$/.exec(path);
  return recusal ? errors[recusal[1]] : undefined;
}

/** The first field path with an error, in the order of the form (the focus goes there after a refused save). */
export function firstErrorPath(values: MeetingFormValues, errors: FormErrors): string | undefined {
  const order = [
    'heldOn',
    'place',
    ...values.members.flatMap((_, i) => [
      `members[${i}].name`,
      `members[${i}].position`,
      `members[${i}].role`,
    ]),
    ...values.recusals.flatMap((_, i) => [
      `recusals[${i}].memberName`,
      `recusals[${i}].applicationId`,
      `recusals[${i}].reason`,
    ]),
  ];
  return order.find((path) => errorFor(errors, path));
}
