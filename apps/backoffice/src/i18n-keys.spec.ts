import { describe, expect, it } from 'vitest';
import { LOCALES, permissionsFor, ROLES } from '@cofinanca/contracts';
import { buildNavigation } from './features/navigation/nav';
import { resources } from './i18n';

/**
 * Every i18n key the code uses exists in ca, es and en, so that no screen shows a raw key (`home.cards.calls`).
 * Literal keys are read from the sources: `t('…')`, `i18nKey="…"`, `…Key: '…'` (labelKey and the like). A key built
 * with a template literal (`t(\`grants.modality.${m}\`)`) must have its static prefix in every catalogue; families
 * built from data the test can enumerate (the home page's cards, the roles) are checked one by one.
 */
const SOURCES = import.meta.glob(['./**/*.ts', './**/*.tsx', '!./**/*.spec.ts', '!./**/*.spec.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

type Tree = { [key: string]: string | Tree };

function lookup(locale: (typeof LOCALES)[number], key: string): string | Tree | undefined {
  let node: string | Tree | undefined = resources[locale].translation as Tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[part];
  }
  return node;
}

/** A key resolves to a text: plain, or with i18next plural forms (`key_one`, `key_other`). */
function hasText(locale: (typeof LOCALES)[number], key: string): boolean {
  if (typeof lookup(locale, key) === 'string') return true;
  return (
    typeof lookup(locale, `${key}_other`) === 'string' && typeof lookup(locale, `${key}_one`) === 'string'
  );
}

const LITERAL = [
  /\bt\(\s*'([^'\n]+)'/g,
  /\bt\(\s*"([^"\n]+)"/g,
  /\bt\(\s*`([^`$\n]+)`/g,
  /\bi18nKey=\{?\s*["'`]([^"'`\n]+)["'`]/g,
  /\b[a-z][A-Za-z]*Key:\s*'([^'\n]+)'/g,
];
const PREFIX = [/\bt\(\s*`([^`$\n]*)\$\{/g, /\bi18nKey=\{`([^`$\n]*)\$\{/g];

const files = Object.entries(SOURCES).map(([path, text]) => ({ path, text }));

function uses(patterns: RegExp[]): { key: string; where: string }[] {
  return files.flatMap(({ path, text }) =>
    patterns.flatMap((p) => [...text.matchAll(p)].map((m) => ({ key: m[1], where: path }))),
  );
}

describe('i18n keys used in the code', () => {
  const literal = uses(LITERAL);
  const prefixes = uses(PREFIX).filter((u) => u.key.endsWith('.'));

  it('finds the keys in the sources (the scanner works)', () => {
    expect(files.map((f) => f.path)).toContain('./pages/HomePage.tsx');
    expect(literal.length).toBeGreaterThan(500);
    expect(literal.map((u) => u.key)).toContain('home.whatYouCanDo');
    expect(prefixes.map((u) => u.key)).toContain('home.cards.');
  });

  it.each(LOCALES)('every literal key is in the %s catalogue', (locale) => {
    const missing = literal.filter((u) => !hasText(locale, u.key)).map((u) => `${u.key} (${u.where})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it.each(LOCALES)('every prefix of a built key is a group of the %s catalogue', (locale) => {
    const missing = prefixes
      .filter((u) => typeof lookup(locale, u.key.slice(0, -1)) !== 'object')
      .map((u) => `${u.key}… (${u.where})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it.each(LOCALES)(
    "every home page card and role of every role's navigation is in the %s catalogue",
    (locale) => {
      const missing: string[] = [];
      for (const role of ROLES) {
        for (const item of buildNavigation(permissionsFor([role]))) {
          if (!hasText(locale, item.labelKey)) missing.push(`${item.labelKey} (${role})`);
          if (item.id !== 'home' && !hasText(locale, `home.cards.${item.id}`)) {
            missing.push(`home.cards.${item.id} (${role})`);
          }
        }
        for (const key of [`roles.${role}`, `home.roleText.${role}`]) {
          if (!hasText(locale, key)) missing.push(key);
        }
      }
      expect([...new Set(missing)]).toEqual([]);
    },
  );
});
