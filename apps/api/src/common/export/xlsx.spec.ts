import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { Column } from './columns';
import { startXlsx } from './xlsx';
import { CALL_STATUS_LABELS } from './labels';

interface Row {
  code: string;
  budget: string;
  year: number;
  opens: string;
  at: string;
  status: string;
}
const columns: Column<Row>[] = [
  { key: 'code', header: { ca: 'Codi', es: 'Código', en: 'Code' }, type: 'text', value: (r) => r.code },
  {
    key: 'budget',
    header: { ca: 'Pressupost', es: 'Presupuesto', en: 'Budget' },
    type: 'money',
    value: (r) => r.budget,
  },
  { key: 'year', header: { ca: 'Any', es: 'Año', en: 'Year' }, type: 'number', value: (r) => r.year },
  {
    key: 'opens',
    header: { ca: 'Obertura', es: 'Apertura', en: 'Opens' },
    type: 'date',
    value: (r) => r.opens,
  },
  { key: 'at', header: { ca: 'Creada', es: 'Creada', en: 'Created' }, type: 'instant', value: (r) => r.at },
  {
    key: 'status',
    header: { ca: 'Estat', es: 'Estado', en: 'Status' },
    type: 'status',
    value: (r) => r.status,
    labels: CALL_STATUS_LABELS,
  },
];

async function render(rows: Row[]): Promise<ExcelJS.Worksheet> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  const sheet = startXlsx(out, 'Convocatòries', columns, 'ca');
  for (const r of rows) sheet.addRow(r);
  await sheet.finish();
  await done;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe(startXlsx.name, () => {
  it('writes a bold, frozen, filtered header and typed cells', async () => {
    const ws = await render([
      {
        code: 'C-1',
        budget: '1234567.89',
        year: 2026,
        opens: '2026-05-18',
        at: '2026-12-31T23:30:00Z',
        status: 'published',
      },
    ]);
    expect(ws.name).toBe('Convocatòries');
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Codi',
      'Pressupost',
      'Any',
      'Obertura',
      'Creada',
      'Estat',
    ]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:F1');
    const r = ws.getRow(2);
    expect(r.getCell(2).value).toBe(1234567.89);
    expect(r.getCell(2).numFmt).toBe('#,##0.00 "€"');
    expect(r.getCell(3).value).toBe(2026);
    expect(r.getCell(4).value).toEqual(new Date('2026-05-18T00:00:00Z'));
    expect(r.getCell(4).numFmt).toBe('dd/mm/yyyy');
    expect(r.getCell(5).value).toEqual(new Date('2027-01-01T00:30:00Z'));
    expect(r.getCell(6).value).toBe('Publicada');
  });

  it('streams many rows', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      code: `C-${i}`,
      budget: `${i}.05`,
      year: 2026,
      opens: '2026-01-01',
      at: '2026-01-01T10:00:00Z',
      status: 'draft',
    }));
    const ws = await render(rows);
    expect(ws.rowCount).toBe(3001);
    expect(ws.getRow(3001).getCell(2).value).toBe(2999.05);
  });
});
