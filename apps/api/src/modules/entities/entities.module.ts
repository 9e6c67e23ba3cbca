import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { EntitiesController } from './entities.controller';
import { EntitiesService } from './entities.service';
import { EntityMailer } from './entity-mailer';
import { EntityMembersController } from './entity-members.controller';
import { EntityMembersService } from './entity-members.service';
import { EntityStatusService } from './entity-status.service';
import { RegistrationController } from './registration.controller';
import { RegistrationService } from './registration.service';

/** Entities (NGOs): self-registration, profile, validation and suspension, members, the IBAN's certificate. */
@Module({
  imports: [AuthModule, UsersModule],
  controllers: [RegistrationController, EntitiesController, EntityMembersController],
  providers: [EntitiesService, EntityStatusService, EntityMembersService, RegistrationService, EntityMailer],
  exports: [EntitiesService],
})
export class EntitiesModule {}
