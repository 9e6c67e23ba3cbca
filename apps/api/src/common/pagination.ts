import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AppException, fieldError } from './app.exception';
import { SORT_MAX_LENGTH } from './lengths';
import { rule } from './validation';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;

  @ApiPropertyOptional({
    maxLength: SORT_MAX_LENGTH,
    description: 'A field name; a leading `-` sorts descending.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^-?[a-zA-Z]{1,40}$/, { context: rule('INVALID_FORMAT') })
  sort?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export class PageMeta {
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** Resolves `?sort=` against the columns a route allows; anything else is a 400 naming `sort`. */
export function resolveSort(
  sort: string | undefined,
  allowed: Record<string, string>,
  fallback: [string, 'ASC' | 'DESC'],
): [string, 'ASC' | 'DESC'] {
  if (!sort) return fallback;
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  // An own property only: `constructor`, `toString`, `__proto__`… are not columns.
  const column = Object.hasOwn(allowed, key) ? allowed[key] : undefined;
  if (typeof column !== 'string')
    throw AppException.validation({
      sort: fieldError('INVALID_SORT', { values: Object.keys(allowed).join(', ') }),
    });
  return [column, desc ? 'DESC' : 'ASC'];
}

export function pageParams(q: PageQuery): { page: number; pageSize: number; skip: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 25;
  return { page, pageSize, skip: (page - 1) * pageSize };
}

/**
 * The `total` of a list: `count(*)` of the same filters, without its order, page or selected columns (TypeORM's
 * `getCount()` counts `DISTINCT id` as soon as a query joins, which PostgreSQL cannot answer from an index alone).
 */
export async function countRows(qb: SelectQueryBuilder<ObjectLiteral>): Promise<number> {
  const row = await qb
    .clone()
    .orderBy()
    .offset(undefined)
    .limit(undefined)
    .skip(undefined)
    .take(undefined)
    .select('count(*)::int', 'total')
    .getRawOne<{ total: number }>();
  return row?.total ?? 0;
}
