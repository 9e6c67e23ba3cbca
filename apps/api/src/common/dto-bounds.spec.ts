import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { largestMaxItems } from './nested';

/** Every DTO module of the API (and the shared ones in common/), loaded so that their decorators register. */
async function loadDtos(): Promise<void> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : /\.dto\.ts$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  for (const file of [...walk(join(__dirname, '../modules')), ...walk(__dirname)]) await import(file);
}

/** class-validator keeps its metadata by target class in a private map; the test reads it whole. */
function everyValidation(): ValidationMetadata[] {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<unknown, ValidationMetadata[]>;
  };
  return [...storage.validationMetadatas.values()].flat();
}

const name = (m: ValidationMetadata) => `${(m.target as { name?: string }).name}.${m.propertyName}`;

/** The bounds of every request DTO hold by construction (issue 8): a DTO that loses one fails here. */
describe('request DTOs', () => {
  let all: ValidationMetadata[];
  beforeAll(async () => {
    await loadDtos();
    all = everyValidation();
  });

  const byProperty = () => {
    const map = new Map<string, ValidationMetadata[]>();
    for (const m of all) map.set(name(m), [...(map.get(name(m)) ?? []), m]);
    return map;
  };

  it('declare every nested object or list with @NestedObject / @NestedList (validated by type at every level)', () => {
    const nested = all.filter((m) => m.type === 'nestedValidation');
    expect(nested.length).toBeGreaterThan(20);
    // An array of arrays reaches validation as such only without them (an array is not an object, not an item).
    const shaped = (m: ValidationMetadata) => {
      const Target = m.target as new () => object;
      const value = (plainToInstance(Target, { [m.propertyName]: [[]] }) as Record<string, unknown>)[
        m.propertyName
      ];
      return !(Array.isArray(value) && Array.isArray(value[0]));
    };
    expect(nested.filter((m) => !shaped(m)).map(name)).toEqual([]);
  });

  it('give every array a maximum size, none above the body pre-check’s', () => {
    const unbounded: string[] = [];
    const maxima: number[] = [];
    for (const [property, rules] of byProperty()) {
      if (!rules.some((r) => r.name === 'isArray')) continue;
      const max = rules.find((r) => r.name === 'arrayMaxSize');
      if (!max) unbounded.push(property);
      else maxima.push(Number(max.constraints[0]));
    }
    expect(maxima.length).toBeGreaterThan(10);
    expect(unbounded).toEqual([]);
    expect(Math.max(...maxima)).toBe(largestMaxItems());
  });

  it('bound every free text with a maximum length', () => {
    const unbounded = [...byProperty()]
      .filter(([, rules]) => rules.some((r) => r.name === 'isString' && !r.each))
      .filter(([, rules]) => !rules.some((r) => r.name === 'maxLength' || r.name === 'matches'))
      .map(([property]) => property);
    expect(unbounded).toEqual([]);
  });
});
