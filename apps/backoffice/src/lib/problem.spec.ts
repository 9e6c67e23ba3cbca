import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import i18n from '../i18n';
import { fieldMessage, problemMessage } from './problem';

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
  it('translates the API field messages it knows and calls the rest not valid', async () => {
    await i18n.changeLanguage('ca');
    expect(fieldMessage('is already in use')).toBe('Aquest valor ja està en ús.');
    expect(fieldMessage('is not correct')).toBe('Aquest valor no és correcte.');
    expect(fieldMessage('must be longer than or equal to 10 characters')).toBe('Aquest valor no és vàlid.');
    await i18n.changeLanguage('es');
    expect(fieldMessage('is not a known field')).toBe('Este campo no se admite.');
    await i18n.changeLanguage('ca');
  });
});
