import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { CommitteeController } from './committee.controller';
import { CommitteeService } from './committee.service';

/** The evaluation committee: its meetings, quorum and the approval that freezes the ranking (issue 10). */
@Module({
  imports: [EvaluationModule],
  controllers: [CommitteeController],
  providers: [CommitteeService],
})
export class CommitteeModule {}
