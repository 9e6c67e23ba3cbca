import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { signIn } from './support/auth';

test('switching the language ca → es → en changes the screens and survives a reload', async ({ page }) => {
  await signIn(page, 'admin');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(page.getByRole('link', { name: 'Inici', exact: true })).toBeVisible();

  await page.getByLabel('Idioma').selectOption('es');
  await expect(heading).toHaveText(/^Bienvenido\/a/);
  await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expectAccessible(page);

  await page.getByLabel('Idioma').selectOption('en');
  await expect(heading).toHaveText(/^Welcome/);
  await expect(page.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(heading).toHaveText(/^Welcome/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await page.evaluate(() => window.localStorage.getItem('cofinanca.locale'))).toBe('en');
  await expectAccessible(page);

  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'My profile' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
  await expectAccessible(page);
});
