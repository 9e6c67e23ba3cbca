import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In, type EntityManager } from 'typeorm';
import { addBusinessDays, addCalendarDays, applicableScopes, holidayDates } from '@cofinanca/domain';
import { AppException, fieldError } from '../../common/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { HolidayEntity } from './holiday.entity';
import type { CreateHolidayDto } from './calendar.dto';

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
   * The `days`-th business day after `from` for the council and the given municipality. Reads only the holidays of
   * the window the count can reach (at most `days` business days, so a bounded number of calendar days).
   */
  async dueDate(from: string, days: number, municipality?: string, manager?: EntityManager): Promise<string> {
    const scopes = applicableScopes(this.config.councilMunicipality, municipality);
    const until = addCalendarDays(from, days * 2 + 60);
    const rows = await (manager ?? this.dataSource.manager).getRepository(HolidayEntity).find({
      select: { date: true, scope: true },
      where: { scope: In(scopes), date: Between(from, until) },
    });
    return addBusinessDays(from, days, holidayDates(rows, scopes));
  }
}
