import type { Column } from './columns';
import { csvHeader, csvRow, toCsv } from './csv';
import { APPLICATION_STATUS_LABELS, ROLE_LABELS } from './labels';

describe(toCsv.name, () => {
  it('writes a BOM, semicolons and CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', 2]])).toBe('\uFEFFa;b\r\n1;2\r\n');
  });
  it('quotes separators, quotes and line breaks', () => {
    expect(toCsv(['x'], [['a;b'], ['say "hi"'], ['two\nlines']])).toBe(
      '\uFEFFx\r\n"a;b"\r\n"say ""hi"""\r\n"two\nlines"\r\n',
    );
  });
  it('neutralises formulas', () => {
    expect(toCsv(['x'], [['=HYPERLINK("x")'], ['+1'], ['-2'], ['@SUM']])).toBe(
      `\uFEFFx\r\n"'=HYPERLINK(""x"")"\r\n'+1\r\n'-2\r\n'@SUM\r\n`,
    );
  });
  it('writes empty cells for null and undefined, and keeps accents', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, 'Àrea de Cooperació']])).toBe(
      '\uFEFFa;b;c\r\n;;Àrea de Cooperació\r\n',
    );
  });
});

interface Row {
  name: string;
  amount: string | null;
  n: number;
  on: string;
  at: Date;
  status: string;
  roles: string[];
  ok: boolean;
}
const columns: Column<Row>[] = [
  { key: 'name', header: { ca: 'Nom', es: 'Nombre', en: 'Name' }, type: 'text', value: (r) => r.name },
  {
    key: 'amount',
    header: { ca: 'Import', es: 'Importe', en: 'Amount' },
    type: 'money',
    value: (r) => r.amount,
  },
  { key: 'n', header: { ca: 'Punts', es: 'Puntos', en: 'Points' }, type: 'number', value: (r) => r.n },
  { key: 'on', header: { ca: 'Data', es: 'Fecha', en: 'Date' }, type: 'date', value: (r) => r.on },
  { key: 'at', header: { ca: 'Moment', es: 'Momento', en: 'At' }, type: 'instant', value: (r) => r.at },
  {
    key: 'status',
    header: { ca: 'Estat', es: 'Estado', en: 'Status' },
    type: 'status',
    value: (r) => r.status,
    labels: APPLICATION_STATUS_LABELS,
  },
  {
    key: 'roles',
    header: { ca: 'Rols', es: 'Roles', en: 'Roles' },
    type: 'status',
    value: (r) => r.roles,
    labels: ROLE_LABELS,
  },
  { key: 'ok', header: { ca: 'Actiu', es: 'Activo', en: 'Active' }, type: 'boolean', value: (r) => r.ok },
];
const row: Row = {
  name: '=cmd|x',
  amount: '1234.5',
  n: -2.5,
  on: '2026-05-18',
  at: new Date('2026-12-31T23:30:00Z'),
  status: 'correction_requested',
  roles: ['officer', 'admin'],
  ok: true,
};

describe('typed CSV rows', () => {
  it('writes headers in the reader’s language after the BOM', () => {
    expect(csvHeader(columns, 'ca')).toBe('\uFEFFNom;Import;Punts;Data;Moment;Estat;Rols;Actiu\r\n');
    expect(csvHeader(columns, 'en')).toBe('\uFEFFName;Amount;Points;Date;At;Status;Roles;Active\r\n');
  });
  it('writes a decimal comma for ca/es, Madrid time, statuses in words; guards only text', () => {
    expect(csvRow(columns, row, 'ca')).toBe(
      "'=cmd|x;1234,50;-2,5;18/05/2026;01/01/2027 00:30:00;Requeriment d'esmena;Personal tècnic, Administració;Sí\r\n",
    );
    expect(csvRow(columns, row, 'es')).toContain(';1234,50;-2,5;18/05/2026;');
    expect(csvRow(columns, row, 'en')).toBe(
      "'=cmd|x;1234.50;-2.5;18/05/2026;01/01/2027 00:30:00;Correction requested;Programme officer, Administrator;Yes\r\n",
    );
  });
  it('leaves empty cells empty and writes an unknown status as its code', () => {
    expect(csvRow(columns, { ...row, amount: null, status: 'future_state', ok: false }, 'ca')).toContain(
      ';;-2,5;',
    );
    expect(csvRow(columns, { ...row, status: 'future_state' }, 'ca')).toContain(';future_state;');
  });
});
