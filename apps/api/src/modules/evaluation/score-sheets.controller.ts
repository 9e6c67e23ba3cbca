import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../common/decorators';
import { ProblemResponse } from '../../common/problem.response';
import { ReasonDto } from '../../common/reason.dto';
import type { AuthUser } from '../../common/request-context';
import { AssignmentIdParam, AssignmentResponse } from './evaluation.dto';
import { ScoreSheetsService } from './score-sheets.service';
import { DeclarationDto, ScoreSheetResponse, UpdateScoresDto } from './scoring.dto';

const DECLARATION_REQUIRED = {
  description: 'DECLARATION_REQUIRED (its evaluator, before declaring on conflicts)',
  type: ProblemResponse,
};
const NOT_FOUND = {
  description: "NOT_FOUND (also another evaluator's, or after declaring a conflict)",
  type: ProblemResponse,
};

/** An evaluator's work on an assignment: the declaration, the sheet, its submission; an officer's reopening. */
@ApiTags('evaluation')
@Controller('v1/assignments')
export class ScoreSheetsController {
  constructor(private readonly sheets: ScoreSheetsService) {}

  @Post(':id/declaration')
  @HttpCode(200)
  @Authorize(
    'evaluations.score',
    'Its evaluator declares, once, whether it has a conflict of interest (a conflict: it leaves the application for good)',
  )
  @ApiOkResponse({ type: AssignmentResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    description: 'INVALID_STATE (already declared; the call is not evaluating)',
    type: ProblemResponse,
  })
  declare(
    @CurrentUser() user: AuthUser,
    @Param() p: AssignmentIdParam,
    @Body() dto: DeclarationDto,
  ): Promise<AssignmentResponse> {
    return this.sheets.declare(user, p.id, dto);
  }

  @Get(':id/scores')
  @Authorize(
    ['evaluations.manage', 'evaluations.score'],
    'The score sheet (its evaluator after declaring; officers)',
  )
  @ApiOkResponse({ type: ScoreSheetResponse })
  @ApiForbiddenResponse(DECLARATION_REQUIRED)
  @ApiNotFoundResponse(NOT_FOUND)
  getScores(@CurrentUser() user: AuthUser, @Param() p: AssignmentIdParam): Promise<ScoreSheetResponse> {
    return this.sheets.get(user, p.id);
  }

  @Put(':id/scores')
  @Authorize(
    'evaluations.score',
    'Save the whole draft sheet (its evaluator, while in_progress; send the `version` read)',
  )
  @ApiOkResponse({ type: ScoreSheetResponse })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED (scores[i].criterionCode: ONE_OF, NOT_UNIQUE · scores[i].points: INVALID_POINTS, TOO_SMALL, TOO_LARGE)',
    type: ProblemResponse,
  })
  @ApiForbiddenResponse(DECLARATION_REQUIRED)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    description:
      'STALE_VERSION (the problem carries the `current` sheet to rebase on) · INVALID_STATE (submitted)',
    type: ProblemResponse,
  })
  putScores(
    @CurrentUser() user: AuthUser,
    @Param() p: AssignmentIdParam,
    @Body() dto: UpdateScoresDto,
  ): Promise<ScoreSheetResponse> {
    return this.sheets.put(user, p.id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Authorize(
    'evaluations.score',
    'Submit the sheet (its evaluator): it is locked; the last one evaluates the application',
  )
  @ApiOkResponse({ type: ScoreSheetResponse })
  @ApiForbiddenResponse(DECLARATION_REQUIRED)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'INVALID_STATE (already submitted)', type: ProblemResponse })
  @ApiUnprocessableEntityResponse({
    description: 'SCORES_INCOMPLETE: `errors` names each scores[i].points or scores[i].comment missing',
    type: ProblemResponse,
  })
  submit(@CurrentUser() user: AuthUser, @Param() p: AssignmentIdParam): Promise<ScoreSheetResponse> {
    return this.sheets.submit(user, p.id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Authorize('evaluations.manage', 'Reopen a submitted sheet with a reason, while the call is evaluating')
  @ApiOkResponse({ type: ScoreSheetResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({
    description: 'INVALID_STATE (not submitted; the call is not evaluating)',
    type: ProblemResponse,
  })
  reopen(
    @CurrentUser() user: AuthUser,
    @Param() p: AssignmentIdParam,
    @Body() dto: ReasonDto,
  ): Promise<ScoreSheetResponse> {
    return this.sheets.reopen(user, p.id, dto.reason);
  }
}
