import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import i18n from '../i18n';
import { FIELD_ERROR_CODES } from '@cofinanca/contracts';
import { applyFieldErrors, fieldMessage, fieldMessages, problemMessage } from './problem';

describe('problemMessage', () => {
  const t = i18n.getFixedT('ca');

  it('translates a known problem code', () => {
    const error = new ApiError(401, { code: 'INVALID_CREDENTIALS', detail: 'Wrong e-mail or password.' });
    expect(problemMessage(t, error)).toBe("L'adreça electrònica o la contrasenya no són correctes.");
  });

  it('says in how many minutes to try again after a 429', () => {
    const error = new ApiError(429, { code: 'RATE_LIMITED' }, 900);
    expect(problemMessage(t, error)).toContain('15 minuts');
  });

  it("falls back to the problem's detail for an unknown code", () => {
    const error = new ApiError(422, { code: 'SOMETHING_NEW' as never, detail: 'A new rule refused it.' });
    expect(problemMessage(t, error)).toBe('A new rule refused it.');
  });

  it('gives a generic message for anything that is not a problem', () => {
    expect(problemMessage(t, new Error('boom'))).toBe("S'ha produït un error inesperat.");
  });
});

describe('fieldMessage', () => {
  it('translates a field rule by its code, with its params, in the active language', async () => {
    await i18n.changeLanguage('ca');
    expect(fieldMessage({ code: 'TAKEN', message: 'This value is already in use.' })).toBe(
      'Aquest valor ja està en ús.',
    );
    expect(fieldMessage({ code: 'TOO_LONG', params: { max: 200 } })).toBe(
      'Ha de tenir com a màxim 200 caràcters.',
    );
    expect(fieldMessage({ code: 'NOT_BEFORE', params: { min: '2026-03-01' } })).toBe(
      'No pot ser anterior a 01/03/2026.',
    );
    expect(fieldMessage({ code: 'EXCEEDS_CAP', params: { max: '12000.00' } })).toBe(
      "No pot superar l'import màxim per sol·licitud (12000,00).",
    );
    await i18n.changeLanguage('es');
    expect(fieldMessage({ code: 'UNKNOWN_FIELD' })).toBe('No es un campo conocido.');
    await i18n.changeLanguage('en');
    expect(fieldMessage({ code: 'MAX_DECIMALS', params: { max: 2 } })).toBe(
      'Must be an amount with at most 2 decimals, e.g. 12000.00.',
    );
    await i18n.changeLanguage('ca');
  });

  it("falls back to the API's message for a code it does not know, else to 'not valid'", async () => {
    await i18n.changeLanguage('ca');
    expect(fieldMessage({ code: 'SOMETHING_NEW', message: 'Missatge del servidor.' })).toBe(
      'Missatge del servidor.',
    );
    expect(fieldMessage({ code: 'SOMETHING_NEW' })).toBe('No és vàlid.');
  });
});

describe('fieldMessages', () => {
  it('joins the messages of a field, each once', async () => {
    await i18n.changeLanguage('ca');
    expect(fieldMessages([{ code: 'REQUIRED' }, { code: 'REQUIRED' }, { code: 'INVALID_IBAN' }])).toBe(
      'És obligatori. No és un IBAN vàlid.',
    );
    expect(fieldMessages(undefined)).toBe('');
  });
});

describe('the field catalogues', () => {
  it.each(['ca', 'es', 'en'])('name every field rule code of libs/domain in %s', (lng) => {
    for (const code of FIELD_ERROR_CODES) {
      expect(i18n.exists(`errors.field.${code}`, { lng, fallbackLng: false })).toBe(true);
    }
  });
});

describe('applyFieldErrors', () => {
  it('puts translated messages on the fields the form shows and returns the rest', async () => {
    await i18n.changeLanguage('ca');
    const set: Record<string, string> = {};
    const error = new ApiError(400, {
      code: 'VALIDATION_FAILED',
      errors: {
        email: [{ code: 'TAKEN', message: 'This value is already in use.' }],
        nickname: [{ code: 'UNKNOWN_FIELD', message: 'Is not a known field.' }],
      },
    });
    const rest = applyFieldErrors<{ email: string }>(error, (field, e) => (set[field] = e.message ?? ''), [
      'email',
    ]);
    expect(set).toEqual({ email: 'Aquest valor ja està en ús.' });
    expect(rest).toEqual(['nickname: No és un camp conegut.']);
  });
});
