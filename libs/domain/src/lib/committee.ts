/**
 * The evaluation committee (*comissió de valoració*, product.md "Committee and resolution"; api.md "Committee and
 * resolution"): its members and their roles, the quorum of Llei 40/2015 art. 17 and the recusals per application.
 * Pure: the API checks the quorum on approval (`422 QUORUM_NOT_REACHED`) and the meeting editor shows it live.
 */

import type { FieldErrorCode } from './field-errors';

export const COMMITTEE_ROLES = ['president', 'secretary', 'member', 'advisor'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export interface CommitteeMember {
  name: string;
  role: CommitteeRole;
  present: boolean;
}

/** Why a meeting has no quorum, in the order the law states the conditions. */
export type QuorumIssue =
  'PRESIDENT_ABSENT' | 'SECRETARY_ABSENT' | 'TOO_FEW_VOTING_MEMBERS' | 'NO_VOTING_MEMBERS';

export interface Quorum {
  reached: boolean;
  /** Members with a vote (every role but `advisor`, president and secretary included). */
  voting: number;
  votingPresent: number;
  /** The least number of voting members present for a quorum: half of them, rounded up. */
  required: number;
  issues: QuorumIssue[];
}

/** Whether a role votes: advisors attend with voice and no vote. */
export function votes(role: CommitteeRole): boolean {
  return role !== 'advisor';
}

/**
 * The quorum of Llei 40/2015 art. 17.2 as api.md states it: the president and the secretary present (someone in
 * each role), and at least half of the members with a vote present.
 */
export function quorum(members: readonly CommitteeMember[]): Quorum {
  const voting = members.filter((m) => votes(m.role));
  const votingPresent = voting.filter((m) => m.present).length;
  const required = Math.ceil(voting.length / 2);
  const issues: QuorumIssue[] = [];
  if (!members.some((m) => m.role === 'president' && m.present)) issues.push('PRESIDENT_ABSENT');
  if (!members.some((m) => m.role === 'secretary' && m.present)) issues.push('SECRETARY_ABSENT');
  if (voting.length === 0) issues.push('NO_VOTING_MEMBERS');
  else if (votingPresent < required) issues.push('TOO_FEW_VOTING_MEMBERS');
  return { reached: issues.length === 0, voting: voting.length, votingPresent, required, issues };
}

/**
 * Why a committee's composition is not acceptable, per field path (`members[2].role`…): `REQUIRED` (a name, a
 * reason), `NOT_UNIQUE` (two members with one name, a second president or secretary, a recusal repeated), `ONE_OF`
 * (a recusal naming no member), `UNKNOWN_APPLICATION` (a recusal for an application not on the agenda).
 */
export type CommitteeCompositionError = Extract<
  FieldErrorCode,
  'REQUIRED' | 'NOT_UNIQUE' | 'ONE_OF' | 'UNKNOWN_APPLICATION'
>;

export interface Recusal {
  memberName: string;
  applicationId: string;
  reason: string;
}

/**
 * The field errors of a meeting's members and recusals: one president and one secretary at most, no two members
 * with the same name (recusals name them), every recusal naming a member and an application of the agenda, once.
 */
export function committeeErrors(
  members: readonly CommitteeMember[],
  recusals: readonly Recusal[],
  agenda: ReadonlySet<string>,
): Record<string, CommitteeCompositionError> {
  const errors: Record<string, CommitteeCompositionError> = {};
  const names = new Map<string, number>();
  const roles = new Map<CommitteeRole, number>();
  members.forEach((m, i) => {
    const key = m.name.trim().toLocaleLowerCase('ca');
    if (!key) errors[`members[${i}].name`] = 'REQUIRED';
    else if (names.has(key)) errors[`members[${i}].name`] = 'NOT_UNIQUE';
    else names.set(key, i);
    if (m.role === 'president' || m.role === 'secretary') {
      if (roles.has(m.role)) errors[`members[${i}].role`] = 'NOT_UNIQUE';
      else roles.set(m.role, i);
    }
  });
  const seen = new Set<string>();
  recusals.forEach((r, i) => {
    const key = r.memberName.trim().toLocaleLowerCase('ca');
    if (!names.has(key)) errors[`recusals[${i}].memberName`] = 'ONE_OF';
    if (!agenda.has(r.applicationId)) errors[`recusals[${i}].applicationId`] = 'UNKNOWN_APPLICATION';
    if (!r.reason.trim()) errors[`recusals[${i}].reason`] = 'REQUIRED';
    const pair = `${key}\u0000${r.applicationId}`;
    if (seen.has(pair)) errors[`recusals[${i}]`] = 'NOT_UNIQUE';
    seen.add(pair);
  });
  return errors;
}

/** The members who vote on one item of the agenda: the voting members present, less those recused from it. */
export function votersFor(
  applicationId: string,
  members: readonly CommitteeMember[],
  recusals: readonly Recusal[],
): CommitteeMember[] {
  const recused = new Set(
    recusals
      .filter((r) => r.applicationId === applicationId)
      .map((r) => r.memberName.trim().toLocaleLowerCase('ca')),
  );
  return members.filter(
    (m) => votes(m.role) && m.present && !recused.has(m.name.trim().toLocaleLowerCase('ca')),
  );
}
