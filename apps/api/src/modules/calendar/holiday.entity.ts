import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A holiday: data, never computed. Scope `national`, `catalonia` or `local:<INE code>`. */
@Entity({ name: 'holidays' })
@Index('UQ_holidays_date_scope', ['date', 'scope'], { unique: true })
export class HolidayEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 20 })
  scope: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;
}
