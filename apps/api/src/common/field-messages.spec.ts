import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_ERROR_CODES, LOCALES } from '@cofinanca/contracts';
import {
  callerLocale,
  FIELD_MESSAGES,
  fieldMessage,
  formatParam,
  negotiateLocale,
  renderFieldErrors,
} from './field-messages';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('FIELD_MESSAGES', () => {
  it('has exactly the field codes of libs/domain', () =>
    expect(Object.keys(FIELD_MESSAGES).sort()).toEqual([...FIELD_ERROR_CODES].sort()));

  describe.each(FIELD_ERROR_CODES.map((code) => [code]))('%s', (code) => {
    it('has a message in ca, es and en, each a sentence with the same placeholders', () => {
      const messages = FIELD_MESSAGES[code];
      expect(Object.keys(messages).sort()).toEqual([...LOCALES].sort());
      for (const locale of LOCALES) {
        const text = messages[locale];
        expect(text.trim()).toMatch(/^[A-ZÀ-Ú].*\.$/);
        expect(placeholders(text)).toEqual(placeholders(messages.en));
      }
      // The three languages say it in their own words.
      expect(new Set(LOCALES.map((l) => messages[l])).size).toBeGreaterThan(code === 'INVALID_IBAN' ? 1 : 2);
    });
  });

  it("never writes 'de' before a vowel in Catalan (d' elision)", () => {
    for (const code of FIELD_ERROR_CODES)
      expect(FIELD_MESSAGES[code].ca).not.toMatch(/\bde [aeiouàèéíòóú1]/i);
  });
});

describe('the back-office catalogues (errors.field.<CODE>)', () => {
  it.each(LOCALES.map((l) => [l]))('say the same as the API in %s', (locale) => {
    const file = join(__dirname, '../../../backoffice/src/i18n', `${locale}.json`);
    const field = (JSON.parse(readFileSync(file, 'utf8')) as { errors: { field: Record<string, string> } })
      .errors.field;
    const expected = Object.fromEntries(
      FIELD_ERROR_CODES.map((code) => [code, FIELD_MESSAGES[code][locale].replace(/\{(\w+)\}/g, '{{$1}}')]),
    );
    expect(field).toEqual(expected);
  });
});

describe(fieldMessage.name, () => {
  it.each([
    ['ca', "No pot superar l'import màxim per sol·licitud (12000,00)."],
    ['es', 'No puede superar el importe máximo por solicitud (12000,00).'],
    ['en', 'Must not exceed the maximum per application (12000.00).'],
  ] as const)('interpolates params in %s', (locale, expected) =>
    expect(fieldMessage('EXCEEDS_CAP', locale, { max: '12000.00' })).toBe(expected),
  );

  it('leaves a missing param as written', () =>
    expect(fieldMessage('TOO_LONG', 'en')).toBe('Must be at most {max} characters long.'));
});

describe(formatParam.name, () => {
  it.each([
    ['2026-03-01', 'ca', '01/03/2026'],
    ['2026-03-02T09:00:00+01:00', 'es', '02/03/2026 09:00'],
    ['2026-07-01T10:00:00Z', 'en', '01/07/2026 12:00'],
    ['80.00', 'ca', '80,00'],
    ['80.00', 'en', '80.00'],
    [0.01, 'es', '0,01'],
    [200, 'ca', '200'],
    ['rank_order, score_bands', 'ca', 'rank_order, score_bands'],
  ] as const)('%p in %s → %p', (value, locale, expected) =>
    expect(formatParam(value, locale)).toBe(expected),
  );
});

describe(renderFieldErrors.name, () => {
  it('keeps each path, code and params and adds the message', () =>
    expect(
      renderFieldErrors(
        {
          'budgetLines[1].amount': [{ code: 'MAX_DECIMALS', params: { max: 2 } }],
          title: [{ code: 'REQUIRED' }],
        },
        'en',
      ),
    ).toEqual({
      'budgetLines[1].amount': [
        {
          code: 'MAX_DECIMALS',
          message: 'Must be an amount with at most 2 decimals, e.g. 12000.00.',
          params: { max: 2 },
        },
      ],
      title: [{ code: 'REQUIRED', message: 'Is required.' }],
    }));
});

describe(negotiateLocale.name, () => {
  it.each([
    [undefined, 'ca'],
    ['', 'ca'],
    ['es', 'es'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7', 'es'],
    ['de, en;q=0.5, ca-ES;q=0.6', 'ca'],
    ['es;q=0, en', 'en'],
    ['*', 'ca'],
    ['fr', 'ca'],
    [['en', 'es'] as string[], 'en'],
  ] as const)('%p → %s', (header, expected) => expect(negotiateLocale(header)).toBe(expected));
});

describe(callerLocale.name, () => {
  it("prefers the signed-in user's locale to Accept-Language", () =>
    expect(callerLocale({ user: { locale: 'en' }, headers: { 'accept-language': 'es' } })).toBe('en'));
  it('falls back to Accept-Language without a user or with an unknown locale', () => {
    expect(callerLocale({ headers: { 'accept-language': 'es' } })).toBe('es');
    expect(callerLocale({ user: { locale: 'fr' }, headers: { 'accept-language': 'en' } })).toBe('en');
  });
});
