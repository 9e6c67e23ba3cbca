import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { InterestsService } from '../evaluation/interests.service';
import { UsersModule } from '../users/users.module';
import { StartupService } from './startup.service';

/**
 * Start-up data. The demo goes through the applications' use cases (exported by ApplicationsModule) and the
 * registers of interests' service (stateless: its own instance here, beside EvaluationModule's).
 */
@Module({
  imports: [UsersModule, ApplicationsModule],
  providers: [StartupService, InterestsService],
  exports: [StartupService],
})
export class SeedModule {}
