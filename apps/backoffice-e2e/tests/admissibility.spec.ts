import { expectAccessible } from './support/a11y';
import { signIn, unique } from './support/auth';
import { demoCall, expect, json, openFromNav, signOut, submittedApplication, test } from './support/grants';

test('an officer filters the queue, exports it and declares an application inadmissible; the NGO sees it', async ({
  page,
  api,
}) => {
  // Two submitted applications of the demo entity, with a word in common in their titles.
  const word = unique('Kolda');
  const entity = await api.as('entity');
  const call = await demoCall(entity);
  const target = await submittedApplication(entity, call, `Aigua ${word}`);
  const other = await submittedApplication(entity, call, `Escola ${word}`);
  const reason = `La sòcia local no està legalment constituïda (${unique('e2e')}).`;

  await signIn(page, 'officer', { checkA11y: false });
  await openFromNav(page, 'Admissibilitat');
  const queue = page.getByRole('table', { name: 'Sol·licituds per revisar' });
  const status = page.getByRole('combobox', { name: 'Estat' });
  const search = page.getByRole('searchbox', { name: 'Cerca (entitat, títol o número de registre)' });
  await expect(status).toHaveValue('pending');

  // Search by the common word: both; by the registry number: only one.
  await search.fill(word);
  await page.getByRole('button', { name: 'Filtra' }).click();
  await expect(queue.getByRole('row')).toHaveCount(3);
  await search.fill(target.registryNumber);
  await status.selectOption({ label: 'Presentada' });
  await page.getByRole('button', { name: 'Filtra' }).click();
  await expect(queue.getByRole('row')).toHaveCount(2);
  const row = queue.getByRole('row').filter({ hasText: target.registryNumber });
  await expect(row).toContainText(target.title);
  await expect(row).toContainText('Associació Lleida Solidària (demo)');
  await expect(row).toContainText('Presentada');
  await expect(queue).not.toContainText(other.registryNumber);
  await expectAccessible(page);

  // The CSV export carries the same filters; it opens in a Catalan spreadsheet (UTF-8 with BOM, `;`, Catalan words).
  const href = (await page.getByRole('link', { name: 'Exporta a CSV' }).getAttribute('href')) as string;
  const exportUrl = new URL(href, page.url());
  expect(exportUrl.pathname).toBe('/api/v1/applications/export.csv');
  expect(exportUrl.searchParams.get('status')).toBe('submitted');
  expect(exportUrl.searchParams.get('q')).toBe(target.registryNumber);
  const csv = await page.request.get(href);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[0].split(';')).toEqual(expect.arrayContaining(['Número de registre', 'Títol', 'Estat']));
  expect(lines[1]).toContain(target.registryNumber);
  expect(lines[1]).toContain(target.title);
  expect(lines[1]).toContain(';Presentada;');
  expect(lines[1].split(';').length).toBe(lines[0].split(';').length);
  // Beside it, the XLSX export of the same list.
  const xlsxHref = (await page.getByRole('link', { name: 'Exporta a XLSX' }).getAttribute('href')) as string;
  const xlsxUrl = new URL(xlsxHref, page.url());
  expect(xlsxUrl.pathname).toBe('/api/v1/applications/export.xlsx');
  expect(xlsxUrl.searchParams.get('status')).toBe('submitted');
  const xlsx = await page.request.get(xlsxHref);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect([...(await xlsx.body()).subarray(0, 2)]).toEqual([0x50, 0x4b]); // a ZIP container

  // Declare it inadmissible, with a reason.
  await row.getByRole('link', { name: target.registryNumber }).click();
  await expect(page.getByRole('heading', { level: 1, name: target.title })).toBeVisible();
  for (const section of [
    "Decisions d'admissibilitat",
    'Documents',
    "Requeriments d'esmena",
    'Historial de la sol·licitud',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Declara inadmissible' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Voleu declarar inadmissible la sol·licitud?' });
  await expect(dialog).toContainText(target.registryNumber);
  const reasonInput = dialog.getByRole('textbox', { name: 'Motiu (obligatori)' });
  await expect(reasonInput).toBeFocused();
  await dialog.getByRole('button', { name: 'Declara inadmissible' }).click();
  await expect(reasonInput).toHaveAccessibleDescription(/Aquest camp és obligatori\./);
  await expectAccessible(page);
  await reasonInput.fill(reason);
  await dialog.getByRole('button', { name: 'Declara inadmissible' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: "S'ha declarat inadmissible la sol·licitud." }),
  ).toBeVisible();
  await expect(page.getByText('Inadmesa', { exact: true })).toBeVisible();
  await expect(page.getByText(reason, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Admet' })).toHaveCount(0);
  const history = page.getByRole('region', { name: 'Historial de la sol·licitud' });
  await expect(history).toContainText('Sol·licitud declarada inadmissible');
  await expect(history).toContainText(`Motiu: ${reason}`);

  // Back in the queue it is no longer pending; the "Inadmesa" filter finds it.
  await page.getByRole('link', { name: "← Tornar a l'admissibilitat" }).click();
  await search.fill(word);
  await page.getByRole('button', { name: 'Filtra' }).click();
  await expect(queue.getByRole('row')).toHaveCount(2);
  await expect(queue).toContainText(other.registryNumber);
  await status.selectOption({ label: 'Inadmesa' });
  await page.getByRole('button', { name: 'Filtra' }).click();
  await expect(queue.getByRole('row')).toHaveCount(2);
  await expect(queue.getByRole('row').filter({ hasText: target.registryNumber })).toContainText('Inadmesa');

  // The NGO's list and its application.
  await signOut(page);
  await signIn(page, 'entity', { checkA11y: false });
  await openFromNav(page, 'Les meves sol·licituds');
  const mine = page.getByRole('row').filter({ hasText: target.registryNumber });
  await expect(mine).toContainText('Inadmesa');
  await expect(page.getByRole('row').filter({ hasText: other.registryNumber })).toContainText('Presentada');
  await mine.getByRole('link', { name: target.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: target.title })).toBeVisible();
  const registry = page.getByRole('region', { name: 'Registre' });
  await expect(registry).toContainText('Inadmesa');
  await expect(registry).toContainText(reason);
  await expectAccessible(page);
});

