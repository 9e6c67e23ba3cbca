/**
 * The officer's ranking and simulator on a call under evaluation with three applications (every row pending): the
 * ranking is sorted by entity both ways (aria-sort on the header), filtered by outcome (nothing granted yet: said
 * so) and by registry number, and cleared; the exports are kept. The simulator switches to score bands: two bands
 * with the same minimum and one at 0 % are refused on their rows by the form, a valid set is simulated (and put in
 * order, lowest first), and 21 bands are refused by the API (its field error shown on the bands). Axe on each state.
 */
import { expectAccessible } from './support/a11y';
import { signIn, unique } from './support/auth';
import { activeEntity, expect, json, publishedCall, submittedApplication, test } from './support/grants';

test('ranking: sort, filter and pages; simulator: score bands checked by the form and by the API', async ({
  page,
  api,
}) => {
  test.setTimeout(180_000);
  const officer = await api.as('officer');
  const call = await publishedCall(officer);
  const entities = [await api.as('entity')];
  for (let i = 0; i < 2; i++) entities.push(await api.signedIn(await activeEntity(api)));
  const apps: Awaited<ReturnType<typeof submittedApplication>>[] = [];
  for (const entity of entities)
    apps.push(await submittedApplication(entity, call, `Rànquing ${unique('rk')}`));
  for (const app of apps) await json(await officer.post(`/api/v1/applications/${app.id}/admit`));
  await json(await officer.post(`/api/v1/calls/${call.id}/close`));
  await json(await officer.post(`/api/v1/calls/${call.id}/start-evaluation`));

  await signIn(page, 'officer', { checkA11y: false });

  await test.step('the ranking: sorted by entity both ways, filtered, its pages and exports', async () => {
    await page.goto(`/calls/${call.id}/ranking`);
    await expect(page.getByRole('heading', { level: 1, name: `Rànquing de ${call.code}` })).toBeVisible();
    const table = page.getByRole('table', { name: `Rànquing de ${call.code}` });
    const rowHeaders = table.getByRole('rowheader');
    await expect(rowHeaders).toHaveCount(3);
    await expect(page.getByText('Files 1–3 de 3 · Pàgina 1 de 1')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Exporta a XLSX' })).toHaveAttribute(
      'href',
      `/api/v1/calls/${call.id}/ranking.xlsx`,
    );
    await expect(page.getByText(/Les exportacions \(CSV i XLSX\) contenen tot el rànquing/)).toBeVisible();
    await expectAccessible(page);

    // Sorted by entity with the keyboard, then the other way round: the same rows, reversed.
    const entityHeader = table.getByRole('columnheader', { name: /Entitat/ });
    await expect(entityHeader).toHaveAttribute('aria-sort', 'none');
    await entityHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(entityHeader).toHaveAttribute('aria-sort', 'ascending');
    const ascending = await rowHeaders.allTextContents();
    await page.keyboard.press('Enter');
    await expect(entityHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(rowHeaders).toHaveText([...ascending].reverse());
    await expectAccessible(page);

    // Nothing is granted while every row is pending: the table says so; then one registry number.
    const filters = page.getByRole('search', { name: 'Filtres del rànquing' });
    await filters
      .getByRole('combobox', { name: 'Resultat' })
      .selectOption({ label: 'Proposta de concessió total' });
    await filters.getByRole('button', { name: 'Filtra' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Cap sol·licitud del rànquing' })).toBeVisible();
    await expect(table).toHaveCount(0);
    await expectAccessible(page);
    await filters.getByRole('combobox', { name: 'Resultat' }).selectOption({ label: 'Pendent' });
    await filters.getByRole('searchbox', { name: /Cerca/ }).fill(apps[1].registryNumber.toLowerCase());
    await filters.getByRole('button', { name: 'Filtra' }).click();
    await expect(rowHeaders).toHaveCount(1);
    await expect(rowHeaders.first()).toContainText(apps[1].registryNumber);
    await expect(page.getByText('1 fila · Pàgina 1 de 1')).toBeVisible();
    await filters.getByRole('button', { name: 'Esborra els filtres' }).click();
    await expect(rowHeaders).toHaveCount(3);
  });

  await test.step('the simulator: score bands refused on their rows, then simulated in order', async () => {
    await page.getByRole('link', { name: "Simulador d'assignació" }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Simulador de ${call.code}` })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Trams de puntuació' })).toHaveCount(0);
    await page.getByRole('combobox', { name: "Mètode d'assignació" }).selectOption('score_bands');
    const bands = page.getByRole('group', { name: 'Trams de puntuació' });
    await expect(bands).toBeVisible();
    await bands.getByRole('textbox', { name: 'Puntuació mínima del tram 1' }).fill('60');
    await bands.getByRole('textbox', { name: 'Percentatge del tram 1' }).fill('100');
    await bands.getByRole('button', { name: 'Afegeix un tram' }).click();
    // The new row's first input takes the focus.
    await expect(bands.getByRole('textbox', { name: 'Puntuació mínima del tram 2' })).toBeFocused();
    await page.keyboard.type('60,00');
    await bands.getByRole('textbox', { name: 'Percentatge del tram 2' }).fill('0');
    await page.getByRole('button', { name: 'Simula' }).click();
    await expect(bands.getByText('No es pot repetir.')).toBeVisible();
    await expect(bands.getByText('Ha de ser més gran que 0.')).toBeVisible();
    await expect(bands.getByRole('textbox', { name: 'Puntuació mínima del tram 2' })).toBeFocused();
    await expect(bands.getByRole('textbox', { name: 'Puntuació mínima del tram 2' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expect(page.getByText('Indiqueu els paràmetres i premeu «Simula».')).toBeVisible();
    await expectAccessible(page);

    // Corrected: a lower band; sent lowest first, the rows follow.
    await bands.getByRole('textbox', { name: 'Puntuació mínima del tram 2' }).fill('30');
    await bands.getByRole('textbox', { name: 'Percentatge del tram 2' }).fill('70,5');
    await page.getByRole('button', { name: 'Simula' }).click();
    await expect(page.getByRole('table', { name: 'Rànquing simulat' })).toBeVisible();
    await expect(bands.getByRole('textbox', { name: 'Puntuació mínima del tram 1' })).toHaveValue('30');
    await expect(bands.getByRole('textbox', { name: 'Percentatge del tram 1' })).toHaveValue('70,5');
    await expect(bands.getByRole('textbox', { name: 'Puntuació mínima del tram 2' })).toHaveValue('60');
    await expect(bands.locator('.field-error')).toHaveCount(0);
    await expectAccessible(page);

    // A row removed with the keyboard: the focus goes to "Add a band".
    await bands.getByRole('button', { name: 'Treu el tram 2' }).focus();
    await page.keyboard.press('Enter');
    await expect(bands.getByRole('textbox', { name: 'Puntuació mínima del tram 2' })).toHaveCount(0);
    await expect(bands.getByRole('button', { name: 'Afegeix un tram' })).toBeFocused();
  });

  await test.step('the API has the last word: 21 bands are more than it takes', async () => {
    const bands = page.getByRole('group', { name: 'Trams de puntuació' });
    for (let n = 2; n <= 21; n++) {
      await bands.getByRole('button', { name: 'Afegeix un tram' }).click();
      await bands.getByRole('textbox', { name: `Puntuació mínima del tram ${n}` }).fill(String(n));
      await bands.getByRole('textbox', { name: `Percentatge del tram ${n}` }).fill('50');
    }
    await page.getByRole('button', { name: 'Simula' }).click();
    await expect(page.getByRole('alert')).toContainText('Hi ha dades que no són vàlides');
    await expect(bands.locator('.field-error').first()).toContainText('com a màxim 20');
    await expectAccessible(page);
  });
});
