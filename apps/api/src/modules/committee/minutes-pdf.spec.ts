import { quorum } from '@cofinanca/domain';
import { pdfText } from '../../../test/utils/pdf-text';
import type { StoredMember } from './committee-meeting.entity';
import { renderMinutes, type MinutesData } from './minutes-pdf';

const members: StoredMember[] = [
  { name: 'Anna Puig i Roca', position: 'Regidora de Cooperació', role: 'president', present: true },
  { name: 'Jordi Vila', position: 'Secretari', role: 'secretary', present: true },
  { name: 'Marta Soler', position: 'Tècnica de cooperació', role: 'member', present: true },
  { name: 'Pere Bosch', position: '', role: 'member', present: false },
  { name: 'Núria Camps', position: 'Assessora jurídica', role: 'advisor', present: true },
];

const item = (rank: number, outcome: string, award: string | null, partial = false) => ({
  rank,
  applicationId: `00000000-0000-4000-8000-00000000000${rank}`,
  registryNumber: `REG-2026-00000${rank}`,
  entityName: `Associació Lleidatana ${rank}`,
  title: `Projecte ${rank}`,
  total: 90.5 - rank * 10,
  blocks: [
    { code: 'A', points: 20.5, reached: true },
    { code: 'D', points: 15, reached: true },
  ],
  fundable: outcome !== 'below_threshold',
  reasons: [],
  eligibleAmount: '20000.00',
  bandPercent: null,
  award,
  outcome,
  partial,
  divergent: false,
  consensus: rank === 2,
  evaluated: true,
});

const data: MinutesData = {
  meetingId: '0b5f3f7e-3c9a-4a43-9d59-2f1f3f7e3c9a',
  heldOn: '2026-12-10',
  place: 'Sala de Juntes, Paeria de Lleida',
  approvedAt: new Date('2026-12-10T11:30:00Z'),
  call: {
    code: 'COOP-2026',
    title: { ca: 'Cooperació 2026', es: 'Cooperación 2026', en: 'Cooperation 2026' },
  },
  members,
  quorum: quorum(members),
  recusals: [{ memberName: 'Marta Soler', registryNumber: 'REG-2026-000002', reason: 'Sòcia de l’entitat' }],
  conflicts: [
    { evaluatorName: 'Laia Ferrer', registryNumber: 'REG-2026-000003', note: 'Patrona de la fundació' },
  ],
  ranking: {
    callId: '00000000-0000-4000-8000-0000000000aa',
    allocationMethod: 'rank_order',
    budget: '30000.00',
    allocated: '30000.00',
    remaining: '0.00',
    complete: true,
    items: [
      item(1, 'provisionally_granted', '20000.00'),
      item(2, 'provisionally_granted', '10000.00', true),
      item(3, 'waitlisted', null),
      item(4, 'below_threshold', null),
    ],
  } as MinutesData['ranking'],
};

describe(renderMinutes.name, () => {
  it('records the meeting, attendance, quorum, recusals, conflicts, ranking, proposal and signatures in Catalan', async () => {
    const pdf = await renderMinutes(data, 'ca');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'Acta de la sessió de la comissió de valoració',
      'COOP-2026 — Cooperació 2026',
      'Sala de Juntes, Paeria de Lleida',
      'Presidència: Anna Puig i Roca, Regidora de Cooperació — present',
      'Vocal: Pere Bosch — absent',
      'Assessorament (amb veu i sense vot): Núria Camps',
      '3 dels 4 membres amb vot (en calen 2)',
      'Marta Soler — REG-2026-000002: Sòcia de l’entitat',
      'Laia Ferrer — REG-2026-000003: Patrona de la fundació',
      'REG-2026-000001 · Associació Lleidatana 1',
      'A 20,5',
      '80,5',
      '20.000,00 € — Proposta de',
      'parcial: cal reformular',
      "Llista d'espera",
      'Sota el llindar',
      'proposa concedir 2 subvencions per un import total de 30.000,00 €',
      'Vist i plau',
      'Jordi Vila',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it.each([
    ['es', 'Acta de la sesión de la comisión de valoración', '20.000,00 € — Propuesta de', 'Lista de espera'],
    ['en', 'Minutes of the evaluation committee meeting', '€20,000.00 — Proposed grant', 'Waiting list'],
  ] as const)('speaks %s', async (locale, title, award, waitlist) => {
    const text = pdfText(await renderMinutes(data, locale));
    expect(text).toContain(title);
    expect(text).toContain(award);
    expect(text).toContain(waitlist);
    expect(text).toContain('REG-2026-000004');
  });

  it('gives the same bytes for the same data and language', async () => {
    expect((await renderMinutes(data, 'ca')).equals(await renderMinutes(data, 'ca'))).toBe(true);
  });

  it('says so when nobody abstains and no evaluator declared a conflict', async () => {
    const text = pdfText(await renderMinutes({ ...data, recusals: [], conflicts: [] }, 'ca'));
    expect(text).toContain("Cap membre no s'absté en cap punt.");
    expect(text).toContain("Cap persona avaluadora no ha declarat cap conflicte d'interès.");
  });
});
