/**
 * The registry receipt (justificant de registre, Llei 39/2015 arts. 16 and 66) as a PDF: registry number, instant,
 * entity, call, application and the SHA-256 of every document presented. Rendered with pdfkit and its built-in
 * standard fonts (Helvetica, Courier: WinAnsi encoding, which covers Catalan and Spanish — à, ç, l·l, ñ, €).
 */
import {
  formatAmount,
  formatBytes,
  formatInstant,
  isoInCouncilTime,
  type LocalisedText,
} from '@cofinanca/domain';
import type { Locale } from '@cofinanca/contracts';
import { newPdf } from '../../common/pdf';

export interface ReceiptDocument {
  /** A required-document code of the call, `attachment` or `correction`. */
  type: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

export interface ReceiptData {
  applicationId: string;
  registryNumber: string;
  submittedAt: Date;
  entity: { legalName: string; nif: string };
  call: { code: string; title: LocalisedText; requiredDocuments: { code: string; name: LocalisedText }[] };
  application: { title: string | null; requestedAmount: string | null };
  documents: ReceiptDocument[];
}

interface Labels {
  title: string;
  law: string;
  office: string;
  number: string;
  instant: string;
  entity: string;
  call: string;
  application: string;
  requested: string;
  issuedBy: string;
  documents: string;
  noDocuments: string;
  attachment: string;
  correction: string;
  applicationId: string;
  footer: string;
  untitled: string;
}

const LABELS: Record<Locale, Labels> = {
  ca: {
    title: "Justificant de registre d'entrada",
    law: "Llei 39/2015, d'1 d'octubre, del procediment administratiu comú de les administracions públiques, articles 16 i 66",
    office: 'Cofinança · Àrea de Cooperació Internacional',
    number: 'Número de registre',
    instant: 'Data i hora de presentació',
    entity: 'Entitat sol·licitant',
    call: 'Convocatòria',
    application: 'Sol·licitud',
    requested: 'Import sol·licitat',
    issuedBy: 'Oficina de registre',
    documents: 'Documents presentats',
    noDocuments: "No s'hi ha adjuntat cap document.",
    attachment: 'Document annex',
    correction: 'Esmena',
    applicationId: 'Identificador de la sol·licitud',
    footer:
      "Aquest justificant acredita la presentació de la sol·licitud en la data i l'hora indicades (hora de Madrid). " +
      "L'empremta SHA-256 de cada document permet comprovar que el fitxer conservat és idèntic al presentat.",
    untitled: '(sense títol)',
  },
  es: {
    title: 'Justificante de registro de entrada',
    law: 'Ley 39/2015, de 1 de octubre, del Procedimiento Administrativo Común de las Administraciones Públicas, artículos 16 y 66',
    office: 'Cofinança · Área de Cooperación Internacional',
    number: 'Número de registro',
    instant: 'Fecha y hora de presentación',
    entity: 'Entidad solicitante',
    call: 'Convocatoria',
    application: 'Solicitud',
    requested: 'Importe solicitado',
    issuedBy: 'Oficina de registro',
    documents: 'Documentos presentados',
    noDocuments: 'No se ha adjuntado ningún documento.',
    attachment: 'Documento anexo',
    correction: 'Subsanación',
    applicationId: 'Identificador de la solicitud',
    footer:
      'Este justificante acredita la presentación de la solicitud en la fecha y hora indicadas (hora de Madrid). ' +
      'La huella SHA-256 de cada documento permite comprobar que el fichero conservado es idéntico al presentado.',
    untitled: '(sin título)',
  },
  en: {
    title: 'Registry receipt',
    law: 'Spanish Law 39/2015 of 1 October on the Common Administrative Procedure of Public Administrations, articles 16 and 66',
    office: 'Cofinança · International Cooperation Office',
    number: 'Registry number',
    instant: 'Submitted on',
    entity: 'Applicant entity',
    call: 'Call',
    application: 'Application',
    requested: 'Amount requested',
    issuedBy: 'Registry office',
    documents: 'Documents submitted',
    noDocuments: 'No documents were attached.',
    attachment: 'Attachment',
    correction: 'Correction',
    applicationId: 'Application id',
    footer:
      'This receipt certifies that the application was submitted on the date and at the time shown (Madrid time). ' +
      'The SHA-256 fingerprint of each document proves that the file kept is identical to the one submitted.',
    untitled: '(untitled)',
  },
};

/** Characters of Windows-1252 above Latin-1's range that the standard PDF fonts can draw (pdfkit's WinAnsi map). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Letters that do not decompose into a Latin-1 letter and an accent. */
const LOOK_ALIKE: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i' };

/**
 * Text the standard fonts can draw: Latin-1 and the Windows-1252 extras as they are; other letters without their
 * accents when that makes them drawable (ő → o); anything else as "?". Control characters become spaces.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else if (code <= 0xff || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else {
      const base = (LOOK_ALIKE[ch] ?? ch).normalize('NFD').replace(/\p{M}/gu, '');
      out += [...base].every((c) => (c.codePointAt(0) as number) <= 0xff) && base ? base : '?';
    }
  }
  return out;
}

function documentTypeName(doc: ReceiptDocument, data: ReceiptData, locale: Locale, l: Labels): string {
  if (doc.type === 'attachment') return l.attachment;
  if (doc.type === 'correction') return l.correction;
  return data.call.requiredDocuments.find((d) => d.code === doc.type)?.name[locale] ?? doc.type;
}

/** Renders the receipt in the reader's language. The bytes of a receipt depend only on its data and language. */
export function renderRegistryReceipt(data: ReceiptData, locale: Locale): Promise<Buffer> {
  const l = LABELS[locale];
  const { doc, bytes } = newPdf(locale, {
    Title: `${l.title} ${data.registryNumber}`,
    Author: l.office,
    Subject: data.registryNumber,
    Creator: 'Cofinança',
    CreationDate: data.submittedAt,
    ModDate: data.submittedAt,
  });
  const text = (s: string) => toWinAnsi(s);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font('Helvetica').fontSize(9).fillColor('#555555').text(text(l.office));
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#000000').text(text(l.title));
  doc.font('Helvetica').fontSize(8.5).fillColor('#555555').text(text(l.law));
  doc.moveDown(1.2);

  const field = (label: string, value: string, mono = false): void => {
    doc.font('Helvetica-Bold').fontSize(9).fillColor('#555555').text(text(label));
    doc
      .font(mono ? 'Courier' : 'Helvetica')
      .fontSize(11)
      .fillColor('#000000')
      .text(text(value), { width });
    doc.moveDown(0.5);
  };

  field(l.number, data.registryNumber);
  field(
    l.instant,
    `${formatInstant(data.submittedAt, locale)} (${isoInCouncilTime(data.submittedAt)}, Europe/Madrid)`,
  );
  field(l.entity, `${data.entity.legalName} — NIF ${data.entity.nif}`);
  field(l.call, `${data.call.code} — ${data.call.title[locale]}`);
  field(l.application, data.application.title ?? l.untitled);
  if (data.application.requestedAmount) {
    field(l.requested, formatAmount(data.application.requestedAmount, locale));
  }
  field(l.issuedBy, l.office);
  field(l.applicationId, data.applicationId, true);

  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(12).fillColor('#000000').text(text(l.documents));
  doc.moveDown(0.3);
  if (data.documents.length === 0) {
    doc.font('Helvetica').fontSize(10).text(text(l.noDocuments));
  }
  data.documents.forEach((d, i) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor('#000000')
      .text(text(`${i + 1}. ${documentTypeName(d, data, locale, l)}`), { width });
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(text(`${d.fileName} (${formatBytes(d.sizeBytes, locale)})`), { width });
    doc.font('Courier').fontSize(8.5).fillColor('#333333').text(`SHA-256 ${d.sha256}`, { width });
    doc.moveDown(0.5);
  });

  doc.moveDown(1);
  doc.font('Helvetica').fontSize(8.5).fillColor('#555555').text(text(l.footer), { width });
  doc.end();
  return bytes;
}
