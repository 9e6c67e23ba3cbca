import { TZDate } from '@date-fns/tz';
import { addCalendarDays, COUNCIL_TIME_ZONE, dateInTimeZone, defaultCallTemplate } from '@cofinanca/domain';
import type { CallEntity } from '../calls/call.entity';
import type { NgoEntity } from '../entities/ngo.entity';

type DemoEntity = Omit<
  NgoEntity,
  'id' | 'createdAt' | 'updatedAt' | 'version' | 'privacyAcceptedAt' | 'validatedAt'
>;

/** The first demo NGO (SEED_DEMO) the demo entity user belongs to: active, with a validated IBAN. Demo only. */
export const DEMO_ENTITY: DemoEntity = {
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

/** A further demo NGO like the first one: active, in Lleida, with a valid NIF and a validated IBAN. */
function demoEntity(
  e: Pick<DemoEntity, 'legalName' | 'nif' | 'registryNumber' | 'foundedOn' | 'email' | 'phone' | 'iban'> & {
    street: string;
    number: string;
    postcode: string;
    representative: DemoEntity['legalRepresentative'];
  },
): DemoEntity {
  return {
    ...DEMO_ENTITY,
    legalName: e.legalName,
    nif: e.nif,
    registryNumber: e.registryNumber,
    foundedOn: e.foundedOn,
    address: { ...DEMO_ENTITY.address, street: e.street, number: e.number, postcode: e.postcode },
    email: e.email,
    phone: e.phone,
    iban: e.iban,
    validatedIban: e.iban,
    legalRepresentative: e.representative,
  };
}

/**
 * The demo NGOs (SEED_DEMO), the first one first: four Lleida entities, so that the demo call has applications from
 * several of them and a register of interests has someone to name. NIFs with their control digit and IBANs with
 * their check digits (libs/domain identifiers). Demo only.
 */
export const DEMO_ENTITIES: readonly DemoEntity[] = [
  DEMO_ENTITY,
  demoEntity({
    legalName: 'Fundació Segre per la Cooperació (demo)',
    nif: 'G25401878',
    registryNumber: '14.207',
    foundedOn: '2004-10-02',
    street: 'Rambla de Ferran',
    number: '12',
    postcode: '25007',
    email: 'info@entity2.demo.cofinanca.cat',
    phone: '973 700 002',
    iban: 'ES3621000240280200123456',
    representative: { name: 'Jordi Farré i Solé', idNumber: '40897612R', position: 'President' },
  }),
  demoEntity({
    legalName: 'Dones del Sud Lleida (demo)',
    nif: 'G25619321',
    registryNumber: '15.832',
    foundedOn: '2011-03-08',
    street: 'Carrer del Carme',
    number: '45',
    postcode: '25006',
    email: 'info@entity3.demo.cofinanca.cat',
    phone: '973 700 003',
    iban: 'ES1300810255180001234567',
    representative: { name: 'Aminata Diallo Camara', idNumber: '78091234R', position: 'Presidenta' },
  }),
  demoEntity({
    legalName: 'Associació Ponent amb Amèrica Llatina (demo)',
    nif: 'G25773045',
    registryNumber: '16.519',
    foundedOn: '2015-06-19',
    street: 'Avinguda de Prat de la Riba',
    number: '70',
    postcode: '25008',
    email: 'info@entity4.demo.cofinanca.cat',
    phone: '973 700 004',
    iban: 'ES8200491807372710234567',
    representative: { name: 'Carla Ribes i Pujol', idNumber: '47683219X', position: 'Presidenta' },
  }),
];

/** Midnight or 23:59:59 of a date in Europe/Madrid, as an instant. */
function madrid(date: string, end: boolean): Date {
  const [y, m, d] = date.split('-').map(Number);
  return end
    ? new TZDate(y, m - 1, d, 23, 59, 59, COUNCIL_TIME_ZONE)
    : new TZDate(y, m - 1, d, 0, 0, 0, COUNCIL_TIME_ZONE);
}

/**
 * The demo call's budget. Smaller than Lleida's (175,823.40 in 2025) so that its six demo applications overflow it:
 * their requests (15,000 to 20,000, all eligible in full) make any three sum to 48,500–57,000 and any four to at
 * least 66,500, so with 66,000 the ranking (rank_order) gives, whatever the scores, three full awards, a partial
 * award to the fourth (what is left, 9,000–17,500, is at least 50 % of its eligible amount) and a waiting list for
 * the rest — when all six reach the minimum score.
 */
export const DEMO_CALL_BUDGET = '66000.00';

/**
 * A published demo call from the template: open since yesterday at midnight and until 23:59:59 of the 60th day from
 * today (Europe/Madrid), so that closing it is the officer's first step of the evaluation walk.
 */
export function demoCall(now: Date): Partial<CallEntity> {
  const tpl = defaultCallTemplate();
  const year = now.getUTCFullYear();
  return {
    ...tpl,
    code: `DEMO-${year}`,
    year,
    budget: DEMO_CALL_BUDGET,
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

/** A demo application: which demo NGO (by NIF) submits what, on the demo call. */
export interface DemoApplication {
  nif: string;
  /** The content as the form sends it (POST /calls/:id/applications), checked by the DTO's validation. */
  content: (callYear: number) => Record<string, unknown>;
}

/** A complete application of the demo call: every submission rule of a template call passes (cap 20,000, 80 %). */
function demoApplication(a: {
  nif: string;
  title: string;
  summary: string;
  countryCode: string;
  locations: string[];
  counterpart: { name: string; description: string };
  /** Requested amount in whole euros; the total cost is 125 % of it (80 % co-financing at most). */
  requested: number;
  sectors: [string, number][];
  sdgs: { goal: number; targets: string[] }[];
  gender: 1 | 2;
  modality?: 'development' | 'epts' | 'humanitarian';
}): DemoApplication {
  const total = (a.requested * 5) / 4;
  const own = Math.round(total * 0.08);
  const cofunding = total - a.requested - own;
  const firstLine = Math.round(total * 0.6);
  const firstRequested = Math.round(a.requested * 0.6);
  const eur = (n: number) => `${n}.00`;
  return {
    nif: a.nif,
    content: (callYear) => ({
      title: a.title,
      summary: a.summary,
      modality: a.modality ?? 'development',
      countryCode: a.countryCode,
      locations: a.locations,
      startDate: `${callYear + 1}-01-01`,
      endDate: `${callYear + 1}-12-31`,
      totalCost: eur(total),
      requestedAmount: eur(a.requested),
      ownContribution: eur(own),
      cofunding: [
        {
          funder: 'Fons Català de Cooperació al Desenvolupament',
          amount: eur(cofunding),
          status: 'confirmed',
        },
      ],
      budgetLines: [
        {
          code: 'A1',
          category: 'Personal',
          description: 'Equip tècnic local',
          amount: eur(firstLine),
          requestedAmount: eur(firstRequested),
        },
        {
          code: 'A2',
          category: 'Activitats i materials',
          description: 'Formacions, materials i seguiment',
          amount: eur(total - firstLine),
          requestedAmount: eur(a.requested - firstRequested),
        },
      ],
      sectors: a.sectors.map(([code, percent]) => ({ code, percent: eur(percent) })),
      sdgs: a.sdgs,
      policyMarkers: [{ code: '1', significance: a.gender }],
      beneficiaries: {
        direct: { women: 320, men: 250, other: 0, byAge: { '0-17': { women: 100, men: 90, other: 0 } } },
        indirect: { women: 1200, men: 1100, other: 10 },
      },
      counterpart: {
        name: a.counterpart.name,
        countryCode: a.countryCode,
        description: a.counterpart.description,
      },
    }),
  };
}

/**
 * The six demo applications of the demo call, from the four demo NGOs (the first two submit two each: nothing limits
 * an entity to one application per call). Requests differ (see DEMO_CALL_BUDGET) so the ranking shows full awards,
 * a partial award and a waiting list once they are scored.
 */
export const DEMO_APPLICATIONS: readonly DemoApplication[] = [
  demoApplication({
    nif: DEMO_ENTITY.nif,
    title: 'Aigua potable i sanejament a Ziguinxor',
    summary: "Pous, latrines i formació en gestió comunitària de l'aigua amb les organitzacions de dones.",
    countryCode: 'SN',
    locations: ['Ziguinchor', 'Bignona'],
    counterpart: { name: 'Kagamen', description: 'Associació de dones de Ziguinxor' },
    requested: 18000,
    sectors: [
      ['14030', 60],
      ['15170', 40],
    ],
    sdgs: [
      { goal: 6, targets: ['6.1', '6.2'] },
      { goal: 5, targets: ['5.5'] },
    ],
    gender: 2,
  }),
  demoApplication({
    nif: DEMO_ENTITY.nif,
    title: 'Horts comunitaris i sobirania alimentària a Kolda',
    summary: 'Horts gestionats per cooperatives de dones, formació agroecològica i venda als mercats locals.',
    countryCode: 'SN',
    locations: ['Kolda'],
    counterpart: {
      name: 'Fédération des Femmes de Kolda',
      description: 'Federació de cooperatives de dones',
    },
    requested: 15000,
    sectors: [['31161', 100]],
    sdgs: [{ goal: 2, targets: ['2.3', '2.4'] }],
    gender: 1,
  }),
  demoApplication({
    nif: 'G25401878',
    title: 'Escola inclusiva i protecció de la infància a Tànger',
    summary:
      "Formació del professorat, protocols de protecció de la infància i beques per a nenes de l'escola rural.",
    countryCode: 'MA',
    locations: ['Tanger', 'Tétouan'],
    counterpart: { name: 'Association Tanger Enfance', description: 'Associació pels drets de la infància' },
    requested: 20000,
    sectors: [
      ['11220', 70],
      ['15180', 30],
    ],
    sdgs: [{ goal: 4, targets: ['4.1', '4.5'] }],
    gender: 1,
  }),
  demoApplication({
    nif: 'G25401878',
    title: 'Salut materna i infantil a Matagalpa',
    summary: 'Formació de parteres comunitàries, equipament de dos centres de salut i cases maternes.',
    countryCode: 'NI',
    locations: ['Matagalpa'],
    counterpart: { name: 'Asociación de Mujeres de Matagalpa', description: 'Organització de dones rurals' },
    requested: 17500,
    sectors: [
      ['12220', 50],
      ['13020', 50],
    ],
    sdgs: [{ goal: 3, targets: ['3.1', '3.2'] }],
    gender: 2,
  }),
  demoApplication({
    nif: 'G25619321',
    title: 'Apoderament econòmic de dones a Thiès',
    summary: 'Microcrèdits, formació en gestió i xarxes de dones emprenedores contra la violència econòmica.',
    countryCode: 'SN',
    locations: ['Thiès'],
    counterpart: { name: 'Réseau des Femmes de Thiès', description: 'Xarxa de grups de dones' },
    requested: 16000,
    sectors: [
      ['15170', 60],
      ['24040', 40],
    ],
    sdgs: [
      { goal: 5, targets: ['5.a'] },
      { goal: 8, targets: ['8.3'] },
    ],
    gender: 2,
  }),
  demoApplication({
    nif: 'G25773045',
    title: 'Defensa del territori i drets dels pobles indígenes a Cusco',
    summary:
      'Acompanyament jurídic de comunitats quítxues, formació de defensores i incidència davant les autoritats.',
    countryCode: 'PE',
    locations: ['Cusco', 'Espinar'],
    counterpart: { name: 'Centro Bartolomé de las Casas', description: 'Centre de drets humans de Cusco' },
    requested: 19000,
    sectors: [
      ['15160', 70],
      ['15170', 30],
    ],
    sdgs: [
      { goal: 16, targets: ['16.3'] },
      { goal: 10, targets: ['10.2'] },
    ],
    gender: 1,
  }),
];
