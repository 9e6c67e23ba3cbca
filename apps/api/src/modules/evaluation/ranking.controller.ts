import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authorize, CurrentUser } from '../../common/decorators';
import { ApiExport, exportLocale, sendExport, type ExportFormat } from '../../common/export';
import { ProblemResponse } from '../../common/problem.response';
import type { AuthUser } from '../../common/request-context';
import { ApplicationIdParam } from '../applications/application.dto';
import { CallIdParam } from '../calls/calls.dto';
import { rankingColumns } from './ranking.export';
import { RankingService } from './ranking.service';
import {
  ApplicationEvaluationResponse,
  ConsensusDto,
  EvaluatorStatsResponse,
  RankingResponse,
  SimulateDto,
  SimulationResponse,
} from './scoring.dto';

const DECLARATION_REQUIRED = {
  description: 'DECLARATION_REQUIRED (its evaluator, before declaring on conflicts)',
  type: ProblemResponse,
};

/** The evaluation of an application and its consensus. */
@ApiTags('evaluation')
@Controller('v1/applications')
export class ApplicationEvaluationController {
  constructor(private readonly ranking: RankingService) {}

  @Get(':id/evaluation')
  @Authorize(
    ['evaluations.manage', 'evaluations.score', 'applications.apply'],
    "The aggregation of an application's sheets (officers: with names; its evaluator after submitting; its entity once the call is provisionally resolved)",
  )
  @ApiOkResponse({ type: ApplicationEvaluationResponse })
  @ApiForbiddenResponse(DECLARATION_REQUIRED)
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({
    description:
      'INVALID_STATE (an evaluator before submitting its own sheet; an entity before the provisional resolution)',
    type: ProblemResponse,
  })
  evaluation(
    @CurrentUser() user: AuthUser,
    @Param() p: ApplicationIdParam,
  ): Promise<ApplicationEvaluationResponse> {
    return this.ranking.evaluation(user, p.id);
  }

  @Post(':id/consensus')
  @HttpCode(200)
  @Authorize(
    'evaluations.manage',
    'Record the consensus score of an evaluated application (it replaces the mean)',
  )
  @ApiOkResponse({ type: ApplicationEvaluationResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (scores: REQUIRED · scores[i].points…)',
    type: ProblemResponse,
  })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({
    description: 'INVALID_STATE (the application is not evaluated)',
    type: ProblemResponse,
  })
  consensus(
    @CurrentUser() user: AuthUser,
    @Param() p: ApplicationIdParam,
    @Body() dto: ConsensusDto,
  ): Promise<ApplicationEvaluationResponse> {
    return this.ranking.consensus(user, p.id, dto);
  }
}

const SHEET = { ca: 'Rànquing', es: 'Ranking', en: 'Ranking' } as const;
const RANKING_READERS = ['evaluations.manage', 'reports.read'] as const;

/** A call's severity table, ranking (and its exports) and the allocation simulator. */
@ApiTags('evaluation')
@Controller('v1/calls')
export class RankingController {
  constructor(private readonly ranking: RankingService) {}

  @Get(':id/evaluator-stats')
  @Authorize(
    'evaluations.manage',
    "Each evaluator's severity: mean deviation from the other evaluators' totals",
  )
  @ApiOkResponse({ type: EvaluatorStatsResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  stats(@Param() p: CallIdParam): Promise<EvaluatorStatsResponse> {
    return this.ranking.evaluatorStats(p.id);
  }

  @Get(':id/ranking')
  @Authorize(
    RANKING_READERS,
    'The live ranking with its allocation (officers; others once provisionally resolved)',
  )
  @ApiOkResponse({ type: RankingResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({
    description: 'INVALID_STATE (not an officer, before the provisional resolution)',
    type: ProblemResponse,
  })
  get(@CurrentUser() user: AuthUser, @Param() p: CallIdParam): Promise<RankingResponse> {
    return this.ranking.ranking(user, p.id);
  }

  @Get(':id/ranking.csv')
  @Authorize(RANKING_READERS, 'The ranking as CSV (UTF-8 with BOM, `;`; amounts in the reader’s locale)')
  @ApiExport('csv')
  exportCsv(
    @CurrentUser() user: AuthUser,
    @Param() p: CallIdParam,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.export('csv', user, p.id, req, res);
  }

  @Get(':id/ranking.xlsx')
  @Authorize(RANKING_READERS, 'The ranking as XLSX (typed cells)')
  @ApiExport('xlsx')
  exportXlsx(
    @CurrentUser() user: AuthUser,
    @Param() p: CallIdParam,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.export('xlsx', user, p.id, req, res);
  }

  private async export(format: ExportFormat, user: AuthUser, id: string, req: Request, res: Response) {
    const ranking = await this.ranking.ranking(user, id);
    const locale = exportLocale(req, user);
    const codes = ranking.items[0]?.blocks.map((b) => b.code) ?? [];
    async function* pages() {
      for (let i = 0; i < ranking.items.length; i += 500) yield ranking.items.slice(i, i + 500);
    }
    return sendExport(res, {
      format,
      name: 'ranking',
      sheet: SHEET[locale],
      columns: rankingColumns(codes),
      locale,
      pages: pages(),
    });
  }

  @Post(':id/allocation/simulate')
  @HttpCode(200)
  @Authorize('evaluations.manage', 'The ranking under other parameters and what changes; stores nothing')
  @ApiOkResponse({ type: SimulationResponse })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED (budget: MAX_DECIMALS · scoreBands: REQUIRED for score_bands without bands · ' +
      'scoreBands[i].minScore: NOT_UNIQUE, INVALID_POINTS · scoreBands[i].percent: NOT_POSITIVE, INVALID_PERCENT…)',
    type: ProblemResponse,
  })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  simulate(@Param() p: CallIdParam, @Body() dto: SimulateDto): Promise<SimulationResponse> {
    return this.ranking.simulate(p.id, dto);
  }
}
