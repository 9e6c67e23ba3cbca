/**
 * The minutes (*acta*) of an evaluation committee's meeting as a PDF, in the reader's language (product.md "Committee
 * and resolution"): the meeting, attendance by role, the quorum of Llei 40/2015 art. 17, recusals, the evaluators'
 * declared conflicts, the ranking with its block scores and awards, the proposal, and the signature lines. Rendered
 * once at approval, with pdfkit's standard fonts (WinAnsi: Catalan and Spanish letters, €), and stored.
 */
import {
  formatAmount,
  formatDate,
  formatInstant,
  formatNumber,
  type CommitteeRole,
  type LocalisedText,
  type Quorum,
} from '@cofinanca/domain';
import type { Locale } from '@cofinanca/contracts';
import { newPdf } from '../../common/pdf';
import { toWinAnsi } from '../applications/receipt-pdf';
import type { RankingResponse } from '../evaluation/scoring.dto';
import type { StoredMember } from './committee-meeting.entity';

export interface MinutesData {
  meetingId: string;
  heldOn: string;
  place: string;
  approvedAt: Date;
  call: { code: string; title: LocalisedText };
  members: StoredMember[];
  quorum: Quorum;
  recusals: { memberName: string; registryNumber: string | null; reason: string }[];
  conflicts: { evaluatorName: string; registryNumber: string | null; note: string | null }[];
  ranking: RankingResponse;
}

interface Labels {
  office: string;
  title: string;
  law: string;
  call: string;
  heldOn: string;
  place: string;
  attendance: string;
  present: string;
  absent: string;
  roles: Record<CommitteeRole, string>;
  noVote: string;
  quorum: string;
  quorumReached: (present: number, voting: number, required: number) => string;
  recusals: string;
  noRecusals: string;
  conflicts: string;
  noConflicts: string;
  ranking: string;
  rank: string;
  application: string;
  total: string;
  award: string;
  outcomes: Record<string, string>;
  partial: string;
  proposal: string;
  proposalText: (
    granted: number,
    allocated: string,
    budget: string,
    waitlisted: number,
    below: number,
  ) => string;
  signatures: string;
  secretary: string;
  president: string;
  approvedAt: string;
  meetingId: string;
}

