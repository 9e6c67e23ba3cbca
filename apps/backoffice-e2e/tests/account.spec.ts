import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { apiAs, unique } from './support/auth';

test('an invited user sets a password from the e-mailed link, signs in, edits the profile and changes the password', async ({
  page,
  request,
}) => {
  const email = `${unique('e2e-invited')}@example.cat`;
  const admin = await apiAs(request, 'admin');
  const created = await admin.post('/api/v1/users', {
    data: { email, name: 'Persona Convidada', roles: ['finance'] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const outbox = await admin.get(`/api/v1/outbox?to=${encodeURIComponent(email)}`);
  const text: string = (await outbox.json()).items[0].text;
  const link = new URL(text.match(/https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/)![0]);

  // The link from the e-mail.
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Trieu la vostra contrasenya' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Contrasenya nova').fill('Una-contrasenya-llarga-1');
  await page.getByLabel('Repetiu la contrasenya').fill('Una-contrasenya-diferent-1');
  await page.getByRole('button', { name: 'Desa la contrasenya' }).click();
  await expect(page.getByText('Les contrasenyes no coincideixen.')).toBeVisible();
  await page.getByLabel('Repetiu la contrasenya').fill('Una-contrasenya-llarga-1');
  await page.getByRole('button', { name: 'Desa la contrasenya' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inici de sessió' })).toBeVisible();
  await expect(page.getByText('Contrasenya desada. Ja podeu iniciar la sessió.')).toBeVisible();
  await expectAccessible(page);

  // The same link a second time no longer works.
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByLabel('Contrasenya nova').fill('Una-altra-contrasenya-2');
  await page.getByLabel('Repetiu la contrasenya').fill('Una-altra-contrasenya-2');
  await page.getByRole('button', { name: 'Desa la contrasenya' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);

  // Sign in with the chosen password.
  await page.goto('/login');
  await page.getByLabel('Adreça electrònica').fill(email);
  await page.getByLabel('Contrasenya').fill('Una-contrasenya-llarga-1');
  await page.getByRole('button', { name: 'Inicia la sessió' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Benvingut\/da/ })).toBeVisible();

  // Profile: name.
  await page
    .getByRole('navigation', { name: 'Navegació principal' })
    .getByRole('link', { name: 'El meu perfil' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'El meu perfil' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Nom').fill('Persona Rebatejada');
  await page.getByRole('button', { name: 'Desa' }).click();
  await expect(page.getByText("S'han desat els canvis.")).toBeVisible();
  await expect(page.getByRole('banner').getByText('Persona Rebatejada')).toBeVisible();

  // Password change: the wrong current password is refused, the right one works.
  await page.getByLabel('Contrasenya actual').fill('no-es-aquesta');
  await page.getByLabel(/^Contrasenya nova/).fill('Una-contrasenya-nova-3');
  await page.getByLabel('Repetiu la contrasenya nova').fill('Una-contrasenya-nova-3');
  await page.getByRole('button', { name: 'Canvia la contrasenya' }).click();
  await expect(page.getByRole('alert').or(page.getByText(/no és correcta/))).toBeVisible();
  await page.getByLabel('Contrasenya actual').fill('Una-contrasenya-llarga-1');
  await page.getByLabel(/^Contrasenya nova/).fill('Una-contrasenya-nova-3');
  await page.getByLabel('Repetiu la contrasenya nova').fill('Una-contrasenya-nova-3');
  await page.getByRole('button', { name: 'Canvia la contrasenya' }).click();
  await expect(page.getByText("S'ha canviat la contrasenya.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Tanca la sessió' }).click();
  await page.getByLabel('Adreça electrònica').fill(email);
  await page.getByLabel('Contrasenya').fill('Una-contrasenya-nova-3');
  await page.getByRole('button', { name: 'Inicia la sessió' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Benvingut\/da/ })).toBeVisible();
});
