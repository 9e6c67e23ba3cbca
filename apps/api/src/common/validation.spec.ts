import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ArrayMinSize,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
  getMetadataStorage,
  validate,
} from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { isFieldErrorCode } from '@cofinanca/domain';
import { IsAfterField } from '../modules/calls/call-validators';
import { IsIban, IsNif } from '../modules/entities/entity-validators';
import { CONSTRAINT_CODES, flattenValidationErrors, rule } from './validation';

class Line {
  @IsString() @Matches(/^\d+(\.\d{1,2})?$/, { context: rule('MAX_DECIMALS', { max: 2 }) }) amount: string;
}

class Sample {
  @IsString() @MaxLength(5) name: string;
  @IsIn(['a', 'b']) kind: string;
  @Min(1) count: number;
  @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => Line) lines: Line[];
  @IsNif() nif: string;
  @IsIban() iban: string;
  @IsString() opensAt: string;
  @IsAfterField('opensAt') closesAt: string;
}

const issues = async (plain: Record<string, unknown>) =>
  flattenValidationErrors(
    await validate(plainToInstance(Sample, plain), { whitelist: true, forbidNonWhitelisted: true }),
  );

describe(flattenValidationErrors.name, () => {
  it('codes each constraint, with the params its message needs, by path', async () => {
    expect(
      await issues({
        name: 'too long',
        kind: 'c',
        count: 0,
        lines: [{ amount: '1.00' }, { amount: '1.234' }],
        nif: 'G0000000X',
        iban: 'ES00',
        opensAt: '2026-03-02T09:00:00+01:00',
        closesAt: '2026-03-01T09:00:00+01:00',
        extra: true,
      }),
    ).toEqual({
      name: [{ code: 'TOO_LONG', params: { max: 5 } }],
      kind: [{ code: 'ONE_OF', params: { values: 'a, b' } }],
      count: [{ code: 'TOO_SMALL', params: { min: 1 } }],
      'lines[1].amount': [{ code: 'MAX_DECIMALS', params: { max: 2 } }],
      nif: [{ code: 'INVALID_NIF' }],
      iban: [{ code: 'INVALID_IBAN' }],
      closesAt: [{ code: 'MUST_BE_AFTER', params: { min: '2026-03-02T09:00:00+01:00' } }],
      extra: [{ code: 'UNKNOWN_FIELD' }],
    });
  });

  it('reports an empty list and a wrong type', async () => {
    const found = await issues({ name: 42, kind: 'a', count: 1, lines: [], nif: 'x', iban: 'y' });
    expect(found['name']).toEqual([{ code: 'TOO_LONG', params: { max: 5 } }, { code: 'NOT_STRING' }]);
    expect(found['lines']).toEqual([{ code: 'TOO_FEW', params: { min: 1 } }]);
  });
});

describe('CONSTRAINT_CODES', () => {
  it('maps only to field codes of libs/domain', () => {
    for (const code of Object.values(CONSTRAINT_CODES)) expect(isFieldErrorCode(code)).toBe(true);
  });

  it('names the rule of every constraint any request DTO of the API uses', async () => {
    const modules = join(__dirname, '../modules');
    for (const dir of readdirSync(modules)) {
      for (const file of readdirSync(join(modules, dir))) {
        if (/\.dto\.ts$/.test(file)) await import(join(modules, dir, file));
      }
    }
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<object, ValidationMetadata[]>;
      getTargetValidatorConstraints(target: object): { name: string }[];
    };
    const unnamed = new Set<string>();
    let count = 0;
    for (const list of storage.validationMetadatas.values()) {
      for (const m of list) {
        if (m.type !== 'customValidation') continue;
        count++;
        const name = m.name ?? storage.getTargetValidatorConstraints(m.constraintCls)[0]?.name ?? '?';
        const context = m.context as { code?: unknown } | undefined;
        if (context?.code !== undefined) expect(isFieldErrorCode(context.code)).toBe(true);
        else if (!(name in CONSTRAINT_CODES) || (name === 'matches' && m.target !== Line)) {
          unnamed.add(`${(m.target as { name?: string }).name}.${m.propertyName}: ${name}`);
        }
      }
    }
    expect(count).toBeGreaterThan(100);
    expect([...unnamed]).toEqual([]);
  });
});
