import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { apiAs, signIn, unique } from './support/auth';
import { standInCalendars } from './support/grants';

/**
 * The whole first half of the grant cycle, as issue 3's "Done when" describes it, in the browser and in Catalan:
 * an NGO registers and verifies its address, an officer validates it, creates a call from the template and
 * publishes it, the NGO fills in and submits an application with its documents, the officer sends a correction
 * request, the NGO answers it, and the officer admits the application. Every page and dialog gets an axe check.
 */

// A stuck action fails on its own line, not at the end of the long test's timeout.
test.use({ actionTimeout: 20_000 });

// ---------------------------------------------------------------------------------------------------------------
// Test data

/** A valid NIF of an association (G): letter, 7 digits and the control digit of product.md. */
function randomAssociationNif(): string {
  const digits = Array.from({ length: 7 }, () => Math.floor(Math.random() * 10));
  let sum = 0;
  digits.forEach((digit, i) => {
    if (i % 2 === 0) {
      // 1st, 3rd, 5th and 7th positions: doubled, and the digits of the result added.
      const doubled = digit * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else {
      sum += digit;
    }
  });
  const control = (10 - (sum % 10)) % 10;
  return `G${digits.join('')}${control}`;
}

/** Today's date in Lleida (Europe/Madrid), plus `days`, as YYYY-MM-DD. */
function madridDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Madrid',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A small but real PDF (the API checks the content's magic bytes, not the name). */
function pdf(name: string): { name: string; mimeType: string; buffer: Buffer } {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(body, 'latin1') };
}

interface Ngo {
  legalName: string;
  nif: string;
  entityEmail: string;
  userName: string;
  email: string;
  password: string;
}

function newNgo(): Ngo {
  const id = unique('e2e');
  return {
    legalName: `Associació Cicle ${id}`,
    nif: randomAssociationNif(),
    entityEmail: `${id}-entitat@example.cat`,
    userName: `Persona ${id}`,
    email: `${id}-usuaria@example.cat`,
    password: 'una-contrasenya-llarga-2026',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navegació principal' });

async function openFromNav(page: Page, link: string, heading = link): Promise<void> {
  await nav(page).getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** A fresh browser session (its own cookies) with the project's settings (base URL, Catalan, Madrid time). */
async function newSession(browser: Browser): Promise<Page> {
  const { baseURL, locale, timezoneId } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId });
  return context.newPage();
}

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Inici de sessió' })).toBeVisible();
  await page.getByLabel('Adreça electrònica').fill(email);
  await page.getByLabel('Contrasenya').fill(password);
  await page.getByRole('button', { name: 'Inicia la sessió' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Benvingut\/da/ })).toBeVisible();
}

