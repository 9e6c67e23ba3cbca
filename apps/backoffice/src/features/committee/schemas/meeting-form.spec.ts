import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/problem';
import {
  approvalRefusal,
  errorFor,
  firstErrorPath,
  meetingPreview,
  newMember,
  newRecusal,
  removeMember,
  renameMember,
  serverErrors,
  toMeetingForm,
  toMeetingRequest,
  type MeetingFormValues,
} from './meeting-form';

const APP = '00000000-0000-4000-8000-000000000001';

function form(): MeetingFormValues {
  return {
    heldOn: '2026-12-04',
    place: ' Sala de plens ',
    members: [
      { ...newMember('president'), name: 'Anna Puig', position: 'Regidora' },
      { ...newMember('secretary'), name: 'Bernat Roca' },
      { ...newMember('member'), name: 'Clara Solé', present: false },
      { ...newMember('advisor'), name: 'Dolors Vila' },
    ],
    recusals: [{ ...newRecusal('Clara Solé', APP), reason: ' Sòcia de l’entitat ' }],
  };
}

describe('the meeting form', () => {
  it('starts a new meeting with a president and a secretary to fill in, on the day given', () => {
    const values = toMeetingForm(undefined, '2026-12-04');
    expect(values.heldOn).toBe('2026-12-04');
    expect(values.members.map((m) => m.role)).toEqual(['president', 'secretary']);
    expect(values.recusals).toEqual([]);
  });

  it('sends the whole lists, trimmed, without an empty position', () => {
    const body = toMeetingRequest(form());
    expect(body.place).toBe('Sala de plens');
    expect(body.members[0]).toEqual({
      name: 'Anna Puig',
      position: 'Regidora',
      role: 'president',
      present: true,
    });
    expect(body.members[1]).toEqual({ name: 'Bernat Roca', role: 'secretary', present: true });
    expect(body.recusals).toEqual([
      { memberName: 'Clara Solé', applicationId: APP, reason: 'Sòcia de l’entitat' },
    ]);
  });

  it('previews the quorum live as the attendance changes (advisors do not vote)', () => {
    const values = form();
    // 2 of 3 voting members present (the advisor does not count): half of 3 rounded up is 2.
    expect(meetingPreview(values, [APP]).quorum).toMatchObject({
      reached: true,
      voting: 3,
      votingPresent: 2,
      required: 2,
    });
    const noSecretary = {
      ...values,
      members: values.members.map((m, i) => (i === 1 ? { ...m, present: false } : m)),
    };
    const q = meetingPreview(noSecretary, [APP]).quorum;
    expect(q.reached).toBe(false);
    expect(q.issues).toEqual(['SECRETARY_ABSENT', 'TOO_FEW_VOTING_MEMBERS']);
  });

  it('finds what the API would refuse, with the date and place required', () => {
    const values = form();
    values.place = '  ';
    values.members[3] = { ...values.members[3], name: 'anna puig' };
    values.members.push({ ...newMember('president'), name: 'Eva Mas' });
    values.recusals.push({ ...newRecusal('Ningú', 'other'), reason: '' });
    const { errors } = meetingPreview(values, [APP]);
    expect(errors).toMatchObject({
      place: 'REQUIRED',
      'members[3].name': 'NOT_UNIQUE',
      'members[4].role': 'NOT_UNIQUE',
      'recusals[1].memberName': 'ONE_OF',
      'recusals[1].applicationId': 'UNKNOWN_APPLICATION',
      'recusals[1].reason': 'REQUIRED',
    });
    expect(errors.heldOn).toBeUndefined();
    expect(firstErrorPath(values, errors)).toBe('place');
    expect(meetingPreview(form(), [APP]).errors).toEqual({});
  });

  it('shows a repeated recusal on its member, and the first error in the order of the form', () => {
    const errors = { 'recusals[0]': 'NOT_UNIQUE', 'members[1].name': 'REQUIRED' };
    expect(errorFor(errors, 'recusals[0].memberName')).toBe('NOT_UNIQUE');
    expect(errorFor(errors, 'recusals[0].reason')).toBeUndefined();
    expect(firstErrorPath(form(), errors)).toBe('members[1].name');
  });

  it('renames and removes a member together with its recusals', () => {
    const renamed = renameMember(form(), 2, 'Clara Solé i Pons');
    expect(renamed.members[2].name).toBe('Clara Solé i Pons');
    expect(renamed.recusals[0].memberName).toBe('Clara Solé i Pons');
    const removed = removeMember(form(), 2);
    expect(removed.members.map((m) => m.name)).toEqual(['Anna Puig', 'Bernat Roca', 'Dolors Vila']);
    expect(removed.recusals).toEqual([]);
    // Removing a member without recusals keeps the others'.
    expect(removeMember(form(), 3).recusals).toHaveLength(1);
  });
});

describe("the API's answers", () => {
  const problem = (
    status: number,
    code: string,
    errors: Record<string, { code: string; params?: object }[]>,
  ) => new ApiError(status, { code, errors } as never);

  it('reads which conditions of the quorum fail, in the order of the law', () => {
    const error = problem(422, 'QUORUM_NOT_REACHED', {
      'members.present': [{ code: 'TOO_FEW', params: { min: 2 } }],
      'members.president': [{ code: 'REQUIRED' }],
    });
    expect(approvalRefusal(error)).toEqual({ kind: 'quorum', conditions: ['president', 'present'] });
  });

  it('reads which applications are pending, with their registry numbers', () => {
    const error = problem(422, 'RANKING_INCOMPLETE', {
      [`applications.${APP}`]: [
        { code: 'WRONG_STATE', params: { status: 'pending', registryNumber: 'REG-1' } },
      ],
      'applications.x': [{ code: 'WRONG_STATE', params: { status: 'pending', registryNumber: '—' } }],
    });
    expect(approvalRefusal(error)).toEqual({
      kind: 'ranking',
      applications: [
        { id: APP, registryNumber: 'REG-1' },
        { id: 'x', registryNumber: null },
      ],
    });
  });

  it('is no refusal for other answers; field errors come only from a 400', () => {
    expect(approvalRefusal(problem(409, 'STALE_VERSION', {}))).toBeNull();
    expect(approvalRefusal(new Error('network'))).toBeNull();
    const invalid = problem(400, 'VALIDATION_FAILED', { 'members[1].name': [{ code: 'NOT_UNIQUE' }] });
    expect(serverErrors(invalid)).toEqual({ 'members[1].name': 'NOT_UNIQUE' });
    expect(
      serverErrors(problem(422, 'QUORUM_NOT_REACHED', { 'members.president': [{ code: 'REQUIRED' }] })),
    ).toEqual({});
  });
});
