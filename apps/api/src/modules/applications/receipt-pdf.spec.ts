import { pdfText } from '../../../test/utils/pdf-text';
import { renderRegistryReceipt, toWinAnsi, type ReceiptData } from './receipt-pdf';

const data: ReceiptData = {
  applicationId: '0b5f3f7e-3c9a-4a43-9d59-2f1f3f7e3c9a',
  registryNumber: 'REG-2026-000042',
  submittedAt: new Date('2026-03-02T08:30:15Z'),
  entity: { legalName: 'Associació Col·lectiu Lleidatà per la Cooperació', nif: 'G25123456' },
  call: {
    code: 'COOP-2026',
    title: {
      ca: 'Convocatòria de cooperació 2026',
      es: 'Convocatoria de cooperación 2026',
      en: 'Cooperation call 2026',
    },
    requiredDocuments: [
      {
        code: 'project',
        name: { ca: 'Formulari del projecte', es: 'Formulario del proyecto', en: 'Project form' },
      },
    ],
  },
  application: { title: 'Aigua i sanejament a Ziguinxor', requestedAmount: '12000.50' },
  documents: [
    { type: 'project', fileName: 'projecte-ç.pdf', sizeBytes: 12_700, sha256: 'a'.repeat(64) },
    { type: 'attachment', fileName: 'pressupost.xlsx', sizeBytes: 300, sha256: 'b'.repeat(64) },
  ],
};

describe(renderRegistryReceipt.name, () => {
  it('renders a PDF with the number, instant in Madrid, entity, call and each SHA-256, in Catalan', async () => {
    const pdf = await renderRegistryReceipt(data, 'ca');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain("Justificant de registre d'entrada");
    expect(text).toContain('REG-2026-000042');
    expect(text).toContain('2026-03-02T09:30:15+01:00');
    expect(text).toContain('Associació Col·lectiu Lleidatà per la Cooperació — NIF G25123456');
    expect(text).toContain('COOP-2026 — Convocatòria de cooperació 2026');
    expect(text).toContain('Sol·licitud');
    expect(text).toContain('12.000,50 €');
    expect(text).toContain('Formulari del projecte');
    expect(text).toContain('projecte-ç.pdf');
    expect(text).toContain('Document annex');
    expect(text).toContain(`SHA-256 ${'a'.repeat(64)}`);
    expect(text).toContain(`SHA-256 ${'b'.repeat(64)}`);
    expect(text).toContain('Cooperació Internacional');
  });

  it.each([
    ['es', 'Justificante de registro de entrada', 'Formulario del proyecto', '12.000,50 €'],
    ['en', 'Registry receipt', 'Project form', '€12,000.50'],
  ] as const)('speaks %s', async (locale, title, docType, amount) => {
    const text = pdfText(await renderRegistryReceipt(data, locale));
    expect(text).toContain(title);
    expect(text).toContain(docType);
    expect(text).toContain(amount);
    expect(text).toContain('REG-2026-000042');
  });

  it('is the same document every time it is issued', async () => {
    const [a, b] = await Promise.all([renderRegistryReceipt(data, 'ca'), renderRegistryReceipt(data, 'ca')]);
    expect(a.equals(b)).toBe(true);
  });
});

describe(toWinAnsi.name, () => {
  it.each([
    ['sol·licitud à ç ñ € «»', 'sol·licitud à ç ñ € «»'],
    ['Łódź Dąbrowa', 'Lódz Dabrowa'],
    ['Ziguinchor 水', 'Ziguinchor ?'],
    ['a\nb\tc', 'a b c'],
  ])('%p → %p', (input, expected) => {
    expect(toWinAnsi(input)).toBe(expected);
  });
});
