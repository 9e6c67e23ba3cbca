import {
  formatIban,
  IBAN_LENGTHS,
  ibanCheckDigits,
  isIneMunicipalityCode,
  isSpanishPostcode,
  isValidDni,
  isValidIban,
  isValidNie,
  isValidNif,
  isValidPersonalId,
  isValidSpanishAccountCode,
  mod97,
  nifControlDigit,
  normaliseIban,
  normaliseTaxId,
} from './identifiers';

describe(normaliseTaxId.name, () => {
  it.each([
    ['g25012345', 'G25012345'],
    [' G-25.012.345 ', 'G25012345'],
    ['x 1234567-l', 'X1234567L'],
    ['', ''],
  ])('%p → %p', (input, out) => expect(normaliseTaxId(input)).toBe(out));
  it('gives an empty string for a non-string', () =>
    expect(normaliseTaxId(null as unknown as string)).toBe(''));
});

describe(nifControlDigit.name, () => {
  // Odd positions (1st, 3rd, 5th, 7th) doubled with their digits added, even positions added as they are.
  it.each([
    // 5881850: odd 5,8,8,0 → 1+7+7+0 = 15; even 8,1,5 = 14; 29 → (10 − 9) mod 10 = 1
    ['5881850', 1],
    // 2501234: odd 2,0,2,4 → 4+0+4+8 = 16; even 5,1,3 = 9; 25 → 5
    ['2501234', 5],
    // 1800000: odd 1,0,0,0 → 2; even 8,0,0 = 8; 10 → (10 − 0) mod 10 = 0
    ['1800000', 0],
    // 0000000 → 0
    ['0000000', 0],
    // 9999999: odd 4 × (18 → 9) = 36; even 27; 63 → 7
    ['9999999', 7],
  ])('%s → %i', (digits, d) => expect(nifControlDigit(digits)).toBe(d));
  it('throws on anything but 7 digits', () => expect(() => nifControlDigit('123456')).toThrow(RangeError));
});

describe(isValidNif.name, () => {
  it.each([
    // 5881850 → d = 1 (see nifControlDigit)
    'A58818501',
    // 6541001: odd 6,4,0,1 → 3+8+0+2 = 13; even 5,1,0 = 6; 19 → 1
    'B65410011',
    // 0866361: odd 0,6,3,1 → 0+3+6+2 = 11; even 8,6,6 = 20; 31 → 9
    'G08663619',
    // 2826000: odd 2,2,0,0 → 4+4 = 8; even 8,6,0 = 14; 22 → 8 → "JABCDEFGHI"[8] = H
    'Q2826000H',
    // 2501234 → 5, as a digit and as the letter "JABCDEFGHI"[5] = E
    'G25012345',
    'G2501234E',
    // 1800000 → 0, digit 0 or letter J
    'G18000000',
    'G1800000J',
    // 1234567: odd 1,3,5,7 → 2+6+1+5 = 14; even 2,4,6 = 12; 26 → 4 → 4 or D
    'P12345674',
    'S1234567D',
    // normalised first: lower case, spaces, dots and hyphens
    'a58818501',
    ' g-2501234-e ',
    'B.65.410.011',
  ])('accepts %p', (nif) => expect(isValidNif(nif)).toBe(true));

  it.each([
    ['control digit off by one', 'A58818502'],
    ['control letter of another digit', 'G1234567E'],
    ['control letter outside JABCDEFGHI', 'G1234567Z'],
    ['first letter I (not used)', 'I25012345'],
    ['first letter O (not used)', 'O25012345'],
    ['first letter T (not used)', 'T25012345'],
    ['first letter K (natural person)', 'K25012345'],
    ['first letter L (natural person)', 'L25012345'],
    ['first letter M (natural person)', 'M25012345'],
    ['first letter X (NIE)', 'X25012345'],
    ['first letter Y (NIE)', 'Y25012345'],
    ['first letter Z (NIE)', 'Z25012345'],
    ['a digit first', '125012345'],
    ['6 digits', 'G2501235'],
    ['8 digits', 'G250123455'],
    ['a letter among the digits', 'G25O12345'],
    ['a DNI', '12345678Z'],
    ['empty', ''],
    ['only separators', ' .- '],
  ])('rejects %s (%p)', (_why, nif) => expect(isValidNif(nif)).toBe(false));

  it('rejects a non-string', () => expect(isValidNif(undefined as unknown as string)).toBe(false));
});

