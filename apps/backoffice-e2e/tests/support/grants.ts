import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import type { Role } from '@cofinanca/contracts';
import { ibanCheckDigits, nifControlDigit } from '@cofinanca/domain';
import { expectAccessible } from './a11y';
import { demoEmail, demoPassword, unique } from './auth';

/**
 * Set-up of the grant screens' tests through the API (never what a test is about): separate API sessions per person,
 * fresh entities, calls and applications. Identifiers are made valid with the functions of libs/domain.
 */

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** A new NIF of a legal person (an association, G…) with its control digit. */
export function newNif(): string {
  const seven = digits(7);
  return `G${seven}${nifControlDigit(seven)}`;
}

const CCC_WEIGHTS = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
function cccDigit(ten: string): number {
  const d = 11 - (CCC_WEIGHTS.reduce((acc, w, i) => acc + w * Number(ten[i]), 0) % 11);
  return d === 11 ? 0 : d === 10 ? 1 : d;
}

/** A new Spanish IBAN with valid account (CCC) and IBAN check digits, e.g. ES12 2100 0418 45 0200051332. */
export function newIban(): string {
  const bankBranch = `2100${digits(4)}`;
  const account = digits(10);
  const bban = `${bankBranch}${cccDigit(`00${bankBranch}`)}${cccDigit(account)}${account}`;
  return `ES${ibanCheckDigits('ES', bban)}${bban}`;
}

/** The IBAN in groups of four, as the screens show it. */
export const spacedIban = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

/** A small but real PDF: uploads are checked by their content. */
export function pdf(label = 'document'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );
}

export interface Account {
  email: string;
  password: string;
}

export interface RegisteredEntity extends Account {
  entityId: string;
  legalName: string;
  nif: string;
  iban: string;
  userName: string;
}

interface Sessions {
  /** A signed-in API session of a demo user (one per call: sessions never share cookies). */
  as(role: Role): Promise<APIRequestContext>;
  /** A signed-in API session of any account. */
  signedIn(account: Account): Promise<APIRequestContext>;
  /** A session without anyone signed in (public routes). */
  anonymous(): Promise<APIRequestContext>;
}

/** `test` with `api`: API sessions for the set-up, disposed of after the test. */
export const test = base.extend<{ api: Sessions }>({
  api: async ({ playwright, baseURL }, use) => {
    const made: APIRequestContext[] = [];
    const anonymous = async () => {
      const context = await playwright.request.newContext({ baseURL });
      made.push(context);
      return context;
    };
    const signedIn = async ({ email, password }: Account) => {
      const context = await anonymous();
      const response = await context.post('/api/v1/auth/login', { data: { email, password } });
      expect(response.status(), await response.text()).toBe(200);
      return context;
    };
    await use({
      as: (role) => signedIn({ email: demoEmail(role), password: demoPassword(role) }),
      signedIn,
      anonymous,
    });
    await Promise.all(made.map((context) => context.dispose()));
  },
});
export { expect };

/** Reads a JSON answer after checking its status. */
export async function json<T = Record<string, unknown>>(
  response: Awaited<ReturnType<APIRequestContext['get']>>,
  status = 200,
): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** The body of a valid self-registration. */
export function registration(
  opts: { nif?: string; iban?: string; legalName?: string; email?: string; password?: string } = {},
) {
  const tag = unique('e2e');
  return {
    entity: {
      legalName: opts.legalName ?? `Associació ${tag}`,
      nif: opts.nif ?? newNif(),
      registryNumber: null,
      foundedOn: null,
      address: {
        street: 'Carrer de la Palma',
        number: '5',
        postcode: '25002',
        town: 'Lleida',
        municipalityCode: '25120',
        province: 'Lleida',
        countryCode: 'ES',
      },
      email: `${tag}-entitat@example.cat`,
      phone: null,
      website: null,
      iban: opts.iban ?? newIban(),
      legalRepresentative: { name: 'Núria Puig i Serra', idNumber: '12345678Z', position: 'Presidenta' },
    },
    user: {
      name: `Persona ${tag}`,
      email: opts.email ?? `${tag}@example.cat`,
      password: opts.password ?? 'una-contrasenya-llarga-2026',
    },
    privacyAccepted: true,
  };
}

