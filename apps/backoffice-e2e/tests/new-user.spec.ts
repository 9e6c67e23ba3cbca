/**
 * What trying it as a new user found (issue 7, section 6): a deadline over a year without holidays, the NGO's
 * autosave with an invalid field, and the NGO's home with its correction requests.
 */
import { expectAccessible } from './support/a11y';
import { signIn, unique } from './support/auth';
import {
  clearCalendar,
  demoCall,
  expect,
  json,
  publishedCall,
  standInCalendars,
  submittedApplication,
  test,
} from './support/grants';

interface CalendarStatus {
  today: string;
  missingYear: number | null;
  years: { year: number; holidays: number; hasCalendar: boolean }[];
}

test('an admin is warned that next year has no holidays and enters them at once; the deadline is computed', async ({
  page,
  api,
}) => {
  const admin = await api.as('admin');
  // Next year starts without a calendar here (the fresh database has the 2025 and 2026 calendars only; another
  // test may have entered a stand-in for it).
  const nextYear =
    Number((await json<CalendarStatus>(await admin.get('/api/v1/calendar/status'))).today.slice(0, 4)) + 1;
  await clearCalendar(api, nextYear);
  const status = await json<CalendarStatus>(await admin.get('/api/v1/calendar/status'));
  const next = status.years[1];
  expect(next).toMatchObject({ year: nextYear, hasCalendar: false });
  // From 1 October the missing year is warned about; before, there is no warning.
  const warned = status.today.slice(5) >= '10-01';
  expect(status.missingYear).toBe(warned ? next.year : null);

  await signIn(page, 'admin');
  const warning = page
    .getByRole('status')
    .filter({ hasText: `Falta el calendari de festius del ${next.year}` });
  if (!warned) {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(warning).toHaveCount(0);
    await page.goto(`/calendar?year=${next.year}`);
  } else {
    await expect(warning).toBeVisible();
    await expectAccessible(page);
    await warning.getByRole('link', { name: `Introduïu els festius del ${next.year}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Festius i dies hàbils' })).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'Podeu introduir tots els festius' }),
    ).toBeVisible();
  }
  await expect(page.getByLabel('Any', { exact: true })).toHaveValue(String(next.year));
  await expectAccessible(page);

  // Before: a deadline into that year is refused, with the year named.
  const refused = await admin.get('/api/v1/calendar/business-days', {
    params: { from: `${next.year - 1}-12-22`, days: 10 },
  });
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toMatchObject({ code: 'CALENDAR_MISSING' });
  // The calculator on the same screen says why, naming the year.
  await page.getByLabel("Data d'inici (notificació)").fill(`${next.year - 1}-12-22`);
  await page.getByRole('spinbutton', { name: /^Dies hàbils/ }).fill('10');
  await page.getByRole('button', { name: 'Calcula' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: `El termini arribaria al ${next.year}` }),
  ).toBeVisible();
  await expectAccessible(page);

  // Pasted lines with mistakes: each named, nothing stored.
  const form = page.getByRole('form', { name: `Introdueix festius alhora (${next.year})` });
  const lines = form.getByRole('textbox', { name: /^Festius, un per línia/ });
  await lines.fill(
    [`${next.year}-01-01;Cap d'Any`, `31/02/${next.year};Impossible`, `${next.year - 1}-12-25;Nadal`].join(
      '\n',
    ),
  );
  await form.getByRole('button', { name: `Desa els festius del ${next.year}` }).click();
  const errors = form.getByRole('alert');
  await expect(errors).toContainText("2 línies no són correctes: no s'ha desat res.");
  await expect(errors.getByRole('listitem')).toHaveText([
    'Línia 2: la data no existeix o no té el format AAAA-MM-DD o DD/MM/AAAA.',
    `Línia 3: la data no és del ${next.year}.`,
  ]);
  await expect(lines).toBeFocused();
  await expectAccessible(page);
  expect(await json<unknown[]>(await admin.get(`/api/v1/calendar/holidays?year=${next.year}`))).toEqual([]);

  // A CSV file (as a spreadsheet saves it), read into the box, then saved all at once.
  const csv = `\uFEFFdata;àmbit;nom\r\n01/01/${next.year};catalonia;Cap d'Any\r\n06/01/${next.year};catalonia;Reis\r\n11/05/${next.year};local:25120;Sant Anastasi\r\n`;
  await form
    .getByLabel('O bé pugeu un fitxer CSV')
    .setInputFiles({ name: 'festius.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(form.getByText("S'ha llegit festius.csv")).toBeVisible();
  await expect(lines).toHaveValue(/Sant Anastasi/);
  await form.getByRole('button', { name: `Desa els festius del ${next.year}` }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `S'han desat 3 festius del ${next.year}.` }),
  ).toBeVisible();
  for (const name of ["Cap d'Any", 'Reis', 'Sant Anastasi']) {
    await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(1);
  }
  await expect(warning).toHaveCount(0);
  await expectAccessible(page);

  // After: the deadline is computed into that year, skipping the holidays just entered.
  const computed = await json<{ dueDate: string }>(
    await admin.get('/api/v1/calendar/business-days', {
      params: { from: `${next.year - 1}-12-22`, days: 10 },
    }),
  );
  expect(computed.dueDate.slice(0, 4)).toBe(String(next.year));
  expect([`${next.year}-01-01`, `${next.year}-01-06`]).not.toContain(computed.dueDate);
});

test('autosave keeps saving the other fields while an end date before the start is marked and kept', async ({
  page,
  api,
}) => {
  const entity = await api.as('entity');
  const call = await demoCall(entity);
  const draft = await json<{ id: string }>(
    await entity.post(`/api/v1/calls/${call.id}/applications`, {
      data: { startDate: '2027-06-01', endDate: '2027-11-30' },
    }),
    201,
  );
  const title = `Escola ${unique('e2e')}`;

  await signIn(page, 'entity', { checkA11y: false });
  await page.goto(`/applications/${draft.id}`);
  const project = page.getByRole('region', { name: '1. Projecte' });
  await project.getByLabel('Data de finalització').fill('2027-05-31');
  await project.getByLabel('Títol del projecte').fill(title);

  const saveStatus = page
    .getByRole('status')
    .filter({ hasText: /^Desat a les \d{2}:\d{2} 1 camp no es desarà/ });
  await expect(saveStatus).toBeVisible();
  await expect(project.getByText("La data de finalització no pot ser anterior a la d'inici.")).toBeVisible();
  await expect(project.getByLabel('Data de finalització')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  // The title reached the server; the invalid end date did not, and it is kept in this browser.
  const saved = await json<{ title: string; endDate: string }>(
    await entity.get(`/api/v1/applications/${draft.id}`),
  );
  expect(saved).toMatchObject({ title, endDate: '2027-11-30' });
  await page.reload();
  await expect(project.getByLabel('Data de finalització')).toHaveValue('2027-05-31');
  await expect(project.getByLabel('Títol del projecte')).toHaveValue(title);

  // Fixed: it is saved.
  await project.getByLabel('Data de finalització').fill('2027-12-31');
  await expect(page.getByRole('status').filter({ hasText: /^Desat a les \d{2}:\d{2}$/ })).toBeVisible();
  expect(await json<{ endDate: string }>(await entity.get(`/api/v1/applications/${draft.id}`))).toMatchObject(
    {
      endDate: '2027-12-31',
    },
  );
});

test("the NGO's home shows its open correction requests with the due date, and what became of an answer", async ({
  page,
  api,
}) => {
  await standInCalendars(await api.as('admin'));
  const entity = await api.as('entity');
  const officer = await api.as('officer');
  // A call of its own, not the demo call: the application is admitted below, and an admitted application would go
  // under evaluation with the demo's six when the demo walk (demo-walk.spec.ts) starts the demo call's evaluation.
  const call = await publishedCall(officer);
  const app = await submittedApplication(entity, call, `Horts ${unique('e2e')}`);
  const requirement = await json<{ id: string; dueDate: string }>(
    await officer.post(`/api/v1/applications/${app.id}/requirements`, {
      data: { items: [{ description: 'Aporteu el conveni signat amb la sòcia local.' }] },
    }),
    201,
  );

  await signIn(page, 'entity', { checkA11y: false });
  const section = page.getByRole('region', { name: "Requeriments d'esmena" });
  const item = section.getByRole('listitem').filter({ hasText: app.title });
  await expect(item).toContainText('Pendent de resposta');
  const [y, m, d] = requirement.dueDate.split('-').map(Number);
  const longDue = new Intl.DateTimeFormat('ca-ES', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
  await expect(item).toContainText(`Termini per respondre: fins al ${longDue}`);
  await expectAccessible(page);

  // Answered: the home says when, and that the council has still to review it.
  await json(
    await entity.post(`/api/v1/applications/${app.id}/requirements/${requirement.id}/response`, {
      data: { message: 'Adjuntem el conveni.' },
    }),
  );
  await page.reload();
  const today = new Intl.DateTimeFormat('ca-ES', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Madrid',
  }).format(new Date());
  await expect(item).toContainText(`Resposta el ${today} · pendent de revisió per l'Ajuntament`);
  await expectAccessible(page);
  await item.getByRole('link', { name: new RegExp(app.registryNumber) }).click();
  await expect(page.getByRole('heading', { level: 1, name: app.title })).toBeVisible();
  await expect(page.getByRole('region', { name: "Requeriments d'esmena" })).toContainText(
    `Resposta el ${today} · pendent de revisió per l'Ajuntament`,
  );
  await expectAccessible(page);

  // The officer admits it: the answer was accepted.
  await json(await officer.post(`/api/v1/applications/${app.id}/admit`));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(`/applications/${app.id}`);
  await expect(page.getByRole('region', { name: "Requeriments d'esmena" })).toContainText(
    'acceptada: sol·licitud admesa',
  );
  await expectAccessible(page);
});
