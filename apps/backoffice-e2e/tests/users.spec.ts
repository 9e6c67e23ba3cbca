import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { signIn, unique } from './support/auth';

test('an admin creates a user by invitation; it is listed and the invitation is in the outbox', async ({
  page,
}) => {
  const email = `${unique('e2e-user')}@example.cat`;
  const name = `Persona ${unique('e2e')}`;

  await signIn(page, 'admin');
  await page
    .getByRole('navigation', { name: 'Navegació principal' })
    .getByRole('link', { name: 'Usuaris' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Usuaris' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Usuari nou' }).click();
  const dialog = page.getByRole('dialog', { name: 'Usuari nou' });
  await expect(dialog).toBeVisible();
  // Client-side validation first: nothing filled in.
  await dialog.getByRole('button', { name: "Crea l'usuari" }).click();
  await expect(dialog.getByText('Aquest camp és obligatori.').first()).toBeVisible();
  await expect(dialog.getByText('Trieu com a mínim un rol.')).toBeVisible();
  await expectAccessible(page);

  await dialog.getByLabel('Adreça electrònica').fill(email);
  await dialog.getByLabel('Nom').fill(name);
  await dialog.getByRole('checkbox', { name: 'Consulta' }).check();
  await expect(dialog.getByRole('checkbox', { name: /Envia una invitació/ })).toBeChecked();
  await dialog.getByRole('button', { name: "Crea l'usuari" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: email })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row).toContainText(name);
  await expect(row).toContainText('Consulta');

  // The same address again: the API answers 409 DUPLICATE, shown on the e-mail field.
  await page.getByRole('button', { name: 'Usuari nou' }).click();
  await dialog.getByLabel('Adreça electrònica').fill(email);
  await dialog.getByLabel('Nom').fill(name);
  await dialog.getByRole('checkbox', { name: 'Consulta' }).check();
  await dialog.getByRole('button', { name: "Crea l'usuari" }).click();
  await expect(dialog.getByText('Ja hi ha un usuari amb aquesta adreça electrònica.')).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel·la' }).click();

  // The invitation e-mail.
  await page.getByRole('link', { name: 'Correus sortints' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Correus sortints' })).toBeVisible();
  await page.getByLabel('Destinatari').fill(email);
  await page.getByRole('button', { name: 'Filtra' }).click();
  const mail = page.getByRole('row').filter({ hasText: email });
  await expect(mail).toHaveCount(1);
  await expectAccessible(page);
  await mail.getByRole('button').click();
  const message = page.getByRole('dialog');
  await expect(message).toBeVisible();
  await expect(message.getByLabel('Text del missatge')).toContainText('/reset-password?token=');
  await expectAccessible(page);
  await message.getByRole('button', { name: 'Tanca' }).click();
  await expect(message).toHaveCount(0);
});

test('an admin edits a user (name, active) through the edit dialog', async ({ page, request }) => {
  const email = `${unique('e2e-edit')}@example.cat`;
  // Seed through the API.
  const login = await request.post('/api/v1/auth/login', {
    data: { email: 'admin@demo.cofinanca.cat', password: 'Cofinanca-admin-2026' },
  });
  expect(login.status()).toBe(200);
  const created = await request.post('/api/v1/users', {
    data: { email, name: 'Abans Del Canvi', roles: ['finance'], password: 'a-long-password-123' },
  });
  expect(created.status(), await created.text()).toBe(201);

  await signIn(page, 'admin', { checkA11y: false });
  await page.goto('/users');
  await page.getByLabel('Cerca (nom o adreça)').fill(email);
  await page.getByRole('button', { name: 'Filtra' }).click();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Edita Abans Del Canvi' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel('Nom').fill('Després Del Canvi');
  await dialog.getByRole('checkbox', { name: 'Compte actiu' }).uncheck();
  await dialog.getByRole('button', { name: 'Desa' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText('Després Del Canvi');
  await expect(row).toContainText('Inactiu');
});

test('an admin sends an invitation again to someone who never chose a password', async ({
  page,
  request,
}) => {
  const email = `${unique('e2e-reinvite')}@example.cat`;
  const login = await request.post('/api/v1/auth/login', {
    data: { email: 'admin@demo.cofinanca.cat', password: 'Cofinanca-admin-2026' },
  });
  expect(login.status()).toBe(200);
  const created = await request.post('/api/v1/users', {
    data: { email, name: 'Pendent De Contrasenya', roles: ['viewer'] },
  });
  expect(created.status(), await created.text()).toBe(201);

  await signIn(page, 'admin', { checkA11y: false });
  await page.goto('/users');
  await page.getByLabel('Cerca (nom o adreça)').fill(email);
  await page.getByRole('button', { name: 'Filtra' }).click();
  const row = page.getByRole('row').filter({ hasText: email });
  await row.getByRole('button', { name: 'Edita Pendent De Contrasenya' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Aquesta persona encara no ha triat la contrasenya.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Torna a enviar la invitació' }).click();
  await expect(dialog.getByRole('status')).toContainText("S'ha enviat una invitació nova.");
  await expectAccessible(page);

  const outbox = await request.get(`/api/v1/outbox?to=${encodeURIComponent(email)}`);
  expect((await outbox.json()).total).toBe(2);
});