/** The verification link of the last registration e-mail sent to `email` (read through the admin's outbox). */
export async function verificationToken(admin: APIRequestContext, email: string): Promise<string> {
  const outbox = await json<{ items: { text: string }[] }>(
    await admin.get(`/api/v1/outbox?to=${encodeURIComponent(email)}`),
  );
  const token = outbox.items
    .map((m) => /\/verify-email\?token=([^\s&]+)/.exec(m.text)?.[1])
    .find((t): t is string => !!t);
  expect(token, `no verification link sent to ${email}`).toBeTruthy();
  return token as string;
}

/** A newly registered entity (pending validation, e-mail not verified), through POST /auth/register. */
export async function registerEntity(api: Sessions): Promise<RegisteredEntity> {
  const body = registration();
  const created = await json<{ entity: { id: string } }>(
    await (await api.anonymous()).post('/api/v1/auth/register', { data: body }),
    201,
  );
  return {
    entityId: created.entity.id,
    legalName: body.entity.legalName,
    nif: body.entity.nif,
    iban: body.entity.iban,
    userName: body.user.name,
    email: body.user.email,
    password: body.user.password,
  };
}

/** A new active entity: registered, its user's address verified and validated by the demo officer. */
export async function activeEntity(api: Sessions): Promise<RegisteredEntity> {
  const entity = await registerEntity(api);
  const token = await verificationToken(await api.as('admin'), entity.email);
  const verified = await (await api.anonymous()).post('/api/v1/auth/verify-email', { data: { token } });
  expect(verified.status(), await verified.text()).toBeLessThan(300);
  await json(await (await api.as('officer')).post(`/api/v1/entities/${entity.entityId}/validate`));
  return entity;
}

export interface CallSummary {
  id: string;
  code: string;
  closesAt: string;
  title: { ca: string; es: string; en: string };
  requiredDocuments: { code: string; required: boolean }[];
}

/** The published demo call `DEMO-<year>` (SEED_DEMO), read whole (the list gives summaries, without documents). */
export async function demoCall(session: APIRequestContext): Promise<CallSummary> {
  const list = await json<{ items: { id: string; code: string }[] }>(
    await session.get('/api/v1/calls?status=published&q=DEMO-&pageSize=100'),
  );
  const call = list.items.find((c) => /^DEMO-\d{4}$/.test(c.code));
  expect(call, 'the demo call DEMO-<year> is published').toBeTruthy();
  return json<CallSummary>(await session.get(`/api/v1/calls/${(call as { id: string }).id}`));
}

/** An instant `days` from now, as the API takes it. */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A call from the template, completed and published by the demo officer, open from yesterday for `days` days. */
export async function publishedCall(officer: APIRequestContext, days = 30): Promise<CallSummary> {
  const code = unique('E2E-PUB').toUpperCase();
  const draft = await json<{ id: string; version: number }>(
    await officer.post('/api/v1/calls/from-template', {
      data: { code, year: new Date().getFullYear() },
    }),
    201,
  );
  await json(
    await officer.patch(`/api/v1/calls/${draft.id}`, {
      data: {
        version: draft.version,
        budget: '100000.00',
        maxAmountPerApplication: '20000.00',
        opensAt: inDays(-1),
        closesAt: inDays(days),
      },
    }),
  );
  return json<CallSummary>(await officer.post(`/api/v1/calls/${draft.id}/publish`));
}

