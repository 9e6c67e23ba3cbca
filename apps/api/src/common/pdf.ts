/**
 * What every legal document of the API shares: an A4 pdfkit document whose bytes are collected into a buffer, and the
 * HTTP answer that serves a stored PDF inline. The documents themselves (registry receipt, committee minutes) draw
 * their own content.
 */
import { StreamableFile } from '@nestjs/common';
import PDFDocument from 'pdfkit';

type Info = NonNullable<PDFKit.PDFDocumentOptions['info']>;

/**
 * A new A4 document in `lang` with `info`, and the promise of its bytes once `doc.end()` is called. The bytes depend
 * only on what is drawn and on `info` (give it fixed dates).
 */
export function newPdf(lang: string, info: Info): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 60, right: 60 },
    lang,
    info,
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** A stored PDF as the answer of a GET: inline, with its file name. */
export function inlinePdf(fileName: string, pdf: Buffer): StreamableFile {
  return new StreamableFile(pdf, {
    type: 'application/pdf',
    length: pdf.length,
    disposition: `inline; filename="${fileName}"`,
  });
}