describe(isValidDni.name, () => {
  it.each([
    // 12345678 mod 23 = 14 → Z
    '12345678Z',
    // 0 mod 23 = 0 → T
    '00000000T',
    // 99999999 = 23 × 4347826 + 1 → R
    '99999999R',
    '12345678z',
    '12.345.678-Z',
  ])('accepts %p', (dni) => expect(isValidDni(dni)).toBe(true));
  it.each(['12345678A', '1234567Z', '123456789Z', '12345678', 'X1234567L', 'ABCDEFGHZ', ''])(
    'rejects %p',
    (dni) => expect(isValidDni(dni)).toBe(false),
  );
});

describe(isValidNie.name, () => {
  it.each([
    // X → 0: 01234567 mod 23 = 19 → L
    'X1234567L',
    // Y → 1: 11234567 mod 23 = 10 → X
    'Y1234567X',
    // Z → 2: 21234567 mod 23 = 1 → R
    'Z1234567R',
    'x-1234567-l',
  ])('accepts %p', (nie) => expect(isValidNie(nie)).toBe(true));
  it.each(['X1234567A', 'W1234567L', 'X12345678L', 'X123456L', '12345678Z', ''])('rejects %p', (nie) =>
    expect(isValidNie(nie)).toBe(false),
  );
});

describe(isValidPersonalId.name, () => {
  it.each([
    ['12345678Z', true],
    ['X1234567L', true],
    ['G25012345', false],
    ['12345678A', false],
  ])('%p → %p', (value, ok) => expect(isValidPersonalId(value)).toBe(ok));
});

describe(normaliseIban.name, () => {
  it('upper-cases and strips whitespace', () =>
    expect(normaliseIban(' es91 2100\t0418 4502 0005 1332 ')).toBe('ES9121000418450200051332'));
});

describe(mod97.name, () => {
  it.each([
    ['0', 0],
    ['97', 0],
    ['98', 1],
    ['A', 10],
    ['Z', 35],
    // an IBAN with its first four characters moved to the end gives 1
    ['21000418450200051332ES91', 1],
  ])('mod97(%p) = %i', (value, r) => expect(mod97(value)).toBe(r));
  it('handles numbers far beyond 2^53', () =>
    expect(mod97('9'.repeat(60))).toBe(Number((10n ** 60n - 1n) % 97n)));
  it('throws on non-alphanumeric characters', () => expect(() => mod97('12-3')).toThrow(RangeError));
});

describe(ibanCheckDigits.name, () => {
  it.each([
    ['ES', '21000418450200051332', '91'],
    ['GB', 'WEST12345698765432', '82'],
    ['DE', '370400440532013000', '89'],
  ])('%s + %s → %s', (country, bban, check) => expect(ibanCheckDigits(country, bban)).toBe(check));
});

describe(isValidSpanishAccountCode.name, () => {
  it.each([
    // 00 2100 0418 · weights 1,2,4,8,5,10,9,7,3,6 → 8+8+28+3+48 = 95; 95 mod 11 = 7 → 4
    // 0200051332 → 4+50+9+21+9+12 = 105; 105 mod 11 = 6 → 5
    ['21000418450200051332', true],
    // 00 2100 0813 → 8+8+56+3+18 = 93; 93 mod 11 = 5 → 6
    // 0123456789 → 2+8+24+20+50+54+49+24+54 = 285; 285 mod 11 = 10 → 11 − 10 = 1
    ['21000813610123456789', true],
    // all zeros: sums 0 → 11 → 0 for both
    ['00000000000000000000', true],
    ['21000418540200051332', false],
    ['21000418440200051332', false],
    ['21000418460200051332', false],
    ['2100041845020005133', false],
    ['210004184502000513321', false],
    ['2100041845020005133A', false],
    ['', false],
  ])('%p → %p', (ccc, ok) => expect(isValidSpanishAccountCode(ccc)).toBe(ok));
});

