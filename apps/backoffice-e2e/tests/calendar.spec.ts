import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { signIn, unique } from './support/auth';

test('an admin adds a local holiday and deletes it', async ({ page }) => {
  const ine = String(90000 + Math.floor(Math.random() * 9999)).padStart(5, '0');
  const name = `Festa ${unique('e2e')}`;

  await signIn(page, 'admin');
  await page
    .getByRole('navigation', { name: 'Navegació principal' })
    .getByRole('link', { name: 'Festius' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Festius i dies hàbils' })).toBeVisible();
  await page.getByLabel('Any', { exact: true }).selectOption('2026');
  await expect(page.getByRole('row').filter({ hasText: 'Catalunya' }).first()).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole('form', { name: 'Afegeix un festiu' });
  await form.getByLabel('Data').fill('2026-07-16');
  await form.getByLabel('Àmbit').selectOption('local');
  await form.getByLabel('Codi INE del municipi').fill(ine);
  await form.getByLabel('Nom').fill(name);
  await form.getByRole('button', { name: 'Afegeix el festiu' }).click();

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText('16/07/2026');
  await expect(row).toContainText(`Local (${ine})`);
  await expectAccessible(page);

  await row.getByRole('button', { name: /^Suprimeix/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Voleu suprimir aquest festiu?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(name);
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Suprimeix' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: name })).toBeVisible();
});

test('the business-day calculator: 2026-04-30 + 10 days in Lleida is 18/05/2026', async ({ page }) => {
  await signIn(page, 'viewer');
  await page
    .getByRole('navigation', { name: 'Navegació principal' })
    .getByRole('link', { name: 'Dies hàbils' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dies hàbils' })).toBeVisible();
  // A viewer may compute, not keep the calendar.
  await expect(page.getByRole('heading', { name: 'Calendari de festius' })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("Data d'inici (notificació)").fill('2026-04-30');
  await page.getByRole('spinbutton', { name: /^Dies hàbils/ }).fill('10');
  await expect(page.getByLabel('Codi INE del municipi')).toHaveValue('25120');
  await page.getByRole('button', { name: 'Calcula' }).click();
  await expect(page.getByTestId('due-date')).toHaveText('18/05/2026');
  await expectAccessible(page);
});
