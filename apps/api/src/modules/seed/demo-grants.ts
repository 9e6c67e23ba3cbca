import { TZDate } from '@date-fns/tz';
import { addCalendarDays, COUNCIL_TIME_ZONE, dateInTimeZone, defaultCallTemplate } from '@cofinanca/domain';
import type { CallEntity } from '../calls/call.entity';
import type { NgoEntity } from '../entities/ngo.entity';

/** The demo NGO (SEED_DEMO) the demo entity user belongs to: active, with a validated IBAN. Demo only. */
export const DEMO_ENTITY: Omit<
  NgoEntity,
  'id' | 'createdAt' | 'updatedAt' | 'version' | 'privacyAcceptedAt' | 'validatedAt'
> = {
  legalName: 'Associació Lleida Solidària (demo)',
  nif: 'G25123456',
  registryNumber: '12.345',
  foundedOn: '1998-03-21',
  address: {
    street: 'Carrer Major',
    number: '31',
    postcode: '25007',
    town: 'Lleida',
    municipalityCode: '25120',
    province: 'Lleida',
    countryCode: 'ES',
  },
  email: 'info@demo.cofinanca.cat',
  phone: '973 700 000',
  website: null,
  iban: 'ES9121000418450200051332',
  ibanStatus: 'validated',
  validatedIban: 'ES9121000418450200051332',
  ibanCertificateId: null,
  legalRepresentative: { name: 'Montserrat Vidal i Roca', idNumber: '12345678Z', position: 'Presidenta' },
  status: 'active',
  statusReason: null,
};

/** Midnight or 23:59:59 of a date in Europe/Madrid, as an instant. */
function madrid(date: string, end: boolean): Date {
  const [y, m, d] = date.split('-').map(Number);
  return end
    ? new TZDate(y, m - 1, d, 23, 59, 59, COUNCIL_TIME_ZONE)
    : new TZDate(y, m - 1, d, 0, 0, 0, COUNCIL_TIME_ZONE);
}

/**
 * A published demo call from the template, with 2025's Lleida budget: open since yesterday at midnight and until
 * 23:59:59 of the 60th day from today (Europe/Madrid).
 */
export function demoCall(now: Date): Partial<CallEntity> {
  const tpl = defaultCallTemplate();
  const year = now.getUTCFullYear();
  return {
    ...tpl,
    code: `DEMO-${year}`,
    year,
    budget: '175823.40',
    maxAmountPerApplication: '20000.00',
    minimumTotalScore: String(tpl.minimumTotalScore),
    divergenceThreshold: String(tpl.divergenceThreshold),
    opensAt: new Date(madrid(addCalendarDays(dateInTimeZone(now), -1), false).getTime()),
    closesAt: new Date(madrid(addCalendarDays(dateInTimeZone(now), 60), true).getTime()),
    status: 'published',
    publishedAt: now,
    closedAt: null,
  };
}
