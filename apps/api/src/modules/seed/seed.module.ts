import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { StartupService } from './startup.service';

@Module({ imports: [UsersModule], providers: [StartupService], exports: [StartupService] })
export class SeedModule {}
