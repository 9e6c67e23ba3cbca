import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One gapless registry sequence per calendar year (Europe/Madrid), across calls. The submission transaction
 * increments the row with an upsert, which holds its row lock until commit: a rolled-back submission gives its
 * number back, and simultaneous submissions queue for the next one.
 */
@Entity({ name: 'registry_sequences' })
export class RegistrySequenceEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue: number;
}
