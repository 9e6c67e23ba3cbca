/**
 * Spanish identifiers (product.md "Identifiers"): NIF of legal persons, DNI and NIE of natural persons, IBAN with the
 * Spanish account code's own check digits, INE municipality codes and postcodes. Pure checks, no look-ups.
 */

/** Upper-cases a tax id and strips spaces, dots and hyphens: " g-25.012.345 " → "G25012345". */
export function normaliseTaxId(value: string): string {
  return typeof value === 'string' ? value.toUpperCase().replace(/[\s.-]/g, '') : '';
}

/** First letters of the NIF of legal persons (ex-CIF). K, L, M and X, Y, Z belong to natural persons. */
export const NIF_ENTITY_LETTERS = 'ABCDEFGHJNPQRSUVW';
/** Control letters of the NIF of legal persons, indexed by the control digit. */
export const NIF_CONTROL_LETTERS = 'JABCDEFGHI';
/** Control letters of DNI and NIE, indexed by the number mod 23. */
export const DNI_CONTROL_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

const NIF_PATTERN = /^[ABCDEFGHJNPQRSUVW]\d{7}[0-9A-J]$/;
const DNI_PATTERN = /^\d{8}[A-Z]$/;
const NIE_PATTERN = /^[XYZ]\d{7}[A-Z]$/;

/** Sum of the decimal digits of a number below 100 (2 × 9 = 18 → 9). */
function digitSum(n: number): number {
  return Math.floor(n / 10) + (n % 10);
}

/**
 * The control digit of a legal person's NIF from its 7 digits: digits in even positions added as they are, digits in
 * odd positions doubled and their digits added; d = (10 − sum mod 10) mod 10.
 */
export function nifControlDigit(sevenDigits: string): number {
  if (!/^\d{7}$/.test(sevenDigits)) throw new RangeError(`Not 7 digits: ${String(sevenDigits)}`);
  let sum = 0;
  for (let i = 0; i < 7; i += 1) {
    const digit = Number(sevenDigits[i]);
    // i is 0-based: i = 0, 2, 4, 6 are the 1st, 3rd, 5th and 7th (odd) positions.
    sum += i % 2 === 0 ? digitSum(2 * digit) : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** NIF of a legal person (ex-CIF): letter, 7 digits, control digit d or letter "JABCDEFGHI"[d]. Normalised first. */
export function isValidNif(value: string): boolean {
  const nif = normaliseTaxId(value);
  if (!NIF_PATTERN.test(nif)) return false;
  const d = nifControlDigit(nif.slice(1, 8));
  const control = nif[8];
  return control === String(d) || control === NIF_CONTROL_LETTERS[d];
}

function dniLetterFor(number: string): string {
  return DNI_CONTROL_LETTERS[Number(number) % 23];
}

/** DNI: 8 digits and the letter "TRWAGMYFPDXBNJZSQVHLCKE"[n mod 23]. Normalised first. */
export function isValidDni(value: string): boolean {
  const dni = normaliseTaxId(value);
  return DNI_PATTERN.test(dni) && dni[8] === dniLetterFor(dni.slice(0, 8));
}

/** NIE: X, Y or Z (read as 0, 1, 2), 7 digits and the DNI letter of the resulting 8-digit number. Normalised first. */
export function isValidNie(value: string): boolean {
  const nie = normaliseTaxId(value);
  if (!NIE_PATTERN.test(nie)) return false;
  const number = String('XYZ'.indexOf(nie[0])) + nie.slice(1, 8);
  return nie[8] === dniLetterFor(number);
}

/** The id of a natural person: a DNI or a NIE. */
export function isValidPersonalId(value: string): boolean {
  return isValidDni(value) || isValidNie(value);
}

/** IBAN lengths of the SEPA countries (ISO 13616 registry). A country not listed here is refused. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]+$/;

/** Upper-cases an IBAN and strips whitespace: "es91 2100 …" → "ES912100…". */
export function normaliseIban(value: string): string {
  return typeof value === 'string' ? value.toUpperCase().replace(/\s/g, '') : '';
}

/**
 * ISO 7064 mod 97 of an alphanumeric string whose letters count as 10 (A) … 35 (Z), computed digit by digit so no
 * big integers are needed.
 */
export function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const value = parseInt(char, 36);
    if (Number.isNaN(value)) throw new RangeError(`Not alphanumeric: ${alphanumeric}`);
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
  }
  return remainder;
}

/** The two IBAN check digits for a country and BBAN (98 − mod97(BBAN + country + "00")). */
export function ibanCheckDigits(countryCode: string, bban: string): string {
  const check = 98 - mod97(`${bban}${countryCode}00`.toUpperCase());
  return String(check).padStart(2, '0');
}

/**
 * An IBAN of a SEPA country: known country, its exact length, mod-97 = 1 (ISO 13616) and, for Spain, a valid 20-digit
 * account code. Spaces and lower case are accepted.
 */
export function isValidIban(value: string): boolean {
  const iban = normaliseIban(value);
  if (!IBAN_SHAPE.test(iban)) return false;
  const country = iban.slice(0, 2);
  const length = IBAN_LENGTHS[country];
  if (length === undefined || iban.length !== length) return false;
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) return false;
  return country !== 'ES' || isValidSpanishAccountCode(iban.slice(4));
}

const CCC_WEIGHTS = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];

/** One check digit of a Spanish account code over 10 digits: 11 − (Σ digit × weight mod 11), 11 → 0, 10 → 1. */
function cccCheckDigit(tenDigits: string): number {
  const sum = CCC_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(tenDigits[i]), 0);
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  if (digit === 10) return 1;
  return digit;
}

/**
 * The Spanish 20-digit account code (CCC): bank (4), branch (4), two check digits, account (10). The first check digit
 * covers "00" + bank + branch, the second the account number.
 */
export function isValidSpanishAccountCode(ccc20: string): boolean {
  if (typeof ccc20 !== 'string' || !/^\d{20}$/.test(ccc20)) return false;
  const first = cccCheckDigit(`00${ccc20.slice(0, 8)}`);
  const second = cccCheckDigit(ccc20.slice(10, 20));
  return ccc20.slice(8, 10) === `${first}${second}`;
}

/** The IBAN in groups of four for display: "ES91 2100 0418 4502 0005 1332". */
export function formatIban(value: string): string {
  return normaliseIban(value).replace(/(.{4})(?=.)/g, '$1 ');
}

const FIVE_DIGITS = /^\d{5}$/;

function provinceOf(value: string): number {
  return Number(value.slice(0, 2));
}

/** A 5-digit INE municipality code whose first two digits are a province 01–52 (Lleida: 25120). */
export function isIneMunicipalityCode(value: string): boolean {
  if (typeof value !== 'string' || !FIVE_DIGITS.test(value)) return false;
  const province = provinceOf(value);
  return province >= 1 && province <= 52;
}

/** A Spanish postcode: 5 digits from 01000 to 52999. */
export function isSpanishPostcode(value: string): boolean {
  if (typeof value !== 'string' || !FIVE_DIGITS.test(value)) return false;
  const n = Number(value);
  return n >= 1000 && n <= 52999;
}
