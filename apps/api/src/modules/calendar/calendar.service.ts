import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In, type EntityManager } from 'typeorm';
import {
  addBusinessDays,
  addCalendarDays,
  applicableScopes,
  CALENDAR_SCOPES,
  CALENDAR_WARNING_FROM,
  CalendarMissingError,
  calendarYearsOf,
  dateInTimeZone,
  holidayDates,
  missingCalendarYear,
  parseHolidayLines,
  yearOf,
  fieldIssue,
  type FieldIssue,
  type HolidayLineError,
} from '@cofinanca/domain';
import { AppException, fieldError } from '../../common/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { HolidayEntity } from './holiday.entity';
import type { CreateHolidayDto, ImportHolidaysDto } from './calendar.dto';

@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  list(year?: number): Promise<HolidayEntity[]> {
    return this.dataSource.getRepository(HolidayEntity).find({
      where: year ? { date: Between(`${year}-01-01`, `${year}-12-31`) } : {},
      order: { date: 'ASC', scope: 'ASC' },
    });
  }

  async create(dto: CreateHolidayDto): Promise<HolidayEntity> {
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(HolidayEntity);
      if (await repo.existsBy({ date: dto.date, scope: dto.scope })) {
        throw AppException.conflict('DUPLICATE', 'There is a holiday on that date for that scope already.', {
          date: fieldError('TAKEN'),
        });
      }
      const saved = await repo.save(repo.create(dto));
      await this.audit.record(m, {
        action: 'holiday.created',
        subjectType: 'holiday',
        subjectId: saved.id,
        after: { ...dto },
      });
      return saved;
    });
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(HolidayEntity);
      const holiday = await repo.findOneBy({ id });
      if (!holiday) throw AppException.notFound('holiday');
      await repo.delete({ id });
      await this.audit.record(m, {
        action: 'holiday.deleted',
        subjectType: 'holiday',
        subjectId: id,
        before: { date: holiday.date, scope: holiday.scope, name: holiday.name },
      });
    });
  }

  /**
   * Holidays entered at once (pasted lines or a CSV file's text): every line validated, all stored in one
   * transaction or none; each audited as `holiday.created` with `imported: true`. A refused line is named in
   * `errors.text` ("line 3: …"), 400; a date and scope already in the calendar, 409 DUPLICATE.
   */
  async import(dto: ImportHolidaysDto): Promise<HolidayEntity[]> {
    const { holidays, errors } = parseHolidayLines(dto.text, { defaultScope: dto.scope, year: dto.year });
    if (errors.length) {
      const byLine: Record<string, FieldIssue[]> = {};
      for (const e of errors) (byLine[`text.line${e.line}`] ??= []).push(holidayLineIssue(e.code, dto.year));
      throw AppException.validation(byLine, `${errors.length} line(s) refused; nothing was stored.`);
    }
    if (!holidays.length) throw AppException.validation({ text: fieldError('REQUIRED') });
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(HolidayEntity);
      const existing = await repo.find({
        select: { date: true, scope: true },
        where: { date: In(holidays.map((h) => h.date)) },
      });
      const taken = new Set(existing.map((h) => `${h.date}|${h.scope}`));
      const duplicates = holidays.filter((h) => taken.has(`${h.date}|${h.scope}`));
      if (duplicates.length) {
        throw AppException.conflict(
          'DUPLICATE',
          'Some of these holidays are in the calendar already; nothing was stored.',
          Object.fromEntries(duplicates.map((h) => [`text.line${h.line}`, fieldError('TAKEN')])),
        );
      }
      const saved = await repo.save(
        holidays.map(({ date, scope, name }) => repo.create({ date, scope, name })),
      );
      for (const h of saved) {
        await this.audit.record(m, {
          action: 'holiday.created',
          subjectType: 'holiday',
          subjectId: h.id,
          after: { date: h.date, scope: h.scope, name: h.name, imported: true },
        });
      }
      return saved.sort((a, b) => a.date.localeCompare(b.date) || a.scope.localeCompare(b.scope));
    });
  }

  /** The years among `years` that have a calendar (at least one holiday of the official scopes). */
  async calendarYears(years: number[], manager?: EntityManager): Promise<Set<number>> {
    if (!years.length) return new Set();
    const rows = await (manager ?? this.dataSource.manager).getRepository(HolidayEntity).find({
      select: { date: true, scope: true },
      where: {
        scope: In([...CALENDAR_SCOPES]),
        date: Between(`${Math.min(...years)}-01-01`, `${Math.max(...years)}-12-31`),
      },
    });
    return calendarYearsOf(rows);
  }

  /**
   * Where the calendar stands on the server's today (Europe/Madrid): this year's and next year's holidays, and the
   * year to warn about (next year, from 1 October, while it has no calendar).
   */
  async status(now: Date = new Date()): Promise<{
    today: string;
    warnFrom: string;
    missingYear: number | null;
    years: { year: number; holidays: number; hasCalendar: boolean }[];
  }> {
    const today = dateInTimeZone(now);
    const year = yearOf(today);
    const rows = await this.dataSource.getRepository(HolidayEntity).find({
      select: { date: true, scope: true },
      where: { date: Between(`${year}-01-01`, `${year + 1}-12-31`) },
    });
    const withCalendar = calendarYearsOf(rows);
    return {
      today,
      warnFrom: `${year}-${CALENDAR_WARNING_FROM}`,
      missingYear: missingCalendarYear(today, withCalendar),
      years: [year, year + 1].map((y) => ({
        year: y,
        holidays: rows.filter((h) => yearOf(h.date) === y).length,
        hasCalendar: withCalendar.has(y),
      })),
    };
  }

  /**
   * The `days`-th business day after `from` for the council and the given municipality. Reads only the holidays of
   * the years the count can reach (at most `days` business days, so a bounded number of calendar days). Refuses
   * with 422 CALENDAR_MISSING when the count steps into a year whose calendar has not been entered: a legal deadline
   * is never computed over unknown holidays.
   */
  async dueDate(from: string, days: number, municipality?: string, manager?: EntityManager): Promise<string> {
    const scopes = applicableScopes(this.config.councilMunicipality, municipality);
    const until = addCalendarDays(from, days * 2 + 60);
    const rows = await (manager ?? this.dataSource.manager).getRepository(HolidayEntity).find({
      select: { date: true, scope: true },
      where: { scope: In(scopes), date: Between(`${yearOf(from)}-01-01`, `${yearOf(until)}-12-31`) },
    });
    try {
      return addBusinessDays(from, days, holidayDates(rows, scopes), calendarYearsOf(rows));
    } catch (err) {
      if (err instanceof CalendarMissingError) throw calendarMissing(err.year);
      throw err;
    }
  }
}

/** 422 CALENDAR_MISSING naming the year (in `detail` and in `errors.year`). */
export function calendarMissing(year: number): AppException {
  return new AppException(
    422,
    'CALENDAR_MISSING',
    `The holiday calendar of ${year} has not been entered: no deadline can be computed into ${year} until an admin enters it.`,
    { year: fieldError('NO_CALENDAR', { year }) },
  );
}

/** The coded issue of a refused holiday line (its path, `text.line<n>`, names the line). */
function holidayLineIssue(code: HolidayLineError, year: number | undefined): FieldIssue {
  switch (code) {
    case 'FIELDS':
      return fieldIssue('INVALID_FORMAT');
    case 'INVALID_DATE':
      return fieldIssue('INVALID_DATE');
    case 'WRONG_YEAR':
      return fieldIssue('WRONG_YEAR', year === undefined ? undefined : { year });
    case 'INVALID_SCOPE':
      return fieldIssue('INVALID_HOLIDAY_SCOPE');
    case 'NAME_REQUIRED':
      return fieldIssue('REQUIRED');
    case 'NAME_TOO_LONG':
      return fieldIssue('TOO_LONG', { max: 200 });
    case 'DUPLICATE_LINE':
      return fieldIssue('NOT_UNIQUE');
  }
}