test('the application form lists what is missing in an empty draft, and a submission anyway is refused', async ({
  page,
  api,
}) => {
  const entity = await api.as('entity');
  const call = await demoCall(entity);
  const draft = await json<{ id: string }>(
    await entity.post(`/api/v1/calls/${call.id}/applications`, { data: {} }),
    201,
  );

  await signIn(page, 'entity', { checkA11y: false });
  await page.goto(`/applications/${draft.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sol·licitud sense títol' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Seccions de la sol·licitud' })).toBeVisible();
  const review = page.getByRole('region', { name: '7. Revisió i presentació' });
  await expect(review.getByRole('heading', { name: 'Què falta per presentar-la' })).toBeVisible();
  await expect(review.getByRole('status')).toHaveText(/^Queden \d+ punts per resoldre\.$/);
  const items = review.getByRole('listitem');
  await expect(items.filter({ hasText: 'Complert: La convocatòria és oberta fins al' })).toHaveCount(1);
  await expect(items.filter({ hasText: "Complert: L'entitat està validada." })).toHaveCount(1);
  for (const text of [
    'Pendent: Falta: Títol del projecte.',
    'Pendent: Falta: Resum.',
    'Pendent: Falta el document: Formulari tècnic del projecte.',
    'Pendent: Falta el document: Pressupost detallat.',
    "Pendent: Falta el document: Estatuts de l'entitat.",
  ]) {
    await expect(items.filter({ hasText: text })).toHaveCount(1);
  }
  await expect(items.filter({ hasText: 'Conveni amb la sòcia local' })).toHaveCount(0);
  await expectAccessible(page);

  // Each missing item leads to its field.
  await items
    .filter({ hasText: 'Falta: Títol del projecte.' })
    .getByRole('link', { name: 'Ves a «1. Projecte»' })
    .click();
  await expect(page.getByRole('textbox', { name: /^Títol del projecte/ })).toBeFocused();

  // Submitting anyway: the API's 422 is shown with its code's message, and it stays a draft.
  await review.getByRole('button', { name: 'Presenta la sol·licitud' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Voleu presentar la sol·licitud?' });
  await expect(confirm.getByRole('term').nth(3)).toHaveText('Documents adjunts (0)');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Sí, presenta-la' }).click();
  await expect(confirm).toBeHidden();
  const refused = review.getByRole('alert');
  await expect(refused).toContainText("No s'ha pogut presentar: La sol·licitud no està completa.");
  await expect(refused.getByRole('link', { name: 'Títol del projecte' })).toBeVisible();
  await expectAccessible(page);
  const saved = await json<{ status: string; registryNumber: string | null }>(
    await entity.get(`/api/v1/applications/${draft.id}`),
  );
  expect(saved).toMatchObject({ status: 'draft', registryNumber: null });
});
