/**
 * The one place for how Cofinança writes money, dates, instants and names for a person: e-mails, the registry
 * receipt (PDF), CSV/XLSX exports and the back-office all call these. Pure functions over Intl (full ICU) and
 * date-fns; the language is one of the product's three (structurally the same as `Locale` in contracts).
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { COUNCIL_TIME_ZONE } from './dates';
import { normaliseMoney } from './money';

export type FormatLocale = 'ca' | 'es' | 'en';

/** The Intl tag of each language. English is written the British way (day first, 24 h). */
export const INTL_LOCALE: Readonly<Record<FormatLocale, string>> = { ca: 'ca-ES', es: 'es-ES', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(
  locale: FormatLocale,
  key: string,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const k = `n:${locale}:${key}`;
  let f = cache.get(k) as Intl.NumberFormat | undefined;
  if (!f) cache.set(k, (f = new Intl.NumberFormat(INTL_LOCALE[locale], options)));
  return f;
}
function dateFormat(
  locale: FormatLocale,
  key: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const k = `d:${locale}:${key}`;
  let f = cache.get(k) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(k, (f = new Intl.DateTimeFormat(INTL_LOCALE[locale], options)));
  return f;
}

// --- money -------------------------------------------------------------------------------------------------------

/**
 * A money string ("1234.5") as the reader writes it: "1.234,50 €" (ca, es), "€1,234.50" (en). Exact: Intl formats
 * decimal strings without a float on the way (ECMA-402 NumberFormat v3). Thousands are always grouped, also in
 * Spanish (whose CLDR default leaves four-digit amounts ungrouped).
 */
export function formatAmount(amount: string, locale: FormatLocale): string {
  return numberFormat(locale, 'eur', {
    style: 'currency',
    currency: 'EUR',
    useGrouping: 'always',
  }).format(normaliseMoney(amount) as Intl.StringNumericLiteral);
}

/**
 * A money or percentage string as a plain number a spreadsheet of that language parses: "1234,50" (ca, es),
 * "1234.50" (en). No grouping, no currency sign, exactly two decimals.
 */
export function formatDecimal(amount: string, locale: FormatLocale): string {
  const text = normaliseMoney(amount);
  return locale === 'en' ? text : text.replace('.', ',');
}

/** A plain number in the reader's language: 1234.5 → "1.234,5" (ca), "1,234.5" (en). */
export function formatNumber(value: number, locale: FormatLocale): string {
  return numberFormat(locale, 'num', { useGrouping: 'always', maximumFractionDigits: 2 }).format(value);
}

/** A file size in the reader's language: "12,4 kB", "3,1 MB", "512 B". */
export function formatBytes(bytes: number, locale: FormatLocale): string {
  const n = numberFormat(locale, 'bytes', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${n.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${n.format(bytes / 1024)} kB`;
  return `${n.format(bytes / (1024 * 1024))} MB`;
}

// --- dates and instants -----------------------------------------------------------------------------------------

function civil(date: string): Date {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** A civil date (YYYY-MM-DD) in words: "18 de maig del 2026", "18 de mayo de 2026", "18 May 2026". */
export function formatDate(date: string, locale: FormatLocale): string {
  return dateFormat(locale, 'long', { dateStyle: 'long', timeZone: 'UTC' }).format(civil(date));
}

/** A civil date (YYYY-MM-DD) as a spreadsheet or a form shows it: "18/05/2026" in all three languages. */
export function formatShortDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An instant as the council's clock reads it, in words: "27 de novembre del 2026, a les 20:15:22". */
export function formatInstant(instant: string | Date, locale: FormatLocale): string {
  return dateFormat(locale, 'instant', {
    dateStyle: 'long',
    timeStyle: 'medium',
    timeZone: COUNCIL_TIME_ZONE,
  }).format(new Date(instant));
}

/** An instant on the council's clock, short: "27/11/2026 20:15:22" (what a spreadsheet parses as date and time). */
export function formatShortInstant(instant: string | Date): string {
  return format(new TZDate(new Date(instant).getTime(), COUNCIL_TIME_ZONE), 'dd/MM/yyyy HH:mm:ss');
}

/** The day of an instant on the council's clock with its weekday: "dijous, 30 d’abril del 2026". */
export function formatInstantDay(instant: string | Date, locale: FormatLocale): string {
  return dateFormat(locale, 'full', { timeZone: COUNCIL_TIME_ZONE, dateStyle: 'full' }).format(
    new Date(instant),
  );
}

/** The time of an instant on the council's clock, 24-hour: "23:59". */
export function formatInstantTime(instant: string | Date): string {
  return format(new TZDate(new Date(instant).getTime(), COUNCIL_TIME_ZONE), 'HH:mm');
}

/** ISO 8601 in Europe/Madrid with its offset: "2026-11-27T20:15:22+01:00". */
export function isoInCouncilTime(instant: string | Date): string {
  return format(new TZDate(new Date(instant).getTime(), COUNCIL_TIME_ZONE), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/**
 * The wall-clock reading of an instant in Europe/Madrid as a Date whose UTC fields carry it (what a spreadsheet
 * cell, which has no time zone, must hold so that it shows Madrid time).
 */
export function councilWallClock(instant: string | Date): Date {
  const z = new TZDate(new Date(instant).getTime(), COUNCIL_TIME_ZONE);
  return new Date(
    Date.UTC(z.getFullYear(), z.getMonth(), z.getDate(), z.getHours(), z.getMinutes(), z.getSeconds()),
  );
}

/** A civil date (YYYY-MM-DD) as a Date at 00:00 UTC (a spreadsheet date cell). */
export function civilDate(date: string): Date {
  return civil(date);
}

// --- names ------------------------------------------------------------------------------------------------------

/** A text given in the three languages, in the reader's one, falling back to Catalan and then any. */
export function localisedText(
  text: Partial<Record<FormatLocale, string | null | undefined>> | null | undefined,
  locale: FormatLocale,
): string {
  if (!text) return '';
  return text[locale] || text.ca || text.es || text.en || '';
}

/** How a person is named to others: their name, else their e-mail address. */
export function personName(person: { name?: string | null; email?: string | null }): string {
  return person.name?.trim() || person.email || '';
}

/**
 * Catalan "de" before a name, with the elision and contraction Catalan spelling requires:
 * "d'Associació Amics", "d'Hospitalet", "de la Fundació", "del Casal" (de + el), "dels Amics" (de + els),
 * "de l'Escola". No apostrophe before a consonant, a number or a symbol, nor before i/u (or hi/hu) that sound as a
 * consonant ("de iogurt", "de Huelva"); the name keeps its own capitals.
 */
export function caDe(name: string): string {
  const text = name.trim();
  const article = /^e(ls?)\s+(.*)$/i.exec(text);
  if (article) return `de${article[1].toLowerCase()} ${article[2]}`;
  return elides(text) ? `d'${text}` : `de ${text}`;
}

/** "de {name}" in the given language: Catalan elides (`caDe`), Spanish and English text is left as it is. */
export function ofName(name: string, locale: FormatLocale): string {
  return locale === 'ca' ? caDe(name) : `de ${name.trim()}`;
}

const VOWEL = 'aeiouàáèéíïòóúü';
function elides(word: string): boolean {
  const w = word.normalize('NFC').toLowerCase();
  const first = w.charAt(0);
  const afterH = first === 'h' ? w.slice(1) : w;
  if (!afterH || !VOWEL.includes(afterH.charAt(0))) return false;
  // i and u before a vowel are consonants (iogurt, hiena, Huelva): no elision.
  if ('iu'.includes(afterH.charAt(0)) && VOWEL.includes(afterH.charAt(1) || '-')) return false;
  return true;
}
