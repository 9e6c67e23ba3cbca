import type { Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { unique } from './support/auth';
import {
  expect,
  json,
  newIban,
  newNif,
  openFromNav,
  registerEntity,
  signInWith,
  test,
} from './support/grants';

/** A required input of the form, by its accessible name ("NIF" → "NIF (obligatori)"). */
const required = (page: Page, label: string, role: 'textbox' | 'combobox' = 'textbox') =>
  page.getByRole(role, { name: `${label} (obligatori)`, exact: true });

/** Opens the registration form from the sign-in page. */
async function openRegistration(page: Page) {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Encara no teniu compte? Registreu la vostra entitat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Registre d'una entitat" })).toBeVisible();
}

/** Fills in every field of the registration form (the privacy checkbox is left as it is). */
async function fillRegistration(page: Page, values: { nif: string; iban: string; tag: string }) {
  await required(page, 'Denominació legal').fill(`Associació ${values.tag}`);
  await required(page, 'NIF').fill(values.nif);
  await required(page, "Adreça electrònica de l'entitat").fill(`${values.tag}-entitat@example.cat`);
  await required(page, 'Via (carrer, plaça…)').fill('Carrer del Carme');
  await required(page, 'Codi postal').fill('25007');
  await required(page, 'Població').fill('Lleida');
  await required(page, 'Codi INE del municipi').fill('25120');
  await required(page, 'Província').fill('Lleida');
  await expect(required(page, 'País', 'combobox')).toHaveValue('ES');
  await required(page, 'IBAN del compte bancari').fill(values.iban);
  await required(page, 'Nom i cognoms del representant legal').fill('Jordi Farré i Solé');
  await required(page, 'DNI o NIE del representant legal').fill('12345678Z');
  await required(page, 'Càrrec del representant legal').fill('President');
  await required(page, 'El vostre nom i cognoms').fill(`Persona ${values.tag}`);
  await required(page, 'La vostra adreça electrònica (per iniciar la sessió)').fill(
    `${values.tag}@example.cat`,
  );
  await required(page, 'Contrasenya').fill('una-contrasenya-llarga-2026');
  await required(page, 'Repetiu la contrasenya').fill('una-contrasenya-llarga-2026');
}

/** Counts the registration requests the page sends. */
function countRegistrations(page: Page): () => number {
  let sent = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/auth/register') sent += 1;
  });
  return () => sent;
}

test('a bad NIF, a bad IBAN and the privacy notice not accepted are refused on the form, and nothing is sent', async ({
  page,
}) => {
  const sent = countRegistrations(page);
  const tag = unique('e2e-reg');
  await openRegistration(page);
  await expectAccessible(page);

  const goodNif = newNif();
  // The same NIF and IBAN with a wrong check character / check digit.
  const badNif = goodNif.slice(0, 8) + String((Number(goodNif[8]) + 1) % 10);
  const goodIban = newIban();
  const badIban = goodIban.slice(0, -1) + String((Number(goodIban.slice(-1)) + 1) % 10);
  await fillRegistration(page, { nif: badNif, iban: badIban, tag });
  await page.getByRole('button', { name: "Registra l'entitat" }).click();

  const nif = required(page, 'NIF');
  const iban = required(page, 'IBAN del compte bancari');
  const privacy = page.getByRole('checkbox', {
    name: "He llegit la informació sobre protecció de dades i l'accepto",
  });
  await expect(nif).toHaveAttribute('aria-invalid', 'true');
  await expect(nif).toHaveAccessibleDescription(/El NIF no és vàlid/);
  await expect(nif).toBeFocused();
  await expect(iban).toHaveAttribute('aria-invalid', 'true');
  await expect(iban).toHaveAccessibleDescription(/L'IBAN no és vàlid: reviseu-ne els dígits de control\./);
  await expect(privacy).toHaveAttribute('aria-invalid', 'true');
  await expect(privacy).toHaveAccessibleDescription(
    'Cal que llegiu i accepteu la informació sobre protecció de dades.',
  );
  await expectAccessible(page);

  // Correct NIF and IBAN: only the privacy notice still stops the registration.
  await nif.fill(goodNif);
  await iban.fill(goodIban);
  await page.getByRole('button', { name: "Registra l'entitat" }).click();
  await expect(privacy).toBeFocused();
  await expect(privacy).toHaveAttribute('aria-invalid', 'true');
  await expect(nif).not.toHaveAttribute('aria-invalid', 'true');
  await expect(iban).not.toHaveAttribute('aria-invalid', 'true');
  expect(sent()).toBe(0);

  // Accepted: now it is sent, once.
  await privacy.check();
  await page.getByRole('button', { name: "Registra l'entitat" }).click();
  await expect(page.getByRole('heading', { name: "Hem rebut el registre de l'entitat" })).toBeFocused();
  await expect(page.getByRole('status')).toContainText(`${tag}@example.cat`);
  expect(sent()).toBe(1);
  await expectAccessible(page);
});

test('a NIF registered already shows the duplicate message on the NIF', async ({ page }) => {
  const tag = unique('e2e-dup');
  await openRegistration(page);
  // The demo NGO's NIF.
  await fillRegistration(page, { nif: 'G25123456', iban: newIban(), tag });
  await page
    .getByRole('checkbox', { name: "He llegit la informació sobre protecció de dades i l'accepto" })
    .check();
  await page.getByRole('button', { name: "Registra l'entitat" }).click();

  await expect(page.getByRole('alert')).toContainText('Ja existeix un registre amb aquestes dades.');
  const nif = required(page, 'NIF');
  await expect(nif).toHaveAttribute('aria-invalid', 'true');
  await expect(nif).toHaveAccessibleDescription(/Aquesta entitat ja està registrada\./);
  await expect(nif).toBeFocused();
  await expect(page.getByRole('heading', { name: "Hem rebut el registre de l'entitat" })).toHaveCount(0);
  await expectAccessible(page);
});

test('a verification link that is not valid says so', async ({ page }) => {
  await page.goto(`/verify-email?token=${unique('not-a-token')}`);
  await expect(
    page.getByRole('heading', { level: 1, name: "Verificació de l'adreça electrònica" }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText("L'enllaç no és vàlid o ha caducat.");
  await expect(page.getByText('Adreça electrònica verificada.')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Inicia la sessió' })).toBeVisible();
  await expectAccessible(page);

  // A link cut short (no token) is told apart.
  await page.goto('/verify-email');
  await expect(page.getByRole('alert')).toContainText(
    "Aquest enllaç no és complet. Obriu l'enllaç del correu tal com el vau rebre.",
  );
  await expectAccessible(page);
});

test('a new NGO user who lost the verification link asks for a new one from La meva entitat', async ({
  page,
  api,
}) => {
  const entity = await registerEntity(api);
  await signInWith(page, entity);
  await openFromNav(page, 'La meva entitat');
  await expect(page.getByText('Encara no heu verificat la vostra adreça electrònica')).toBeVisible();
  await page.getByRole('button', { name: "Torna'm a enviar l'enllaç de verificació" }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Us hem enviat un enllaç nou' })).toBeVisible();
  await expectAccessible(page);

  const admin = await api.as('admin');
  const outbox = await json<{ items: { text: string }[] }>(
    await admin.get('/api/v1/outbox', { params: { to: entity.email } }),
  );
  expect(outbox.items.filter((m) => m.text.includes('/verify-email?token='))).toHaveLength(2);
});
