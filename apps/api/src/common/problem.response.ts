import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '@cofinanca/contracts';

/** RFC 9457 problem details, as every error of the API is sent (`application/problem+json`). */
export class ProblemResponse {
  @ApiProperty({ example: 'https://cofinanca.cat/problems/validation-failed' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional() detail?: string;
  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode' }) code: ErrorCode;
  @ApiPropertyOptional({
    description: 'Messages per field path, e.g. `budgetLines[1].amount`',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  })
  errors?: Record<string, string[]>;
  @ApiPropertyOptional({ description: 'Also sent as X-Request-Id' }) requestId?: string;
}