const LABELS: Record<Locale, Labels> = {
  ca: {
    office: 'Ajuntament de Lleida · Àrea de Cooperació Internacional',
    title: 'Acta de la sessió de la comissió de valoració',
    law: "Llei 40/2015, d'1 d'octubre, de règim jurídic del sector públic, articles 15 a 18 (òrgans col·legiats)",
    call: 'Convocatòria',
    heldOn: 'Data de la sessió',
    place: 'Lloc',
    attendance: 'Assistència',
    present: 'present',
    absent: 'absent',
    roles: { president: 'Presidència', secretary: 'Secretaria', member: 'Vocal', advisor: 'Assessorament' },
    noVote: 'amb veu i sense vot',
    quorum: 'Quòrum',
    quorumReached: (p, v, r) =>
      `Hi són presents la presidència, la secretaria i ${p} dels ${v} membres amb vot (en calen ${r}): la comissió es constitueix vàlidament.`,
    recusals: 'Abstencions i recusacions',
    noRecusals: "Cap membre no s'absté en cap punt.",
    conflicts: "Conflictes d'interès declarats per les persones avaluadores",
    noConflicts: "Cap persona avaluadora no ha declarat cap conflicte d'interès.",
    ranking: 'Classificació',
    rank: 'Núm.',
    application: 'Sol·licitud i entitat',
    total: 'Punts',
    award: 'Import proposat',
    outcomes: {
      provisionally_granted: 'Proposta de concessió',
      waitlisted: "Llista d'espera",
      below_threshold: 'Sota el llindar',
      pending: 'Pendent',
    },
    partial: 'parcial: cal reformular',
    proposal: 'Proposta',
    proposalText: (g, a, b, w, below) =>
      `La comissió proposa concedir ${g} subvencions per un import total de ${a} d'un pressupost de ${b}; ${w} sol·licituds queden en llista d'espera per ordre de puntuació i ${below} no arriben al llindar de puntuació.`,
    signatures: 'Signatures',
    secretary: 'La secretària o el secretari',
    president: 'Vist i plau, la presidenta o el president',
    approvedAt: 'Acta aprovada el',
    meetingId: 'Identificador de la sessió',
  },
  es: {
    office: 'Ayuntamiento de Lleida · Área de Cooperación Internacional',
    title: 'Acta de la sesión de la comisión de valoración',
    law: 'Ley 40/2015, de 1 de octubre, de Régimen Jurídico del Sector Público, artículos 15 a 18 (órganos colegiados)',
    call: 'Convocatoria',
    heldOn: 'Fecha de la sesión',
    place: 'Lugar',
    attendance: 'Asistencia',
    present: 'presente',
    absent: 'ausente',
    roles: { president: 'Presidencia', secretary: 'Secretaría', member: 'Vocal', advisor: 'Asesoramiento' },
    noVote: 'con voz y sin voto',
    quorum: 'Quórum',
    quorumReached: (p, v, r) =>
      `Están presentes la presidencia, la secretaría y ${p} de los ${v} miembros con voto (se necesitan ${r}): la comisión se constituye válidamente.`,
    recusals: 'Abstenciones y recusaciones',
    noRecusals: 'Ningún miembro se abstiene en ningún punto.',
    conflicts: 'Conflictos de interés declarados por las personas evaluadoras',
    noConflicts: 'Ninguna persona evaluadora ha declarado conflicto de interés.',
    ranking: 'Clasificación',
    rank: 'Núm.',
    application: 'Solicitud y entidad',
    total: 'Puntos',
    award: 'Importe propuesto',
    outcomes: {
      provisionally_granted: 'Propuesta de concesión',
      waitlisted: 'Lista de espera',
      below_threshold: 'Bajo el umbral',
      pending: 'Pendiente',
    },
    partial: 'parcial: debe reformularse',
    proposal: 'Propuesta',
    proposalText: (g, a, b, w, below) =>
      `La comisión propone conceder ${g} subvenciones por un importe total de ${a} de un presupuesto de ${b}; ${w} solicitudes quedan en lista de espera por orden de puntuación y ${below} no alcanzan el umbral de puntuación.`,
    signatures: 'Firmas',
    secretary: 'La secretaria o el secretario',
    president: 'Visto bueno, la presidenta o el presidente',
    approvedAt: 'Acta aprobada el',
    meetingId: 'Identificador de la sesión',
  },
  en: {
    office: 'Lleida City Council · International Cooperation Office',
    title: 'Minutes of the evaluation committee meeting',
    law: 'Law 40/2015 of 1 October on the Legal Regime of the Public Sector, articles 15 to 18 (collegiate bodies)',
    call: 'Call',
    heldOn: 'Date of the meeting',
    place: 'Place',
    attendance: 'Attendance',
    present: 'present',
    absent: 'absent',
    roles: { president: 'Chair', secretary: 'Secretary', member: 'Member', advisor: 'Advisor' },
    noVote: 'may speak, no vote',
    quorum: 'Quorum',
    quorumReached: (p, v, r) =>
      `The chair, the secretary and ${p} of the ${v} voting members are present (${r} needed): the committee is validly constituted.`,
    recusals: 'Abstentions and recusals',
    noRecusals: 'No member abstains on any item.',
    conflicts: 'Conflicts of interest declared by the evaluators',
    noConflicts: 'No evaluator declared a conflict of interest.',
    ranking: 'Ranking',
    rank: 'No.',
    application: 'Application and entity',
    total: 'Points',
    award: 'Proposed amount',
    outcomes: {
      provisionally_granted: 'Proposed grant',
      waitlisted: 'Waiting list',
      below_threshold: 'Below threshold',
      pending: 'Pending',
    },
    partial: 'partial: to be reformulated',
    proposal: 'Proposal',
    proposalText: (g, a, b, w, below) =>
      `The committee proposes ${g} grants for a total of ${a} of a budget of ${b}; ${w} applications remain on the waiting list in order of score and ${below} do not reach the score threshold.`,
    signatures: 'Signatures',
    secretary: 'The secretary',
    president: 'Approved, the chair',
    approvedAt: 'Minutes approved on',
    meetingId: 'Meeting identifier',
  },
};

