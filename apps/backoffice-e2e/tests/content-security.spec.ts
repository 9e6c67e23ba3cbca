import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';

test("the back-office runs under its policy (styles 'self' and the page's nonce): a dialog locks the page's scroll, nothing is refused", async ({
  page,
}) => {
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text()) && /style/i.test(m.text())) refused.push(m.text());
  });
  await page.addInitScript(() => {
    // Styles only: zod probes whether eval is allowed (and is told no, as it should be).
    document.addEventListener('securitypolicyviolation', (e) => {
      if (!e.violatedDirective.startsWith('style-src')) return;
      (window as unknown as { refused: string[] }).refused ??= [];
      (window as unknown as { refused: string[] }).refused.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });

  const response = await page.goto('/');
  const policy = (await response?.headerValue('content-security-policy')) ?? '';
  expect(policy).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'(;|$)/);
  expect(policy).not.toContain('unsafe-inline');

  await signIn(page, 'admin', { checkA11y: false });
  await page
    .getByRole('navigation', { name: 'Navegació principal' })
    .getByRole('link', { name: 'Usuaris' })
    .click();
  await page.getByRole('button', { name: 'Usuari nou' }).click();
  await expect(page.getByRole('dialog', { name: 'Usuari nou' })).toBeVisible();
  // Radix's scroll lock is a <style> element: it applies only because it carries the page's nonce.
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).overflow)).toBe('hidden');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  expect(await page.evaluate(() => (window as unknown as { refused?: string[] }).refused ?? [])).toEqual([]);
  expect(refused).toEqual([]);
});