/** A complete application that passes every rule of a template call (cap 20,000 €, 80 %, 12 months). */
export function completeApplication(title: string) {
  const year = new Date().getFullYear() + 1;
  return {
    title,
    summary: "Pous, latrines i formació en gestió comunitària de l'aigua amb les organitzacions de dones.",
    modality: 'development',
    countryCode: 'SN',
    locations: ['Ziguinchor', 'Bignona'],
    startDate: `${year}-01-01`,
    endDate: `${year}-12-31`,
    totalCost: '25000.00',
    requestedAmount: '18000.00',
    ownContribution: '2000.00',
    cofunding: [{ funder: 'Fons Català de Cooperació', amount: '5000.00', status: 'confirmed' }],
    budgetLines: [
      {
        code: 'A1',
        category: 'Personal',
        description: 'Tècnica local',
        amount: '15000.00',
        requestedAmount: '11000.00',
      },
      {
        code: 'A2',
        category: 'Obres',
        description: 'Pous i latrines',
        amount: '10000.00',
        requestedAmount: '7000.00',
      },
    ],
    sectors: [
      { code: '15170', percent: '60.00' },
      { code: '14030', percent: '40.00' },
    ],
    sdgs: [{ goal: 5, targets: ['5.2'] }],
    policyMarkers: [{ code: '1', significance: 2 }],
    beneficiaries: {
      direct: { women: 320, men: 250, other: 0 },
      indirect: { women: 1200, men: 1100, other: 10 },
    },
    counterpart: { name: 'Kagamen', countryCode: 'SN', description: 'Associació de dones de Ziguinxor' },
  };
}

export interface SubmittedApplication {
  id: string;
  title: string;
  registryNumber: string;
}

/** A complete application of the signed-in entity on `call`, with its required documents, submitted. */
export async function submittedApplication(
  entity: APIRequestContext,
  call: CallSummary,
  title = `Aigua ${unique('e2e')}`,
): Promise<SubmittedApplication> {
  const draft = await json<{ id: string }>(
    await entity.post(`/api/v1/calls/${call.id}/applications`, { data: completeApplication(title) }),
    201,
  );
  for (const doc of call.requiredDocuments.filter((d) => d.required)) {
    await json(
      await entity.post(`/api/v1/applications/${draft.id}/documents`, {
        multipart: {
          type: doc.code,
          file: { name: `${doc.code}.pdf`, mimeType: 'application/pdf', buffer: pdf(doc.code) },
        },
      }),
      201,
    );
  }
  const submitted = await json<{ registryNumber: string }>(
    await entity.post(`/api/v1/applications/${draft.id}/submit`),
  );
  return { id: draft.id, title, registryNumber: submitted.registryNumber };
}

/** Signs in through the sign-in page with any account and waits for the home page. */
export async function signInWith(page: Page, { email, password }: Account): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Inici de sessió' })).toBeVisible();
  await page.getByLabel('Adreça electrònica').fill(email);
  await page.getByLabel('Contrasenya').fill(password);
  await page.getByRole('button', { name: 'Inicia la sessió' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Benvingut\/da/ })).toBeVisible();
}

/** Signs out with the header's button and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tanca la sessió' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inici de sessió' })).toBeVisible();
}

/** Follows a link of the main navigation and waits for the page's heading. */
export async function openFromNav(page: Page, link: string, heading = link): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navegació principal' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expectAccessible(page);
}

/**
 * Stand-in holiday calendars (1 January, a holiday in every Spanish calendar) for this year and the next when the
 * test database has none, so that a correction request notified today gets a due date at any time of the year:
 * the fresh database is seeded with the official calendars of 2025 and 2026 only, and a deadline is never computed
 * into a year without one (422 CALENDAR_MISSING).
 */
export async function standInCalendars(admin: APIRequestContext): Promise<void> {
  const status = await json<{ years: { year: number; hasCalendar: boolean }[] }>(
    await admin.get('/api/v1/calendar/status'),
  );
  for (const { year, hasCalendar } of status.years) {
    if (hasCalendar) continue;
    await json(
      await admin.post('/api/v1/calendar/holidays/import', {
        data: {
          text: `${year}-01-01;Cap d'Any (calendari provisional de les proves)`,
          scope: 'national',
          year,
        },
      }),
      201,
    );
  }
}

/** Removes every holiday of `year` (a test that starts from a year without a calendar). */
export async function clearCalendar(api: Sessions, year: number): Promise<void> {
  const admin = await api.as('admin');
  const holidays = await json<{ id: string }[]>(await admin.get(`/api/v1/calendar/holidays?year=${year}`));
  for (const h of holidays)
    expect((await admin.delete(`/api/v1/calendar/holidays/${h.id}`)).status()).toBe(204);
}
