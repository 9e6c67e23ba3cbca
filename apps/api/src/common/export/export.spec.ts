import type { Request } from 'express';
import { exportLocale, inPages, mapPages } from './export';

const req = (acceptLanguage?: string) =>
  ({ headers: { 'accept-language': acceptLanguage } }) as unknown as Request;

describe(exportLocale.name, () => {
  it('takes the user’s language first', () => {
    expect(exportLocale(req('es-ES,es;q=0.9'), { locale: 'en' })).toBe('en');
  });
  it('else the first supported language of Accept-Language, else Catalan', () => {
    expect(exportLocale(req('ca'))).toBe('ca');
    expect(exportLocale(req('fr-FR,es;q=0.8,en;q=0.5'))).toBe('es');
    expect(exportLocale(req('en-GB'), { locale: 'xx' })).toBe('en');
    expect(exportLocale(req('fr'))).toBe('ca');
    expect(exportLocale(req('es;q=0.5, en;q=0.9'))).toBe('en');
    expect(exportLocale(req())).toBe('ca');
  });
});

describe(inPages.name, () => {
  it('reads page after page until a short one, never more than a page at a time', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => i);
    const asked: [number, number][] = [];
    const pages: number[][] = [];
    for await (const page of inPages(async (skip, take) => {
      asked.push([skip, take]);
      return rows.slice(skip, skip + take);
    }, 500))
      pages.push(page);
    expect(asked).toEqual([
      [0, 500],
      [500, 500],
      [1000, 500],
    ]);
    expect(pages.map((p) => p.length)).toEqual([500, 500, 1]);
  });
  it('stops after an exactly full last page with one empty read, yielding no empty page', async () => {
    const pages: number[][] = [];
    for await (const page of mapPages(
      inPages(async (skip) => (skip < 4 ? [skip, skip + 1] : []), 2),
      (n) => n * 10,
    ))
      pages.push(page);
    expect(pages).toEqual([
      [0, 10],
      [20, 30],
    ]);
  });
});
