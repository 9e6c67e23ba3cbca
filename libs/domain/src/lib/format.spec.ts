import {
  caDe,
  civilDate,
  councilWallClock,
  formatAmount,
  formatBytes,
  formatDate,
  formatDecimal,
  formatInstant,
  formatInstantDay,
  formatInstantTime,
  formatNumber,
  formatShortDate,
  formatShortInstant,
  isoInCouncilTime,
  localisedText,
  ofName,
  personName,
} from './format';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it.each([
    ['ca', '1234.56', '1.234,56 €'],
    ['es', '1234.56', '1.234,56 €'],
    ['en', '1234.56', '€1,234.56'],
    ['ca', '1234567.89', '1.234.567,89 €'],
    ['es', '1234567.89', '1.234.567,89 €'],
    ['en', '1234567.89', '€1,234,567.89'],
    ['ca', '12', '12,00 €'],
  ] as const)('%s writes %s as %s', (locale, amount, expected) => {
    expect(plain(formatAmount(amount, locale))).toBe(expected);
  });

  it('is exact beyond floating-point precision', () => {
    expect(formatAmount('999999999999.99', 'en')).toBe('€999,999,999,999.99');
    expect(formatDecimal('999999999999.99', 'ca')).toBe('999999999999,99');
  });

  it('writes plain decimals for spreadsheets: comma in ca/es, point in en, two decimals', () => {
    expect(formatDecimal('1234.5', 'ca')).toBe('1234,50');
    expect(formatDecimal('80', 'es')).toBe('80,00');
    expect(formatDecimal('1234.5', 'en')).toBe('1234.50');
    expect(() => formatDecimal('1,5', 'ca')).toThrow(RangeError);
  });

  it('writes numbers and file sizes in the reader’s language', () => {
    expect(plain(formatNumber(1234.5, 'ca'))).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatBytes(512, 'ca')).toBe('512 B');
    expect(formatBytes(12_700, 'ca')).toBe('12,4 kB');
    expect(formatBytes(3_250_000, 'en')).toBe('3.1 MB');
  });
});

describe('dates and instants', () => {
  it.each([
    ['ca', '18 de maig del 2026'],
    ['es', '18 de mayo de 2026'],
    ['en', '18 May 2026'],
  ] as const)('%s writes a civil date in words', (locale, expected) => {
    expect(formatDate('2026-05-18', locale)).toBe(expected);
  });

  it('never shifts a civil date by a time zone', () => {
    expect(formatShortDate('2026-01-01')).toBe('01/01/2026');
    expect(civilDate('2026-12-31').toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });

  it('reads instants on the council clock, summer and winter', () => {
    expect(isoInCouncilTime('2026-07-01T10:00:00Z')).toBe('2026-07-01T12:00:00+02:00');
    expect(isoInCouncilTime('2026-12-31T23:30:00Z')).toBe('2027-01-01T00:30:00+01:00');
    expect(formatInstant('2026-12-31T23:30:00Z', 'en')).toBe('1 January 2027 at 00:30:00');
    expect(formatShortInstant('2026-12-31T23:30:00Z')).toBe('01/01/2027 00:30:00');
    expect(formatShortInstant(new Date('2026-07-01T10:00:00Z'))).toBe('01/07/2026 12:00:00');
    expect(formatInstantTime('2026-04-30T21:59:00Z')).toBe('23:59');
    expect(formatInstantDay('2026-04-30T21:59:00Z', 'ca')).toBe('dijous, 30 d’abril del 2026');
  });

  it('gives a spreadsheet the Madrid wall clock', () => {
    expect(councilWallClock('2026-12-31T23:30:00Z').toISOString()).toBe('2027-01-01T00:30:00.000Z');
    expect(councilWallClock('2026-07-01T10:00:00Z').toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });
});

describe('names', () => {
  it('picks the reader’s language of a text, falling back to Catalan', () => {
    expect(localisedText({ ca: 'Convocatòria', es: 'Convocatoria', en: 'Call' }, 'es')).toBe('Convocatoria');
    expect(localisedText({ ca: 'Convocatòria', es: '', en: '' }, 'en')).toBe('Convocatòria');
    expect(localisedText(null, 'ca')).toBe('');
  });

  it('names a person by name, else e-mail', () => {
    expect(personName({ name: 'Marta Puig', email: 'm@x.cat' })).toBe('Marta Puig');
    expect(personName({ name: ' ', email: 'm@x.cat' })).toBe('m@x.cat');
  });

  it.each([
    ['Associació Amics del Sàhara', "d'Associació Amics del Sàhara"],
    ['Amics de la Terra', "d'Amics de la Terra"],
    ['Entitat X', "d'Entitat X"],
    ['Iniciatives Solidàries', "d'Iniciatives Solidàries"],
    ['Obra Social', "d'Obra Social"],
    ['Unió de Pagesos', "d'Unió de Pagesos"],
    ['Òmnium', "d'Òmnium"],
    ['Hospitalet Solidari', "d'Hospitalet Solidari"],
    ['Humanitat', "d'Humanitat"],
    ['Fundació Pau', 'de Fundació Pau'],
    ['la Fundació', 'de la Fundació'],
    ['Lleida Solidària', 'de Lleida Solidària'],
    ['el Casal', 'del Casal'],
    ['El Casal dels Infants', 'del Casal dels Infants'],
    ['Els Amics', 'dels Amics'],
    ['Iogurt', 'de Iogurt'],
    ['Huelva Acoge', 'de Huelva Acoge'],
    ['Hiena', 'de Hiena'],
    ['3 Cims', 'de 3 Cims'],
    ['«Entitat»', 'de «Entitat»'],
    ['REG-2026-000001', 'de REG-2026-000001'],
  ])('Catalan: de + %s → %s', (name, expected) => {
    expect(caDe(name)).toBe(expected);
  });

  it('elides only in Catalan', () => {
    expect(ofName('Associació X', 'ca')).toBe("d'Associació X");
    expect(ofName('Asociación X', 'es')).toBe('de Asociación X');
  });
});