/** The e-mailed verification link of `email`, read from the outbox through the admin's API. */
async function verificationLink(request: APIRequestContext, email: string): Promise<string> {
  const admin = await apiAs(request, 'admin');
  let link = '';
  await expect
    .poll(async () => {
      const response = await admin.get(`/api/v1/outbox?to=${encodeURIComponent(email)}`);
      const { items } = (await response.json()) as { items: { text: string }[] };
      const match = items
        .map((item) => /https?:\/\/\S+?(\/verify-email\?token=[^\s"'<>]+)/.exec(item.text))
        .find(Boolean);
      link = match?.[1] ?? '';
      return link;
    })
    .toMatch(/^\/verify-email\?token=/);
  return link;
}

// ---- 1. Registration -----------------------------------------------------------------------------------------

async function fillRegistration(page: Page, ngo: Ngo): Promise<void> {
  const field = (name: string) => page.getByRole('textbox', { name: `${name} (obligatori)`, exact: true });
  await field('Denominació legal').fill(ngo.legalName);
  await field('NIF').fill(ngo.nif);
  await field("Adreça electrònica de l'entitat").fill(ngo.entityEmail);
  await field('Via (carrer, plaça…)').fill('Carrer Major, 31');
  await field('Codi postal').fill('25007');
  await field('Població').fill('Lleida');
  await field('Codi INE del municipi').fill('25120');
  await field('Província').fill('Lleida');
  await page.getByRole('combobox', { name: 'País (obligatori)' }).selectOption('ES');
  await field('IBAN del compte bancari').fill('ES9121000418450200051332');
  await field('Nom i cognoms del representant legal').fill('Montserrat Puig Vidal');
  await field('DNI o NIE del representant legal').fill('12345678Z');
  await field('Càrrec del representant legal').fill('Presidenta');
  await field('El vostre nom i cognoms').fill(ngo.userName);
  await field('La vostra adreça electrònica (per iniciar la sessió)').fill(ngo.email);
  // Password inputs have no ARIA role: by their label (which starts with its text).
  await page.getByLabel(/^Contrasenya/).fill(ngo.password);
  await page.getByLabel(/^Repetiu la contrasenya/).fill(ngo.password);
  await page
    .getByRole('checkbox', { name: "He llegit la informació sobre protecció de dades i l'accepto" })
    .check();
}

// ---- 4. The call -----------------------------------------------------------------------------------------------

async function fillCallForPublishing(page: Page): Promise<void> {
  const money = page.getByRole('region', { name: 'Imports i percentatges' });
  await money.getByLabel('Pressupost de la convocatòria').fill('200000');
  await money.getByLabel('Import màxim per sol·licitud').fill('30000');
  const dates = page.getByRole('region', { name: 'Terminis' });
  // Open since midnight today (Lleida time) and for ten more days.
  await dates.getByLabel("Data d'obertura").fill(madridDate(0));
  await dates.getByLabel("Hora d'obertura").fill('00:00');
  await dates.getByLabel('Data de tancament').fill(madridDate(10));
  await dates.getByLabel('Hora de tancament').fill('14:00');
}

// ---- 5. The application ----------------------------------------------------------------------------------------

async function fillProject(page: Page, title: string): Promise<void> {
  const section = page.getByRole('region', { name: '1. Projecte' });
  await section.getByLabel('Títol del projecte').fill(title);
  await section
    .getByLabel('Resum')
    .fill("Accés a l'aigua potable i formació en gestió comunitària per a cooperatives de dones.");
  await section
    .getByRole('combobox', { name: 'Modalitat (obligatori)' })
    .selectOption({ label: 'Cooperació al desenvolupament' });
  await section.getByRole('combobox', { name: 'País (obligatori)' }).selectOption({ label: 'Senegal' });
  await section.getByRole('button', { name: 'Afegeix una localització' }).click();
  await section.getByRole('textbox', { name: 'Localització 1', exact: true }).fill('Regió de Ziguinchor');
  // Six months of execution, well inside the call's twelve.
  await section.getByLabel("Data d'inici").fill(madridDate(30));
  await section.getByLabel('Data de finalització').fill(madridDate(210));
}

async function fillBudget(page: Page): Promise<void> {
  const section = page.getByRole('region', { name: '2. Pressupost' });
  const line = (n: number, field: string) => section.getByLabel(`Partida ${n}: ${field}`, { exact: true });
  // Total cost 15.000 €: requested 12.000 € (80 %, the call's limit; under its 30.000 € cap) + own 3.000 €.
  await section.getByRole('button', { name: 'Afegeix una partida' }).click();
  await line(1, 'Codi').fill('A.1');
  await line(1, 'Categoria').fill('Equipaments');
  await line(1, 'Descripció').fill('Bombes solars i dipòsits');
  await line(1, 'Import').fill('10000');
  await line(1, 'Import sol·licitat').fill('8000');
  await section.getByRole('button', { name: 'Afegeix una partida' }).click();
  await line(2, 'Codi').fill('A.2');
  await line(2, 'Categoria').fill('Formació');
  await line(2, 'Descripció').fill('Tallers de gestió comunitària');
  await line(2, 'Import').fill('5000');
  await line(2, 'Import sol·licitat').fill('4000');
  await section.getByLabel('Aportació pròpia').fill('3000');
  await expect(
    section.getByText('El pressupost quadra i compleix els límits de la convocatòria.'),
  ).toBeVisible();
}

async function fillClassification(page: Page): Promise<void> {
  const section = page.getByRole('region', { name: '3. Classificació' });
  await section.getByLabel('Cerca un sector per afegir-lo').fill('15170');
  await section.getByRole('button', { name: /^Afegeix 15170/ }).click();
  await expect(section.getByRole('textbox', { name: /^Percentatge del sector 15170/ })).toHaveValue('100');
  await section.getByRole('checkbox', { name: '5. Igualtat de gènere' }).check();
  await section
    .getByRole('group', { name: /^Fites de l'ODS 5\./ })
    .getByRole('checkbox')
    .first()
    .check();
  await section
    .getByRole('combobox', { name: 'Igualtat de gènere (obligatori)' })
    .selectOption({ label: '2 — Objectiu principal' });
}

async function fillBeneficiaries(page: Page): Promise<void> {
  const section = page.getByRole('region', { name: '4. Persones beneficiàries' });
  const direct = section.getByRole('group', { name: 'Persones beneficiàries directes' });
  await direct.getByLabel('Dones', { exact: true }).fill('120');
  await direct.getByLabel('Homes', { exact: true }).fill('80');
  await direct.getByLabel('Altres o no consta', { exact: true }).fill('0');
  const indirect = section.getByRole('group', { name: 'Persones beneficiàries indirectes' });
  await indirect.getByLabel('Dones', { exact: true }).fill('600');
  await indirect.getByLabel('Homes', { exact: true }).fill('450');
  await indirect.getByLabel('Altres o no consta', { exact: true }).fill('0');
}

async function fillCounterpart(page: Page): Promise<void> {
  const section = page.getByRole('region', { name: '5. Sòcia local' });
  await section.getByLabel('Nom de la sòcia local').fill('Association Kaddu Jigeen');
  await section
    .getByRole('combobox', { name: 'País de la sòcia local (obligatori)' })
    .selectOption({ label: 'Senegal' });
  await section
    .getByLabel('Descripció de la sòcia local')
    .fill('Organització de dones de Ziguinchor amb quinze anys de treball en aigua i sanejament.');
}

/** Uploads a PDF to every document the call marks as required; returns how many there were. */
async function uploadRequiredDocuments(page: Page): Promise<number> {
  const section = page.getByRole('region', { name: '6. Documents' });
  const required = section.getByRole('heading', { level: 3 }).filter({ hasText: /Obligatori$/ });
  const names = (await required.allInnerTexts()).map((text) => text.replace(/\s*Obligatori$/, '').trim());
  for (const [i, name] of names.entries()) {
    const fileName = `document-${i + 1}.pdf`;
    await section.getByLabel(`Puja un fitxer: ${name}`, { exact: true }).setInputFiles(pdf(fileName));
    await expect(section.getByText(`S'ha pujat ${fileName}.`)).toBeVisible();
    await expect(section.getByRole('link', { name: fileName })).toBeVisible();
  }
  return names.length;
}

// ---- 6–8. The officer's review ---------------------------------------------------------------------------------

async function openInAdmissibility(page: Page, registryNumber: string, title: string): Promise<void> {
  await openFromNav(page, 'Admissibilitat');
  await page.getByLabel('Cerca (entitat, títol o número de registre)').fill(registryNumber);
  await page.getByRole('button', { name: 'Filtra' }).click();
  const row = page.getByRole('row').filter({ hasText: registryNumber });
  await expect(row).toHaveCount(1);
  await expectAccessible(page);
  await row.getByRole('link', { name: registryNumber }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Historial de la sol·licitud' })).toBeVisible();
}

// ---------------------------------------------------------------------------------------------------------------

test('grant cycle: an NGO registers and applies, an officer publishes the call and admits the application', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  // The correction request below is notified today: its due date needs this year's and next year's calendars.
  await standInCalendars(await apiAs(request, 'admin'));
  const ngo = newNgo();
  const callCode = unique('E2E-CICLE').toUpperCase();
  const year = madridDate().slice(0, 4);
  const projectTitle = `Aigua per a Ziguinchor ${unique('e2e')}`;
  const ngoPage = page;
  let officerPage: Page | undefined;
  let registryNumber = '';

  await test.step('1. a new NGO registers from the sign-in page', async () => {
    await ngoPage.goto('/login');
    await expect(ngoPage.getByRole('heading', { level: 1, name: 'Inici de sessió' })).toBeVisible();
    await expectAccessible(ngoPage);
    await ngoPage.getByRole('link', { name: 'Encara no teniu compte? Registreu la vostra entitat' }).click();
    await expect(ngoPage.getByRole('heading', { level: 1, name: "Registre d'una entitat" })).toBeVisible();
    await expectAccessible(ngoPage);
    await fillRegistration(ngoPage, ngo);
    await ngoPage.getByRole('button', { name: "Registra l'entitat" }).click();
    await expect(ngoPage.getByRole('heading', { name: "Hem rebut el registre de l'entitat" })).toBeVisible();
    await expect(ngoPage.getByText(ngo.email)).toBeVisible();
    await expectAccessible(ngoPage);
  });

  await test.step('2. the NGO verifies its e-mail address with the e-mailed link', async () => {
    const link = await verificationLink(request, ngo.email);
    await ngoPage.goto(link);
    await expect(
      ngoPage.getByRole('heading', { level: 1, name: "Verificació de l'adreça electrònica" }),
    ).toBeVisible();
    await expect(ngoPage.getByText('Adreça electrònica verificada.')).toBeVisible();
    await expectAccessible(ngoPage);
  });

  await test.step('3. the officer finds the new entity and validates it', async () => {
    officerPage = await newSession(browser);
    await signIn(officerPage, 'officer');
    await expectAccessible(officerPage);
    await openFromNav(officerPage, 'Entitats');
    await officerPage.getByLabel('Cerca (denominació, NIF o adreça electrònica)').fill(ngo.nif);
    await officerPage.getByRole('button', { name: 'Filtra' }).click();
    const row = officerPage.getByRole('row').filter({ hasText: ngo.nif });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Pendent de validació');
    await expectAccessible(officerPage);
    await row.getByRole('link', { name: ngo.legalName }).click();
    await expect(officerPage.getByRole('heading', { level: 1, name: ngo.legalName })).toBeVisible();
    await expectAccessible(officerPage);

    await officerPage.getByRole('button', { name: "Valida l'entitat" }).click();
    const dialog = officerPage.getByRole('alertdialog', { name: `Voleu validar ${ngo.legalName}?` });
    await expect(dialog).toBeVisible();
    await expectAccessible(officerPage);
    await dialog.getByRole('button', { name: 'Valida', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(
      officerPage.getByRole('status').filter({ hasText: `S'ha validat ${ngo.legalName}.` }),
    ).toBeVisible();
    await expect(officerPage.getByRole('button', { name: "Valida l'entitat" })).toHaveCount(0);
  });

  await test.step('4. the officer creates a call from the template and publishes it', async () => {
    const officer = officerPage!;
    await openFromNav(officer, 'Convocatòries');
    await expectAccessible(officer);
    await officer.getByRole('button', { name: 'Nova convocatòria a partir de la plantilla' }).click();
    const dialog = officer.getByRole('dialog', { name: 'Nova convocatòria a partir de la plantilla' });
    await expect(dialog).toBeVisible();
    await expectAccessible(officer);
    await dialog.getByLabel('Codi').fill(callCode);
    await dialog.getByLabel('Any').fill(year);
    await dialog.getByRole('button', { name: "Crea l'esborrany" }).click();
    await expect(
      officer.getByRole('heading', { level: 1, name: new RegExp(`^${callCode} · `) }),
    ).toBeVisible();
    await expect(officer.getByRole('heading', { level: 2, name: 'Dades generals' })).toBeVisible();
    await expectAccessible(officer);

    const checklist = officer.getByRole('region', { name: 'Llista de comprovació per publicar' });
    await expect(checklist.getByRole('status')).toContainText('per poder publicar');
    await fillCallForPublishing(officer);
    await expect(checklist.getByRole('status')).toHaveText('Tot és a punt per publicar.');
    await officer.getByRole('button', { name: "Desa l'esborrany" }).click();
    await expect(officer.getByRole('status').filter({ hasText: "S'ha desat l'esborrany." })).toBeVisible();
    await expect(officer.getByText('Tots els canvis estan desats.')).toBeVisible();
    await expectAccessible(officer);

    await officer.getByRole('button', { name: 'Publica', exact: true }).click();
    const publish = officer.getByRole('alertdialog', { name: `Voleu publicar la convocatòria ${callCode}?` });
    await expect(publish).toBeVisible();
    await expectAccessible(officer);
    await publish.getByRole('button', { name: 'Publica la convocatòria' }).click();
    await expect(publish).toHaveCount(0);
    await expect(
      officer.getByRole('status').filter({ hasText: "S'ha publicat la convocatòria." }),
    ).toBeVisible();
    await expect(officer.getByText('Publicada', { exact: true })).toBeVisible();
    await expect(officer.getByRole('button', { name: 'Amplia el termini' })).toBeVisible();
    await expectAccessible(officer);
  });

  await test.step('5. the NGO fills in and submits an application to the new call', async () => {
    await signInAs(ngoPage, ngo.email, ngo.password);
    await expectAccessible(ngoPage);
    await openFromNav(ngoPage, 'Convocatòries obertes');
    await ngoPage.getByLabel('Cerca (codi o títol)').fill(callCode);
    await ngoPage.getByRole('button', { name: 'Filtra' }).click();
    const row = ngoPage.getByRole('row').filter({ hasText: callCode });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Oberta');
    await expectAccessible(ngoPage);
    await row.getByRole('link').click();
    await expect(ngoPage.getByText(`${callCode} · ${year}`)).toBeVisible();
    await expect(
      ngoPage.getByRole('heading', { level: 2, name: 'Condicions de la convocatòria' }),
    ).toBeVisible();
    await expect(ngoPage.getByRole('heading', { level: 2, name: 'Documents que cal aportar' })).toBeVisible();
    await expect(ngoPage.getByRole('heading', { level: 2, name: 'Barem' })).toBeVisible();
    await expectAccessible(ngoPage);

    await ngoPage.getByRole('button', { name: 'Comença una sol·licitud' }).click();
    await expect(ngoPage.getByRole('navigation', { name: 'Seccions de la sol·licitud' })).toBeVisible();
    await expect(ngoPage.getByRole('region', { name: '1. Projecte' })).toBeVisible();
    await expectAccessible(ngoPage);

    await fillProject(ngoPage, projectTitle);
    await fillBudget(ngoPage);
    await fillClassification(ngoPage);
    await fillBeneficiaries(ngoPage);
    await fillCounterpart(ngoPage);
    const documentCount = await uploadRequiredDocuments(ngoPage);
    expect(documentCount).toBeGreaterThan(0);
    await expect(ngoPage.getByRole('status').filter({ hasText: /^Desat a les \d{2}:\d{2}$/ })).toBeVisible();
    await expect(ngoPage.getByRole('heading', { level: 1, name: projectTitle })).toBeVisible();
    await expectAccessible(ngoPage);

    await ngoPage
      .getByRole('navigation', { name: 'Seccions de la sol·licitud' })
      .getByRole('link', { name: '7. Revisió i presentació' })
      .click();
    const review = ngoPage.getByRole('region', { name: '7. Revisió i presentació' });
    await expect(review.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(
      review.getByText('La sol·licitud compleix totes les condicions que es poden comprovar aquí.'),
    ).toBeVisible();
    await expect(review.getByRole('link', { name: /^Ves a «/ })).toHaveCount(0);
    await expectAccessible(ngoPage);
    await review.getByRole('button', { name: 'Presenta la sol·licitud' }).click();

    // Irrevocable: first a summary to confirm (the call, the amount requested, the documents attached).
    const confirm = ngoPage.getByRole('alertdialog', { name: 'Voleu presentar la sol·licitud?' });
    await expect(confirm).toBeVisible();
    const summary = confirm.getByRole('definition');
    await expect(summary.nth(0)).toContainText(callCode);
    await expect(summary.nth(1)).toHaveText(projectTitle);
    await expect(summary.nth(2)).toHaveText(/^12\.000,00\s€$/);
    await expect(confirm.getByRole('term').nth(3)).toHaveText(`Documents adjunts (${documentCount})`);
    await expect(summary.nth(3).getByRole('listitem')).toHaveCount(documentCount);
    await expectAccessible(ngoPage);
    // Cancelling changes nothing; confirming submits.
    await confirm.getByRole('button', { name: 'Cancel·la' }).click();
    await expect(confirm).toBeHidden();
    await expect(ngoPage.getByRole('status').filter({ hasText: 'Sol·licitud presentada' })).toHaveCount(0);
    await review.getByRole('button', { name: 'Presenta la sol·licitud' }).click();
    await confirm.getByRole('button', { name: 'Sí, presenta-la' }).click();

    const done = ngoPage.getByRole('status').filter({ hasText: 'Sol·licitud presentada' });
    await expect(done).toBeVisible();
    const text = await done.innerText();
    registryNumber = /REG-\d{4}-\d{6}/.exec(text)?.[0] ?? '';
    expect(registryNumber, text).toMatch(new RegExp(`^REG-${year}-\\d{6}$`));
    await expect(
      ngoPage.getByRole('link', { name: `Descarrega el justificant de registre (${registryNumber}, PDF)` }),
    ).toBeVisible();
    await expect(ngoPage.getByText('Presentada', { exact: true }).first()).toBeVisible();
    await expectAccessible(ngoPage);
  });

  await test.step('6. the officer sends a correction request', async () => {
    const officer = officerPage!;
    await openInAdmissibility(officer, registryNumber, projectTitle);
    await expectAccessible(officer);
    await officer.getByRole('button', { name: "Envia un requeriment d'esmena" }).click();
    const dialog = officer.getByRole('dialog', { name: "Requeriment d'esmena" });
    await expect(dialog).toBeVisible();
    await dialog
      .getByLabel('Punt 1')
      .fill('Aporteu els estatuts signats i segellats (el document aportat no porta la signatura).');
    await expect(dialog.getByText(/^Termini per respondre \(10 dies hàbils\): /)).toBeVisible();
    await expectAccessible(officer);
    await dialog.getByRole('button', { name: 'Envia el requeriment' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(
      officer
        .getByRole('status')
        .filter({ hasText: /^S'ha enviat el requeriment\. Termini per respondre: .+\.$/ }),
    ).toBeVisible();
    await expect(officer.getByText("Requeriment d'esmena", { exact: true }).first()).toBeVisible();
    await expect(officer.getByText(/^Termini: \S+$/)).toBeVisible();
    await expectAccessible(officer);
  });

  await test.step('7. the NGO answers the correction request', async () => {
    await openFromNav(ngoPage, 'Les meves sol·licituds');
    const row = ngoPage.getByRole('row').filter({ hasText: registryNumber });
    await expect(row).toContainText("Requeriment d'esmena");
    await expect(row).toContainText('Cal respondre abans del');
    await expectAccessible(ngoPage);
    await row.getByRole('link', { name: projectTitle }).click();
    await expect(ngoPage.getByRole('heading', { level: 1, name: projectTitle })).toBeVisible();
    const corrections = ngoPage.getByRole('region', { name: "Requeriments d'esmena" });
    await expect(corrections.getByText(/^Termini per respondre: fins al /)).toBeVisible();
    await expect(corrections.getByText('Aporteu els estatuts signats i segellats')).toBeVisible();
    await expectAccessible(ngoPage);

    await corrections
      .getByRole('textbox', { name: 'Missatge (obligatori)' })
      .fill('Adjuntem els estatuts signats i segellats per la secretària i la presidenta.');
    await corrections.getByLabel("Afegeix un document d'esmena").setInputFiles(pdf('estatuts-signats.pdf'));
    await expect(corrections.getByText("S'ha pujat estatuts-signats.pdf.")).toBeVisible();
    await expectAccessible(ngoPage);
    await corrections.getByRole('button', { name: 'Envia la resposta' }).click();
    await expect(corrections.getByRole('button', { name: 'Envia la resposta' })).toHaveCount(0);
    await expect(ngoPage.getByText('Presentada', { exact: true }).first()).toBeVisible();
    await expect(ngoPage.getByText("Requeriment d'esmena", { exact: true })).toHaveCount(0);
    await expect(corrections.getByText(/^Resposta enviada el /)).toBeVisible();
    await expectAccessible(ngoPage);
  });

  await test.step('8. the officer admits the application', async () => {
    const officer = officerPage!;
    await openInAdmissibility(officer, registryNumber, projectTitle);
    await expect(officer.getByText(/^Resposta el /)).toBeVisible();
    await expect(officer.getByRole('link', { name: /estatuts-signats\.pdf/ }).first()).toBeVisible();
    await expectAccessible(officer);
    await officer.getByRole('button', { name: 'Admet', exact: true }).click();
    const dialog = officer.getByRole('alertdialog', { name: 'Voleu admetre la sol·licitud?' });
    await expect(dialog).toBeVisible();
    await expectAccessible(officer);
    await dialog.getByRole('button', { name: 'Admet la sol·licitud' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(officer.getByRole('status').filter({ hasText: "S'ha admès la sol·licitud." })).toBeVisible();
    await expect(officer.getByText('Admesa', { exact: true })).toBeVisible();

    const history = officer.getByRole('list', { name: 'Historial de la sol·licitud' });
    for (const step of [
      'Sol·licitud presentada',
      "Requeriment d'esmena enviat",
      "Requeriment d'esmena respost",
      'Sol·licitud admesa',
    ]) {
      await expect(history.getByRole('listitem').filter({ hasText: step }).first()).toBeVisible();
    }
    await expectAccessible(officer);
  });

  await officerPage?.context().close();
});
