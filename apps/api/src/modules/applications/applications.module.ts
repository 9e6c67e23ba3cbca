import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { AdmissibilityController, ADMISSIBILITY_PROVIDERS } from './admissibility.controller';
import { ApplicationsController } from './applications.controller';
import { ApplicationCountsService } from './application-counts.service';
import { ApplicationsService } from './applications.service';
import { ApplicationDocumentsController } from './documents.controller';
import { ApplicationWorkflow } from './use-cases/admissibility-support';
import { AdmitApplication } from './use-cases/admit-application';
import { SubmitApplication } from './use-cases/submit-application';

@Module({
  imports: [CalendarModule],
  controllers: [ApplicationsController, ApplicationDocumentsController, AdmissibilityController],
  providers: [ApplicationsService, ApplicationCountsService, ApplicationWorkflow, ...ADMISSIBILITY_PROVIDERS],
  exports: [ApplicationsService, SubmitApplication, AdmitApplication],
})
export class ApplicationsModule {}
