import { LOCALES } from '@cofinanca/contracts';
import { renderTemplate } from '../templates';

const params = (closesAt: string) => ({
  name: 'Anna',
  code: 'COOP-2026',
  title: { ca: 'Convocatòria 2026', es: 'Convocatoria 2026', en: 'Call 2026' },
  closesAt,
  reason: 'Vaga de transports',
  link: 'http://x/open-calls/1',
});

describe('calls e-mail templates', () => {
  it('call_extended: every language, each different, with the title in that language', () => {
    const p = params('2026-04-30T21:59:00Z');
    const texts = LOCALES.map((l) => renderTemplate('call_extended', l, p));
    expect(new Set(texts.map((t) => t.subject)).size).toBe(LOCALES.length);
    texts.forEach((t, i) => {
      expect(t.subject).toContain('COOP-2026');
      expect(t.text).toContain(p.title[LOCALES[i]]);
      for (const v of [p.name, p.reason, p.link]) expect(t.text).toContain(v);
    });
  });

  it.each([
    // Summer time (UTC+2) and winter time (UTC+1): the deadline is written in Madrid time.
    ['2026-04-30T21:59:00Z', 'ca', ['dijous, 30 d’abril del 2026, a les 23:59']],
    ['2026-04-30T21:59:00Z', 'es', ['jueves, 30 de abril de 2026, a las 23:59']],
    ['2026-04-30T21:59:00Z', 'en', ['Thursday, 30 April 2026 at 23:59']],
    ['2026-01-15T22:59:00Z', 'ca', ['15 de gener del 2026, a les 23:59']],
    ['2026-01-15T00:30:00Z', 'ca', ['15 de gener del 2026, a la 01:30']],
    ['2026-01-15T00:30:00Z', 'es', ['15 de enero de 2026, a la 01:30']],
  ])('writes %s in %s as %p', (closesAt, locale, fragments) => {
    const { text } = renderTemplate('call_extended', locale, params(closesAt));
    for (const f of fragments) expect(text).toContain(f);
  });
});
