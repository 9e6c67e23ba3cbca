import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Role } from '@cofinanca/contracts';
import { expectAccessible } from './a11y';

export const demoEmail = (role: Role) => `${role}@demo.cofinanca.cat`;
export const demoPassword = (role: Role) => `Cofinanca-${role}-2026`;

/** A value no other test (or earlier run) uses. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Signs in through the sign-in page (in Catalan, the default) and waits for the home page. */
export async function signIn(page: Page, role: Role, { checkA11y = true } = {}): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Inici de sessió' })).toBeVisible();
  if (checkA11y) await expectAccessible(page);
  await page.getByLabel('Adreça electrònica').fill(demoEmail(role));
  await page.getByLabel('Contrasenya').fill(demoPassword(role));
  await page.getByRole('button', { name: 'Inicia la sessió' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Benvingut\/da/ })).toBeVisible();
}

/** An API context signed in as a demo user (cookie session), to seed data through the API. */
export async function apiAs(request: APIRequestContext, role: Role): Promise<APIRequestContext> {
  const response = await request.post('/api/v1/auth/login', {
    data: { email: demoEmail(role), password: demoPassword(role) },
  });
  expect(response.status(), await response.text()).toBe(200);
  return request;
}
