import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarReminderService } from './calendar-reminder.service';
import { CalendarService } from './calendar.service';

@Module({
  controllers: [CalendarController],
  providers: [CalendarService, CalendarReminderService],
  exports: [CalendarService, CalendarReminderService],
})
export class CalendarModule {}