/** Renders the minutes in `locale`. The bytes depend only on the data and the language (dates fixed in the file). */
export function renderMinutes(data: MinutesData, locale: Locale): Promise<Buffer> {
  const l = LABELS[locale];
  const { doc, bytes } = newPdf(locale, {
    Title: `${l.title} ${data.call.code} ${data.heldOn}`,
    Author: l.office,
    Subject: data.call.code,
    Creator: 'Cofinança',
    CreationDate: data.approvedAt,
    ModDate: data.approvedAt,
  });
  const text = (s: string) => toWinAnsi(s);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const heading = (s: string) => {
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(12).fillColor('#000000').text(text(s), left, undefined, { width });
    doc.moveDown(0.3);
  };
  const para = (s: string, size = 10) =>
    doc.font('Helvetica').fontSize(size).fillColor('#000000').text(text(s), left, undefined, { width });

  doc.font('Helvetica').fontSize(9).fillColor('#555555').text(text(l.office));
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(17).fillColor('#000000').text(text(l.title));
  doc.font('Helvetica').fontSize(8.5).fillColor('#555555').text(text(l.law));
  doc.moveDown(1);
  para(`${l.call}: ${data.call.code} — ${data.call.title[locale]}`);
  para(`${l.heldOn}: ${formatDate(data.heldOn, locale)}`);
  para(`${l.place}: ${data.place}`);

  heading(l.attendance);
  for (const m of data.members) {
    const role = `${l.roles[m.role]}${m.role === 'advisor' ? ` (${l.noVote})` : ''}`;
    const position = m.position ? `, ${m.position}` : '';
    para(`${role}: ${m.name}${position} — ${m.present ? l.present : l.absent}`);
  }

  heading(l.quorum);
  para(l.quorumReached(data.quorum.votingPresent, data.quorum.voting, data.quorum.required));

  heading(l.recusals);
  if (!data.recusals.length) para(l.noRecusals);
  for (const r of data.recusals) para(`${r.memberName} — ${r.registryNumber ?? '—'}: ${r.reason}`);

  heading(l.conflicts);
  if (!data.conflicts.length) para(l.noConflicts);
  for (const c of data.conflicts) {
    para(`${c.evaluatorName} — ${c.registryNumber ?? '—'}${c.note ? `: ${c.note}` : ''}`);
  }

  heading(l.ranking);
  const columns = [
    { at: 0, w: 30 },
    { at: 32, w: 250 },
    { at: 286, w: 50 },
    { at: 340, w: width - 340 },
  ];
  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    const y = doc.y;
    let bottom = y;
    cells.forEach((cell, i) => {
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(8.5)
        .fillColor('#000000')
        .text(text(cell), left + columns[i].at, y, { width: columns[i].w });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 3;
  };
  row([l.rank, l.application, l.total, `${l.award}`], true);
  for (const item of data.ranking.items) {
    const blocks = item.blocks.map((b) => `${b.code} ${formatNumber(b.points, locale)}`).join(' · ');
    const outcome = l.outcomes[item.outcome] ?? item.outcome;
    const award = item.award === null ? outcome : `${formatAmount(item.award, locale)} — ${outcome}`;
    row([
      String(item.rank),
      `${item.registryNumber ?? '—'} · ${item.entityName}${item.title ? ` — ${item.title}` : ''}\n${blocks}`,
      formatNumber(item.total, locale),
      item.partial ? `${award} (${l.partial})` : award,
    ]);
  }

  heading(l.proposal);
  const items = data.ranking.items;
  para(
    l.proposalText(
      items.filter((i) => i.outcome === 'provisionally_granted').length,
      formatAmount(data.ranking.allocated, locale),
      formatAmount(data.ranking.budget, locale),
      items.filter((i) => i.outcome === 'waitlisted').length,
      items.filter((i) => i.outcome === 'below_threshold').length,
    ),
  );

  heading(l.signatures);
  const secretary = data.members.find((m) => m.role === 'secretary');
  const president = data.members.find((m) => m.role === 'president');
  doc.moveDown(2.5);
  const y = doc.y;
  const half = width / 2 - 10;
  doc.font('Helvetica').fontSize(9).text('_______________________________', left, y, { width: half });
  doc.text(text(l.secretary), left, undefined, { width: half });
  doc.text(text(secretary?.name ?? ''), left, undefined, { width: half });
  doc.text('_______________________________', left + half + 20, y, { width: half });
  doc.text(text(l.president), left + half + 20, undefined, { width: half });
  doc.text(text(president?.name ?? ''), left + half + 20, undefined, { width: half });
  doc.moveDown(2);
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#555555')
    .text(
      text(`${l.approvedAt} ${formatInstant(data.approvedAt, locale)} · ${l.meetingId} ${data.meetingId}`),
      left,
      undefined,
      {
        width,
      },
    );
  doc.end();
  return bytes;
}
