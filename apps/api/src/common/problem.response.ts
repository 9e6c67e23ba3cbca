import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  ERROR_CODES,
  FIELD_ERROR_CODES,
  type ErrorCode,
  type FieldErrorCode,
  type FieldErrorParams,
} from '@cofinanca/contracts';

/** One broken rule of a field: its stable code, its message in the caller's language, the values it names. */
export class FieldErrorResponse {
  @ApiProperty({ enum: FIELD_ERROR_CODES, enumName: 'FieldErrorCode', example: 'TOO_LONG' })
  code: FieldErrorCode;
  @ApiProperty({
    description: "In the signed-in user's language, else Accept-Language (ca, es, en), else Catalan",
    example: 'Ha de tenir com a màxim 200 caràcters.',
  })
  message: string;
  @ApiPropertyOptional({
    description: 'The values the message names, e.g. `{ "max": 200 }`',
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
  })
  params?: FieldErrorParams;
}

/** RFC 9457 problem details, as every error of the API is sent (`application/problem+json`). */
export class ProblemResponse {
  @ApiProperty({ example: 'https://cofinanca.cat/problems/validation-failed' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional() detail?: string;
  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode' }) code: ErrorCode;
  @ApiPropertyOptional({
    description: 'The broken rules per field path, e.g. `budgetLines[1].amount`',
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: getSchemaPath(FieldErrorResponse) } },
  })
  errors?: Record<string, FieldErrorResponse[]>;
  @ApiPropertyOptional({ description: 'Also sent as X-Request-Id' }) requestId?: string;
}
