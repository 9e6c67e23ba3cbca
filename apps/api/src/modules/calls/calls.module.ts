import { Module } from '@nestjs/common';
import { CallClosingService } from './call-closing.service';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';

@Module({
  controllers: [CallsController],
  providers: [CallsService, CallClosingService],
  exports: [CallsService, CallClosingService],
})
export class CallsModule {}
