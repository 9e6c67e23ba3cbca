/**
 * The longest text of each kind a request may carry, stated as `maxLength` in the OpenAPI document. Fields with a
 * pattern (money, percentages, dates, codes) are bounded by it; the number says so to clients and to the fuzz test
 * (`lengths.spec.ts` checks each against its pattern).
 */
/** `123456789012.34` (MONEY_PATTERN: 12 digits, 2 decimals). */
export const MONEY_MAX_LENGTH = 15;
/** `100.00` (PERCENT_PATTERN). */
export const PERCENT_MAX_LENGTH = 6;
/** `YYYY-MM-DD`. */
export const DATE_MAX_LENGTH = 10;
/** `2026-03-31T23:59:59.123456789+02:00`. */
export const INSTANT_MAX_LENGTH = 35;
/** A UUID in its canonical form. */
export const UUID_LENGTH = 36;
/** A sort field with its optional `-` (`/^-?[a-zA-Z]{1,40}$/`). */
export const SORT_MAX_LENGTH = 41;
