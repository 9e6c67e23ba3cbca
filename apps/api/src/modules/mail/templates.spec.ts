import { LOCALES } from '@cofinanca/contracts';
import { renderTemplate } from './templates';

describe(renderTemplate.name, () => {
  const cases = [
    ['invitation', { name: 'Anna', link: 'http://x/reset-password?token=abc', days: 7 }],
    ['password_reset', { name: 'Anna', link: 'http://x/reset-password?token=abc', minutes: 60 }],
    ['password_changed', { name: 'Anna' }],
  ] as const;

  it.each(cases)(
    'renders %s in every language, each different, with the name and link',
    (template, params) => {
      const texts = LOCALES.map((l) => renderTemplate(template, l, params as never));
      expect(new Set(texts.map((t) => t.subject)).size).toBe(LOCALES.length);
      for (const t of texts) {
        expect(t.text).toContain('Anna');
        if ('link' in params) expect(t.text).toContain(params.link);
      }
    },
  );

  it('falls back to Catalan for an unknown language', () => {
    const r = renderTemplate('password_changed', 'fr', { name: 'Anna' });
    expect(r.locale).toBe('ca');
    expect(r.subject).toBe('Heu canviat la contrasenya de Cofinança');
  });
});
