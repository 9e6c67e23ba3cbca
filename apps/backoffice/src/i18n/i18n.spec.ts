import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ROLES } from '@cofinanca/contracts';
import { resources } from './index';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const catalogues = {
  ca: flatten(resources.ca.translation as Tree),
  es: flatten(resources.es.translation as Tree),
  en: flatten(resources.en.translation as Tree),
};

describe('i18n catalogues', () => {
  it('have exactly the same keys in ca, es and en', () => {
    const reference = [...catalogues.ca.keys()].sort();
    expect([...catalogues.es.keys()].sort()).toEqual(reference);
    expect([...catalogues.en.keys()].sort()).toEqual(reference);
  });

  it('have no empty values', () => {
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      const empty = [...catalogue]
        .filter(([, value]) => value.trim() === '')
        .map(([key]) => `${locale}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('use the same interpolation variables in every language', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of catalogues.ca) {
      expect(vars(catalogues.es.get(key) ?? ''), `es:${key}`).toEqual(vars(value));
      expect(vars(catalogues.en.get(key) ?? ''), `en:${key}`).toEqual(vars(value));
    }
  });

  it('translate every API error code and every role', () => {
    for (const code of ERROR_CODES) expect(catalogues.ca.has(`errors.${code}`), code).toBe(true);
    for (const role of ROLES) expect(catalogues.ca.has(`roles.${role}`), role).toBe(true);
  });
});