describe(isValidIban.name, () => {
  it.each([
    'ES9121000418450200051332',
    'ES7921000813610123456789',
    'es91 2100 0418 4502 0005 1332',
    ' ES79 2100 0813 6101 2345 6789 ',
    'GB82WEST12345698765432',
    'DE89370400440532013000',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'BE68539007547034',
    'NO9386011117947',
    'MT84MALT011000012345MTLCAST001S',
    'AT611904300234573201',
    'CH9300762011623852957',
    'IT60X0542811101000000123456',
    'PT50000201231234567890154',
    'IE29AIBK93115212345678',
  ])('accepts %p', (iban) => expect(isValidIban(iban)).toBe(true));

  it.each([
    ['mod-97 fails (last digit changed)', 'ES9121000418450200051333'],
    ['mod-97 fails (check digits changed)', 'ES9221000418450200051332'],
    ['mod-97 fails (two digits swapped)', 'ES9121000418450200053132'],
    // CCC 2100 0418 00 0200051332 has check digits 00 instead of 45; ES68 makes the mod-97 right
    ['mod-97 right but account-code check digits wrong', 'ES6821000418000200051332'],
    // CCC with 46 (first digit right, second wrong), mod-97 fixed with ES29
    ['mod-97 right but second account-code digit wrong', 'ES2921000418460200051332'],
    ['ES too short', 'ES912100041845020005133'],
    ['ES too long', 'ES91210004184502000513320'],
    ['GB one character short', 'GB82WEST1234569876543'],
    ['letters in the check digits', 'ESAB21000418450200051332'],
    ['a symbol', 'ES91-2100-0418-4502-0005-1332'],
    ['unknown country', 'US64SVBKUS6S3300958879'],
    ['non-SEPA country with a valid mod-97', 'BR1800360305000010009795493C1'],
    ['country code with digits', '1291210004184502000513'],
    ['empty', ''],
  ])('rejects: %s (%p)', (_why, iban) => expect(isValidIban(iban)).toBe(false));

  it('rejects a non-string', () => expect(isValidIban(42 as unknown as string)).toBe(false));

  it('knows the SEPA lengths it was given', () => {
    expect(Object.keys(IBAN_LENGTHS)).toHaveLength(37);
    expect(IBAN_LENGTHS['ES']).toBe(24);
    expect(IBAN_LENGTHS['MT']).toBe(31);
    expect(IBAN_LENGTHS['NO']).toBe(15);
  });
});

describe(formatIban.name, () => {
  it.each([
    ['ES9121000418450200051332', 'ES91 2100 0418 4502 0005 1332'],
    ['es91 2100 0418 4502 0005 1332', 'ES91 2100 0418 4502 0005 1332'],
    ['NO9386011117947', 'NO93 8601 1117 947'],
    ['MT84MALT011000012345MTLCAST001S', 'MT84 MALT 0110 0001 2345 MTLC AST0 01S'],
    ['', ''],
  ])('%p → %p', (input, out) => expect(formatIban(input)).toBe(out));
});

describe(isIneMunicipalityCode.name, () => {
  it.each([
    ['25120', true],
    ['01001', true],
    ['52001', true],
    ['08019', true],
    ['00123', false],
    ['53001', false],
    ['99999', false],
    ['2512', false],
    ['251200', false],
    ['2512a', false],
    ['', false],
  ])('%p → %p', (code, ok) => expect(isIneMunicipalityCode(code)).toBe(ok));
});

describe(isSpanishPostcode.name, () => {
  it.each([
    ['25001', true],
    ['01000', true],
    ['52999', true],
    ['08001', true],
    ['00999', false],
    ['53000', false],
    ['2500', false],
    ['250011', false],
    ['25 001', false],
    ['', false],
  ])('%p → %p', (code, ok) => expect(isSpanishPostcode(code)).toBe(ok));
  it('rejects a non-string', () => expect(isSpanishPostcode(25001 as unknown as string)).toBe(false));
});
