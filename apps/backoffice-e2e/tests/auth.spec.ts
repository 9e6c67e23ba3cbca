import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { signIn } from './support/auth';

test.describe('signing in and out', () => {
  test('an officer sees the Catalan home and the audit log, not users', async ({ page }) => {
    await signIn(page, 'officer');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ca');
    await expect(page.getByRole('banner').getByText('Tècnica de Cooperació Demo')).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Navegació principal' });
    await expect(nav.getByRole('link', { name: 'Inici' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Auditoria' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Dies hàbils' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Usuaris' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Correus sortints' })).toHaveCount(0);
    await expectAccessible(page);

    await nav.getByRole('link', { name: 'Auditoria' }).click();
    await expect(page.getByRole('heading', { level: 1, name: "Registre d'auditoria" })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    // Actions in words, subjects by what a person knows them by (the officer's own sign-in: their e-mail).
    const login = page.getByRole('row').filter({ hasText: 'Inici de sessió' }).first();
    await expect(login).toContainText('Usuari');
    await expect(login).toContainText('@');
    await expect(page.getByRole('link', { name: 'Exporta a CSV' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Exporta a XLSX' })).toBeVisible();
    // Filtering by an action chosen by its words.
    await page.getByLabel('Acció').selectOption({ label: 'Inici de sessió' });
    await page.getByRole('button', { name: 'Filtra' }).click();
    const rows = page.getByRole('table').locator('tbody > tr');
    await expect(rows.filter({ hasNotText: 'Inici de sessió' })).toHaveCount(0);
    await expect(rows.first()).toContainText('Inici de sessió');
    await expectAccessible(page);
    await page
      .getByRole('button', { name: /Mostra els detalls/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { name: 'Després' })).toBeVisible();
    await expectAccessible(page);
  });

  test('an admin sees users, holidays, audit and outbox', async ({ page }) => {
    await signIn(page, 'admin');
    const nav = page.getByRole('navigation', { name: 'Navegació principal' });
    for (const name of ['Usuaris', 'Festius', 'Auditoria', 'Correus sortints', 'El meu perfil']) {
      await expect(nav.getByRole('link', { name })).toBeVisible();
    }
    await expectAccessible(page);
  });

  test('signing out goes back to the sign-in page and closes the session', async ({ page }) => {
    await signIn(page, 'finance');
    await page.getByRole('button', { name: 'Tanca la sessió' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inici de sessió' })).toBeVisible();
    await expectAccessible(page);
    await page.goto('/profile');
    await expect(page).toHaveURL(/\/login\?next=%2Fprofile$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Inici de sessió' })).toBeVisible();
  });

  test('a wrong password shows an error', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Adreça electrònica').fill('evaluator@demo.cofinanca.cat');
    await page.getByLabel('Contrasenya').fill('not-the-password');
    await page.getByRole('button', { name: 'Inicia la sessió' }).click();
    await expect(page.getByRole('alert')).toContainText(
      "L'adreça electrònica o la contrasenya no són correctes.",
    );
    await expect(page).toHaveURL(/\/login$/);
    await expectAccessible(page);
  });

  test('the forgot-password page never tells whether an address exists', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Heu oblidat la contrasenya?' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Recuperació de la contrasenya' }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Adreça electrònica').fill('nobody-here@example.org');
    await page.getByRole('button', { name: "Envia l'enllaç" }).click();
    await expect(page.getByRole('status')).toContainText("Si l'adreça correspon a un compte");
    await expectAccessible(page);
  });

  test('a viewer cannot open the users page', async ({ page }) => {
    await signIn(page, 'viewer');
    const nav = page.getByRole('navigation', { name: 'Navegació principal' });
    await expect(nav.getByRole('link', { name: 'Usuaris' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Auditoria' })).toHaveCount(0);
    await page.goto('/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Accés no permès' })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectAccessible(page);
  });
});
