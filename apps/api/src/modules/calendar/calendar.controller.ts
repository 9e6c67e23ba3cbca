import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiBadRequestResponse,
} from '@nestjs/swagger';
import { Authorize } from '../../common/decorators';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import {
  BusinessDaysQuery,
  BusinessDaysResponse,
  CalendarStatusResponse,
  CreateHolidayDto,
  ImportHolidaysDto,
  HolidayIdParam,
  HolidayQuery,
  HolidayResponse,
  toHolidayResponse,
} from './calendar.dto';
import { CalendarService } from './calendar.service';
import { ProblemResponse } from '../../common/problem.response';

@ApiTags('calendar')
@Controller('v1/calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('holidays')
  @Authorize('calendar.read', 'Holidays of a year (all scopes)')
  @ApiOkResponse({ type: [HolidayResponse] })
  async list(@Query() q: HolidayQuery): Promise<HolidayResponse[]> {
    return (await this.calendar.list(q.year)).map(toHolidayResponse);
  }

  @Post('holidays')
  @Authorize('calendar.manage', 'Add a holiday')
  @ApiCreatedResponse({ type: HolidayResponse })
  @ApiConflictResponse({ description: 'DUPLICATE: same date and scope', type: ProblemResponse })
  async create(@Body() dto: CreateHolidayDto): Promise<HolidayResponse> {
    return toHolidayResponse(await this.calendar.create(dto));
  }

  @Post('holidays/import')
  @Authorize('calendar.manage', 'Add many holidays at once (pasted lines or a CSV), all or none')
  @ApiCreatedResponse({ type: [HolidayResponse] })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: errors.text names each refused line',
    type: ProblemResponse,
  })
  @ApiConflictResponse({
    description: 'DUPLICATE: a date and scope already in the calendar',
    type: ProblemResponse,
  })
  async import(@Body() dto: ImportHolidaysDto): Promise<HolidayResponse[]> {
    return (await this.calendar.import(dto)).map(toHolidayResponse);
  }

  @Get('status')
  @Authorize(
    'calendar.read',
    "This year's and next year's calendar, and the year to warn about (from 1 October)",
  )
  @ApiOkResponse({ type: CalendarStatusResponse })
  status(): Promise<CalendarStatusResponse> {
    return this.calendar.status();
  }

  @Delete('holidays/:id')
  @HttpCode(204)
  @Authorize('calendar.manage', 'Delete a holiday')
  @ApiNoContentResponse()
  async remove(@Param() p: HolidayIdParam): Promise<void> {
    await this.calendar.remove(p.id);
  }

  @Get('business-days')
  @Authorize('calendar.read', 'The Nth business day after a date (LPAC art. 30)')
  @ApiOkResponse({ type: BusinessDaysResponse })
  @ApiUnprocessableEntityResponse({
    description: 'CALENDAR_MISSING: the count would step into a year whose holidays have not been entered',
    type: ProblemResponse,
  })
  async businessDays(@Query() q: BusinessDaysQuery): Promise<BusinessDaysResponse> {
    const municipality = q.municipality ?? this.config.councilMunicipality;
    return {
      from: q.from,
      days: q.days,
      municipality,
      dueDate: await this.calendar.dueDate(q.from, q.days, municipality),
    };
  }
}
