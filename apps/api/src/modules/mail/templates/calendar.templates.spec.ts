import { LOCALES } from '@cofinanca/contracts';
import { renderTemplate } from '../templates';

describe('calendar e-mail templates', () => {
  it('calendar_missing: every language, each different, naming the year and the link', () => {
    const p = { name: 'Marta', year: 2027, link: 'http://x/calendar?year=2027' };
    const texts = LOCALES.map((l) => renderTemplate('calendar_missing', l, p));
    expect(new Set(texts.map((t) => t.subject)).size).toBe(LOCALES.length);
    for (const t of texts) {
      expect(t.subject).toContain('2027');
      for (const v of [p.name, p.link]) expect(t.text).toContain(v);
    }
    expect(texts[0].subject).toBe('Falta el calendari de festius del 2027');
  });
});
