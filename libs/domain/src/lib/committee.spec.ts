import { committeeErrors, quorum, votersFor, votes, type CommitteeMember } from './committee';

const m = (name: string, role: CommitteeMember['role'], present = true): CommitteeMember => ({
  name,
  role,
  present,
});

describe(quorum.name, () => {
  it.each<
    [
      string,
      CommitteeMember[],
      { reached: boolean; voting: number; votingPresent: number; required: number; issues: string[] },
    ]
  >([
    [
      'president, secretary and every member present',
      [m('P', 'president'), m('S', 'secretary'), m('M1', 'member'), m('M2', 'member')],
      { reached: true, voting: 4, votingPresent: 4, required: 2, issues: [] },
    ],
    [
      'exactly half of the voting members present (president and secretary among them)',
      [m('P', 'president'), m('S', 'secretary'), m('M1', 'member', false), m('M2', 'member', false)],
      { reached: true, voting: 4, votingPresent: 2, required: 2, issues: [] },
    ],
    [
      'fewer than half: an odd number of voting members rounds the half up',
      [
        m('P', 'president'),
        m('S', 'secretary'),
        m('M1', 'member', false),
        m('M2', 'member', false),
        m('M3', 'member', false),
      ],
      { reached: false, voting: 5, votingPresent: 2, required: 3, issues: ['TOO_FEW_VOTING_MEMBERS'] },
    ],
    [
      'advisors attend without a vote: they count neither as voting nor as present',
      [
        m('P', 'president'),
        m('S', 'secretary'),
        m('A1', 'advisor'),
        m('A2', 'advisor'),
        m('M1', 'member', false),
        m('M2', 'member', false),
        m('M3', 'member', false),
      ],
      { reached: false, voting: 5, votingPresent: 2, required: 3, issues: ['TOO_FEW_VOTING_MEMBERS'] },
    ],
    [
      'the president absent',
      [m('P', 'president', false), m('S', 'secretary'), m('M1', 'member'), m('M2', 'member')],
      { reached: false, voting: 4, votingPresent: 3, required: 2, issues: ['PRESIDENT_ABSENT'] },
    ],
    [
      'the secretary absent',
      [m('P', 'president'), m('S', 'secretary', false), m('M1', 'member'), m('M2', 'member')],
      { reached: false, voting: 4, votingPresent: 3, required: 2, issues: ['SECRETARY_ABSENT'] },
    ],
    [
      'no secretary at all, and too few',
      [m('P', 'president'), m('M1', 'member', false), m('M2', 'member', false), m('M3', 'member', false)],
      {
        reached: false,
        voting: 4,
        votingPresent: 1,
        required: 2,
        issues: ['SECRETARY_ABSENT', 'TOO_FEW_VOTING_MEMBERS'],
      },
    ],
    [
      'nobody',
      [],
      {
        reached: false,
        voting: 0,
        votingPresent: 0,
        required: 0,
        issues: ['PRESIDENT_ABSENT', 'SECRETARY_ABSENT', 'NO_VOTING_MEMBERS'],
      },
    ],
    [
      'only advisors',
      [m('A', 'advisor')],
      {
        reached: false,
        voting: 0,
        votingPresent: 0,
        required: 0,
        issues: ['PRESIDENT_ABSENT', 'SECRETARY_ABSENT', 'NO_VOTING_MEMBERS'],
      },
    ],
  ])('%s', (_label, members, expected) => {
    expect(quorum(members)).toEqual(expected);
  });

  it('gives a vote to every role but advisor', () => {
    expect((['president', 'secretary', 'member', 'advisor'] as const).map(votes)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

describe(committeeErrors.name, () => {
  const members = [m('Anna Puig', 'president'), m('Jordi Vila', 'secretary'), m('Marta Soler', 'member')];
  const agenda = new Set(['app-1', 'app-2']);

  it('accepts a sound composition and its recusals', () => {
    expect(
      committeeErrors(
        members,
        [{ memberName: 'marta soler ', applicationId: 'app-1', reason: 'Sòcia de l’entitat' }],
        agenda,
      ),
    ).toEqual({});
  });

  it.each([
    ['a member without a name', [...members, m('  ', 'member')], [], { 'members[3].name': 'REQUIRED' }],
    [
      'two members with one name (any case)',
      [...members, m('ANNA PUIG', 'member')],
      [],
      { 'members[3].name': 'NOT_UNIQUE' },
    ],
    [
      'a second president',
      [...members, m('Pere Roca', 'president')],
      [],
      { 'members[3].role': 'NOT_UNIQUE' },
    ],
    [
      'a second secretary',
      [...members, m('Pere Roca', 'secretary')],
      [],
      { 'members[3].role': 'NOT_UNIQUE' },
    ],
    [
      'a recusal of nobody in the meeting, for an application not on the agenda, without a reason',
      members,
      [{ memberName: 'Pere Roca', applicationId: 'app-9', reason: ' ' }],
      {
        'recusals[0].memberName': 'ONE_OF',
        'recusals[0].applicationId': 'UNKNOWN_APPLICATION',
        'recusals[0].reason': 'REQUIRED',
      },
    ],
    [
      'the same recusal twice',
      members,
      [
        { memberName: 'Marta Soler', applicationId: 'app-2', reason: 'Patrona' },
        { memberName: 'marta soler', applicationId: 'app-2', reason: 'Patrona' },
      ],
      { 'recusals[1]': 'NOT_UNIQUE' },
    ],
  ])('refuses %s', (_label, ms, recusals, expected) => {
    expect(committeeErrors(ms, recusals, agenda)).toEqual(expected);
  });
});

describe(votersFor.name, () => {
  it('counts the voting members present, less those recused from that item only', () => {
    const members = [
      m('P', 'president'),
      m('S', 'secretary'),
      m('M1', 'member'),
      m('M2', 'member', false),
      m('A', 'advisor'),
    ];
    const recusals = [{ memberName: 'M1', applicationId: 'app-1', reason: 'Vinculat' }];
    expect(votersFor('app-1', members, recusals).map((x) => x.name)).toEqual(['P', 'S']);
    expect(votersFor('app-2', members, recusals).map((x) => x.name)).toEqual(['P', 'S', 'M1']);
  });
});
