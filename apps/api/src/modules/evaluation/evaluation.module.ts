import { Module } from '@nestjs/common';
import { AssignmentsService } from './assignments.service';
import { AssignmentsController, EvaluationController, EvaluatorsController } from './evaluation.controller';
import { InterestsService } from './interests.service';
import { StartEvaluation } from './start-evaluation';
import { RankingService } from './ranking.service';
import { ApplicationEvaluationController, RankingController } from './ranking.controller';
import { ScoreSheetsController } from './score-sheets.controller';
import { ScoreSheetsService } from './score-sheets.service';

/** Evaluation: its start, registers of interests, assignments (later: declarations, score sheets, the ranking). */
@Module({
  controllers: [
    EvaluationController,
    AssignmentsController,
    EvaluatorsController,
    ScoreSheetsController,
    ApplicationEvaluationController,
    RankingController,
  ],
  providers: [StartEvaluation, AssignmentsService, InterestsService, ScoreSheetsService, RankingService],
  exports: [RankingService],
})
export class EvaluationModule {}
