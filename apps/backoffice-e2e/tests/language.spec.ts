import { expectAccessible } from './support/a11y';
import { signIn } from './support/auth';
import { demoCall, expect, json, test } from './support/grants';

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

test('the NGO portal: open calls and an application form in Spanish and English', async ({ page, api }) => {
  const entity = await api.as('entity');
  const call = await demoCall(entity);
  const draft = await json<{ id: string }>(
    await entity.post(`/api/v1/calls/${call.id}/applications`, { data: {} }),
    201,
  );
  await signIn(page, 'entity', { checkA11y: false });
  const html = page.locator('html');

  // Spanish: the open calls, the demo call and the form.
  await page.getByLabel('Idioma').selectOption('es');
  await expect(html).toHaveAttribute('lang', 'es');
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Convocatorias abiertas' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Convocatorias abiertas' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Convocatorias publicadas' })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole('row')
    .filter({ hasText: call.code })
    .getByRole('link', { name: call.title.es })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: call.title.es })).toBeVisible();
  for (const section of ['Condiciones de la convocatoria', 'Documentos que hay que aportar', 'Baremo']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expect(page.getByText('Formulario técnico del proyecto')).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/applications/${draft.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Solicitud sin título' })).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'es');
  const sections = page.getByRole('navigation', { name: 'Secciones de la solicitud' });
  await expect(sections.getByRole('link')).toHaveText([
    '1. Proyecto',
    '2. Presupuesto',
    '3. Clasificación',
    '4. Personas beneficiarias',
    '5. Socio local',
    '6. Documentos',
    '7. Revisión y presentación',
  ]);
  await expect(
    page
      .getByRole('region', { name: '7. Revisión y presentación' })
      .getByRole('heading', { name: 'Qué falta para presentarla' }),
  ).toBeVisible();
  await expectAccessible(page);

  // English, on the same form, then the open calls.
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Untitled application' })).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Application sections' })).toBeVisible();
  await expect(page.getByRole('region', { name: '1. Project' })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: '7. Review and submit' })
      .getByRole('heading', { name: 'What is missing before submitting' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Open calls' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Open calls' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: call.code })).toContainText(call.title.en);
  await expectAccessible(page);
});
