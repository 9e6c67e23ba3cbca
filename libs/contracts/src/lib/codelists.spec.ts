import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APPLICATION_POLICY_MARKERS,
  COUNTRY_CODES,
  CURRENCY_CODES,
  GENDER_EQUALITY_MARKER,
  isCountryCode,
  isCurrencyCode,
  isPolicyMarkerCode,
  isSdgGoal,
  isSdgTarget,
  isSectorCode,
  POLICY_MARKER_NAMES,
  POLICY_MARKERS,
  POLICY_SIGNIFICANCE,
  policyMarkerName,
  SDG_GOAL_NAMES,
  SDG_GOAL_NUMBERS,
  SDG_GOALS,
  SDG_TARGETS,
  sdgGoalName,
  SECTOR_CATEGORIES,
  sectorName,
  SECTORS,
} from './codelists';
import { LOCALES } from './locales';

/** The codes the IATI XML marks `status="withdrawn"`. */
function withdrawnCodes(file: string): string[] {
  const xml = readFileSync(join(__dirname, '../../codelists/iati', file), 'utf8');
  return [...xml.matchAll(/<codelist-item[^>]*status="withdrawn"[^>]*>\s*<code>([^<]+)<\/code>/g)].map(
    (m) => m[1],
  );
}

describe('codelists', () => {
  it('has the 17 SDGs, numbered 1 to 17, with their official English titles', () => {
    expect(SDG_GOALS).toHaveLength(17);
    expect(SDG_GOALS.map((g) => g.code)).toEqual([...SDG_GOAL_NUMBERS]);
    expect(SDG_GOALS[0].name).toBe('End poverty in all its forms everywhere');
  });

  it('has the 169 SDG targets, each in an existing goal, in official order', () => {
    expect(SDG_TARGETS).toHaveLength(169);
    for (const t of SDG_TARGETS) expect(t.code.startsWith(`${t.goal}.`)).toBe(true);
    expect(SDG_TARGETS.filter((t) => t.goal === 1).map((t) => t.code)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.a',
      '1.b',
    ]);
    const codes = SDG_TARGETS.map((t) => t.code);
    expect(codes).toContain('17.19');
    expect(codes).toEqual(expect.arrayContaining(['8.1', '8.10'])); // "8.10" is not read as the number 8.1
  });

  it('names every goal in Catalan, Spanish and English', () => {
    for (const goal of SDG_GOAL_NUMBERS) {
      for (const locale of LOCALES) expect(SDG_GOAL_NAMES[goal][locale]).toMatch(/\S/);
    }
    expect(SDG_GOAL_NAMES[1]).toEqual({ ca: 'Fi de la pobresa', es: 'Fin de la pobreza', en: 'No poverty' });
    expect(sdgGoalName(5, 'ca')).toBe('Igualtat de gènere');
    expect(sdgGoalName('17', 'en')).toBe('Partnerships for the goals');
    expect(sdgGoalName(18, 'es')).toBeUndefined();
  });

  it('keeps active DAC 5-digit sectors in known categories, sorted and unique', () => {
    expect(SECTORS).toHaveLength(295);
    const codes = SECTORS.map((s) => s.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    const categories = new Set(SECTOR_CATEGORIES.map((c) => c.code));
    for (const s of SECTORS) {
      expect(s.code).toMatch(/^\d{5}$/);
      expect(categories.has(s.category)).toBe(true);
    }
    expect(isSectorCode('15170')).toBe(true);
    expect(sectorName('15170')).toMatch(/^Women's rights organisations and movements/);
  });

  it('leaves withdrawn codes out', () => {
    const sectors = withdrawnCodes('Sector.xml');
    expect(sectors).toHaveLength(30);
    expect(sectors).toEqual(expect.arrayContaining(['15120', '23010', '92010']));
    for (const code of sectors) expect(isSectorCode(code)).toBe(false);
    for (const code of withdrawnCodes('SectorCategory.xml'))
      expect(SECTOR_CATEGORIES.map((c) => c.code)).not.toContain(code);
    expect(withdrawnCodes('Country.xml')).toEqual(['AN']);
    expect(isCountryCode('AN')).toBe(false);
    const currencies = withdrawnCodes('Currency.xml');
    expect(currencies).toEqual(expect.arrayContaining(['BYR', 'MRO', 'EEK']));
    for (const code of currencies) expect(isCurrencyCode(code)).toBe(false);
  });

  it.each([
    [5, '5.2', true],
    ['5', '5.2', true],
    [5, '5.c', true],
    [16, '16.10', true],
    [5, '6.1', false],
    ['5', '5.9', false],
    [18, '18.1', false],
    ['05', '5.2', false],
    [5, 5.2, false],
  ])('isSdgTarget(%p, %p) → %p', (goal, target, expected) => {
    expect(isSdgTarget(goal, target)).toBe(expected);
  });

  it.each([
    [1, true],
    [17, true],
    ['9', true],
    [0, false],
    [18, false],
    [1.5, false],
    ['09', false],
    [' 9', false],
    [null, false],
  ])('isSdgGoal(%p) → %p', (goal, expected) => expect(isSdgGoal(goal)).toBe(expected));

  it('has ISO 3166-1 alpha-2 countries and ISO 4217 currencies', () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(isCountryCode('SN')).toBe(true);
    expect(isCountryCode('ES')).toBe(true);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('sn')).toBe(false);
    expect(isCountryCode(undefined)).toBe(false);
    expect(CURRENCY_CODES).toHaveLength(167);
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('XOF')).toBe(true);
    expect(isCurrencyCode('ESP')).toBe(false);
  });

  it('declares the DAC policy markers of product.md with their IATI codes, named in ca/es/en', () => {
    expect(POLICY_MARKERS).toHaveLength(12);
    expect([...APPLICATION_POLICY_MARKERS]).toEqual(['1', '2', '3', '6', '7', '10', '11']);
    const official = new Map(POLICY_MARKERS.map((m) => [m.code, m.name]));
    expect(official.get(GENDER_EQUALITY_MARKER)).toBe('Gender Equality');
    expect(official.get('6')).toMatch(/Climate Change - Mitigation$/);
    expect(official.get('7')).toMatch(/Climate Change - Adaptation$/);
    expect(official.get('10')).toMatch(/^Disaster Risk Reduction/);
    expect(official.get('11')).toBe('Disability');
    for (const code of APPLICATION_POLICY_MARKERS) {
      for (const locale of LOCALES) expect(POLICY_MARKER_NAMES[code][locale]).toMatch(/\S/);
    }
    expect(policyMarkerName('1', 'es')).toBe('Igualdad de género');
    expect(policyMarkerName('4', 'ca')).toBeUndefined();
    expect(isPolicyMarkerCode('11')).toBe(true);
    expect(isPolicyMarkerCode('4')).toBe(false); // trade development: not asked of applications
    expect(isPolicyMarkerCode(1)).toBe(false);
    expect(POLICY_SIGNIFICANCE.slice(0, 3).map((s) => s.code)).toEqual(['0', '1', '2']);
  });
});
