import { LOCALES } from '@cofinanca/contracts';
import { renderTemplate } from '../templates';

const params = (n: number) => ({
  name: 'Jordi',
  callCode: 'COOP-2026',
  callTitle: { ca: 'Convocatòria 2026', es: 'Convocatoria 2026', en: 'Call 2026' },
  items: Array.from({ length: n }, (_, i) => ({
    registryNumber: `REG-2026-00000${i + 1}`,
    title: `Projecte ${i + 1}`,
    entityName: `Associació ${i + 1}`,
  })),
  link: 'http://x/',
});

describe('evaluation e-mail templates', () => {
  it.each([1, 3])('assignments_created lists every one of %i assignments in each language', (n) => {
    const p = params(n);
    const texts = LOCALES.map((l) => renderTemplate('assignments_created', l, p));
    expect(new Set(texts.map((t) => t.subject)).size).toBe(LOCALES.length);
    texts.forEach((t, i) => {
      expect(t.subject).toContain('COOP-2026');
      expect(t.text).toContain(p.callTitle[LOCALES[i]]);
      for (const item of p.items) {
        expect(t.text).toContain(item.registryNumber);
        expect(t.text).toContain(item.title);
        expect(t.text).toContain(item.entityName);
      }
      expect(t.text).toContain(p.link);
    });
  });

  it('counts them in the subject', () => {
    expect(renderTemplate('assignments_created', 'ca', params(3)).subject).toContain('3 sol·licituds');
    expect(renderTemplate('assignments_created', 'en', params(1)).subject).toContain('a new application');
  });
});
