import { constants, inflateSync } from 'node:zlib';

/** Windows-1252 bytes 0x80–0x9f that differ from Latin-1 (the ones the receipt may use). */
const CP1252: Record<number, string> = { 0x80: '€', 0x92: '’', 0x96: '–', 0x97: '—', 0x93: '“', 0x94: '”' };

/**
 * The text drawn in a PDF made by pdfkit with the standard fonts: inflates each content stream and decodes the hex
 * strings of its TJ operators (WinAnsi). Enough to read a receipt back; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index as number) + m[0].length;
    const bytes = pdf.subarray(start, raw.indexOf('endstream', start));
    let content: string;
    try {
      content = inflateSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      lines.push([...Buffer.from(hex, 'hex')].map((b) => CP1252[b] ?? String.fromCharCode(b)).join(''));
    }
  }
  return lines.join('\n').replace(/\u00a0/g, ' ');
}
