import { Module } from '@nestjs/common';
import { AssignmentsService } from './assignments.service';
import { AssignmentsController, EvaluationController, EvaluatorsController } from './evaluation.controller';
import { InterestsService } from './interests.service';
import { StartEvaluation } from './start-evaluation';

/** Evaluation: its start, registers of interests, assignments (later: declarations, score sheets, the ranking). */
@Module({
  controllers: [EvaluationController, AssignmentsController, EvaluatorsController],
  providers: [StartEvaluation, AssignmentsService, InterestsService],
})
export class EvaluationModule {}
