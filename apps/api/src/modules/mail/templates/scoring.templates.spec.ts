import { LOCALES } from '@cofinanca/contracts';
import { renderTemplate } from '../templates';

const base = {
  name: 'Marta',
  callCode: 'COOP-2026',
  registryNumber: 'REG-2026-000042',
  title: 'Aigua a Kolda',
  link: 'http://x/',
};

describe('scoring e-mail templates', () => {
  it('conflict_declared tells each officer who abstained from which application, in each language', () => {
    const texts = LOCALES.map((l) =>
      renderTemplate('conflict_declared', l, { ...base, evaluatorName: 'Pere Puig' }),
    );
    expect(new Set(texts.map((t) => t.subject)).size).toBe(LOCALES.length);
    for (const t of texts) {
      expect(t.subject).toContain('REG-2026-000042');
      expect(t.text).toContain('Pere Puig');
      expect(t.text).toContain('Aigua a Kolda');
      expect(t.text).toContain('http://x/');
    }
  });

  it('sheet_reopened gives the evaluator the reason, in each language', () => {
    const texts = LOCALES.map((l) =>
      renderTemplate('sheet_reopened', l, { ...base, reason: 'Falta el criteri D1' }),
    );
    expect(new Set(texts.map((t) => t.subject)).size).toBe(LOCALES.length);
    for (const t of texts) {
      expect(t.text).toContain('Falta el criteri D1');
      expect(t.text).toContain('REG-2026-000042');
    }
  });
});
