import type { Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { signIn, unique } from './support/auth';
import { expect, json, openFromNav, publishedCall, test } from './support/grants';

const TEMPLATE_TITLE = 'Convocatòria de subvencions per a projectes de cooperació al desenvolupament';

/** The date and time of an instant in Lleida: { date: "2027-01-10", time: "18:00" }. */
function inMadrid(instant: string | number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Madrid',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Finds a call by its code in Convocatòries and opens it. */
async function openCall(page: Page, code: string) {
  await page.getByRole('searchbox', { name: 'Cerca (codi o títol)' }).fill(code);
  await page.getByRole('button', { name: 'Filtra' }).click();
  await page.getByRole('link', { name: code, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${code} · `) })).toBeVisible();
}

test('an officer creates a call from the template; publishing it without budget and dates lists what is missing', async ({
  page,
  api,
}) => {
  const code = unique('E2E-TPL').toUpperCase();
  await signIn(page, 'officer', { checkA11y: false });
  await openFromNav(page, 'Convocatòries');

  await page.getByRole('button', { name: 'Nova convocatòria a partir de la plantilla' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nova convocatòria a partir de la plantilla' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Any (obligatori)' })).toHaveValue(
    String(new Date().getFullYear()),
  );
  await expectAccessible(page);
  await dialog.getByRole('textbox', { name: 'Codi (obligatori)' }).fill(code);
  await dialog.getByRole('button', { name: "Crea l'esborrany" }).click();

  // The editor of the new draft, pre-filled from the template (100 points in 7 blocks).
  await expect(page.getByRole('heading', { level: 1, name: `${code} · ${TEMPLATE_TITLE}` })).toBeVisible();
  await expect(page.getByText('Esborrany', { exact: true })).toBeVisible();
  for (const section of ['Dades generals', 'Imports i percentatges', 'Terminis', 'Avaluació', 'Barem']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expect(page.getByText('Total del barem: 100 punts en 7 blocs')).toBeVisible();
  const checklist = page.getByRole('region', { name: 'Llista de comprovació per publicar' });
  await expect(checklist).toContainText('Falten 4 coses per poder publicar:');
  await expectAccessible(page);

  // Publish anyway: the API refuses it with CALL_INCOMPLETE and the fields are listed, each a link to its input.
  await page.getByRole('button', { name: 'Publica', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: `Voleu publicar la convocatòria ${code}?` });
  await expect(confirm).toContainText('La llista de comprovació encara mostra 4 problemes');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Publica la convocatòria' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('La convocatòria no està completa.');
  const refused = page.getByText("No s'ha pogut publicar perquè falten aquestes dades:").locator('..');
  const missing = refused.getByRole('listitem');
  await expect(missing).toHaveText([
    'Pressupost de la convocatòria: És obligatori.',
    'Import màxim per sol·licitud: És obligatori.',
    'Obertura del termini: És obligatori.',
    'Tancament del termini: És obligatori.',
  ]);
  await expect(
    page.getByRole('textbox', { name: 'Pressupost de la convocatòria (obligatori)' }),
  ).toHaveAccessibleDescription(/És obligatori\./);
  await expectAccessible(page);
  await refused.getByRole('link', { name: 'Pressupost de la convocatòria' }).click();
  await expect(
    page.getByRole('textbox', { name: 'Pressupost de la convocatòria (obligatori)' }),
  ).toBeFocused();

  await expect(page.getByText("S'ha publicat la convocatòria.")).toHaveCount(0);
  const calls = await json<{ items: { code: string; status: string }[] }>(
    await (await api.as('officer')).get(`/api/v1/calls?q=${encodeURIComponent(code)}`),
  );
  expect(calls.items).toEqual([expect.objectContaining({ code, status: 'draft' })]);
});

test('the rubric builder works with the keyboard, its totals follow and the draft saves', async ({
  page,
  api,
}) => {
  const code = unique('E2E-RUB').toUpperCase();
  const officer = await api.as('officer');
  const call = await json<{ id: string }>(
    await officer.post('/api/v1/calls/from-template', { data: { code, year: new Date().getFullYear() } }),
    201,
  );

  await signIn(page, 'officer', { checkA11y: false });
  await openFromNav(page, 'Convocatòries');
  await openCall(page, code);
  const rubric = page.getByRole('region', { name: 'Barem' });
  const total = rubric.getByText(/^Total del barem:/);
  await expect(total).toHaveText('Total del barem: 100 punts en 7 blocs');
  const not100 = rubric.getByText(/^El barem suma .* punts, no 100\./);
  await expect(not100).toHaveCount(0);
  const blockA = rubric.getByRole('group', { name: /^Bloc 1 \(A\)/ });
  await expect(blockA.getByText('Punts del bloc: 15')).toBeVisible();

  // Add a criterion to block A: the focus goes to its code; its points count at once.
  await rubric.getByRole('button', { name: 'Afegeix un criteri: Bloc 1 (A)', exact: true }).focus();
  await page.keyboard.press('Enter');
  const criterion = blockA.getByRole('group', { name: 'Criteri 5 (A5)' });
  await expect(criterion.getByRole('textbox', { name: 'Codi del criteri (obligatori)' })).toBeFocused();
  await expect(criterion.getByRole('textbox', { name: 'Codi del criteri (obligatori)' })).toHaveValue('A5');
  await page.keyboard.press('Tab');
  await expect(criterion.getByRole('textbox', { name: 'Punts màxims (obligatori)' })).toBeFocused();
  await page.keyboard.type('5');
  await expect(blockA.getByText('Punts del bloc: 20')).toBeVisible();
  await expect(total).toHaveText('Total del barem: 105 punts en 7 blocs');
  // A total other than 100 warns, and does not block saving.
  await expect(not100).toContainText('El barem suma 105 punts, no 100.');
  await criterion
    .getByRole('textbox', { name: 'Nom del criteri (català) (obligatori)' })
    .fill('Igualtat interna');
  await criterion
    .getByRole('textbox', { name: 'Nom del criteri (castellà) (obligatori)' })
    .fill('Igualdad interna');
  await criterion
    .getByRole('textbox', { name: 'Nom del criteri (anglès) (obligatori)' })
    .fill('Internal equality');

  // Move block D up: it becomes block 3 and the focus stays on its "up" button.
  await rubric.getByRole('button', { name: 'Amunt: Bloc 4 (D)', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(rubric.getByRole('button', { name: 'Amunt: Bloc 3 (D)', exact: true })).toBeFocused();
  await expect(rubric.getByRole('group', { name: /^Bloc 3 \(D\) — EGiBDH/ })).toBeVisible();
  await expect(rubric.getByRole('group', { name: /^Bloc 4 \(C\) — Pertinència/ })).toBeVisible();
  await expect(page.getByText('Bloc 4 (D) ara és a la posició 3.')).toBeAttached();

  // Remove block G (10 points): Escape keeps it, confirming removes it.
  const removeG = rubric.getByRole('button', { name: 'Suprimeix el bloc: Bloc 7 (G)', exact: true });
  await removeG.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Voleu suprimir el Bloc 7 (G)?' });
  await expect(confirm).toContainText('Se suprimiran el bloc i el seu criteri.');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(total).toHaveText('Total del barem: 105 punts en 7 blocs');
  await removeG.focus();
  await page.keyboard.press('Enter');
  await expect(confirm.getByRole('button', { name: 'Cancel·la' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Suprimeix el bloc' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(total).toHaveText('Total del barem: 95 punts en 6 blocs');
  await expect(rubric.getByRole('button', { name: 'Afegeix un bloc' })).toBeFocused();
  await expect(page.getByText('Hi ha canvis sense desar.')).toBeVisible();
  await expectAccessible(page);

  // Save, and find it all again after a reload.
  await page.getByRole('button', { name: "Desa l'esborrany" }).click();
  await expect(page.getByRole('status').filter({ hasText: "S'ha desat l'esborrany." })).toBeVisible();
  await expect(page.getByText('Tots els canvis estan desats.')).toBeVisible();
  await page.reload();
  await expect(total).toHaveText('Total del barem: 95 punts en 6 blocs');
  await expect(not100).toContainText('El barem suma 95 punts, no 100.');
  await expect(rubric.getByRole('group', { name: /^Bloc 3 \(D\)/ })).toBeVisible();
  await expect(blockA.getByText('Punts del bloc: 20')).toBeVisible();

  const saved = await json<{
    rubric: { blocks: { code: string; criteria: { code: string; maxPoints: number }[] }[] };
  }>(await officer.get(`/api/v1/calls/${call.id}`));
  expect(saved.rubric.blocks.map((b) => b.code)).toEqual(['A', 'B', 'D', 'C', 'E', 'F']);
  expect(saved.rubric.blocks[0].criteria.at(-1)).toMatchObject({ code: 'A5', maxPoints: 5 });
});

test('a viewer reads the published demo call without any button to change it', async ({ page }) => {
  await signIn(page, 'viewer', { checkA11y: false });
  await openFromNav(page, 'Convocatòries');
  await expect(
    page.getByText('Convocatòries publicades, amb les seves bases, el barem i els terminis.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /Nova convocatòria/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Exporta a CSV' })).toHaveCount(0);

  await page.getByRole('link', { name: /^DEMO-\d{4}$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^DEMO-\d{4} · / })).toBeVisible();
  await expect(page.getByText('Publicada', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Barem' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Documents que cal aportar' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Formulari tècnic del projecte' })).toBeVisible();
  // Read-only: no inputs and no action but the way back.
  await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0);
  for (const action of ["Desa l'esborrany", 'Publica', 'Amplia el termini', 'Tanca el termini ara']) {
    await expect(page.getByRole('button', { name: action, exact: true })).toHaveCount(0);
  }
  await expectAccessible(page);
});

test('an officer extends the deadline of a published call, with a reason', async ({ page, api }) => {
  const officer = await api.as('officer');
  const call = await publishedCall(officer, 30);
  const current = inMadrid(call.closesAt);
  const later = inMadrid(Date.parse(call.closesAt) + 14 * 86_400_000).date;
  const reason = `Ampliació per la vaga de transports (${unique('e2e')})`;

  await signIn(page, 'officer', { checkA11y: false });
  await openFromNav(page, 'Convocatòries');
  await openCall(page, call.code);
  await expect(page.getByText('Publicada', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Amplia el termini' }).click();
  const dialog = page.getByRole('dialog', { name: `Ampliació del termini de ${call.code}` });
  await expect(dialog).toBeVisible();
  const date = dialog.getByLabel('Nova data de tancament');
  await expect(date).toHaveValue(current.date);
  await expectAccessible(page);

  // The same deadline and no reason: refused on the form.
  await dialog.getByRole('button', { name: 'Amplia el termini' }).click();
  await expect(date).toHaveAccessibleDescription("El nou tancament ha de ser posterior a l'actual.");
  await expect(
    dialog.getByRole('textbox', { name: "Motiu de l'ampliació (obligatori)" }),
  ).toHaveAccessibleDescription(/Aquest camp és obligatori\./);
  await expectAccessible(page);

  await date.fill(later);
  await dialog.getByLabel('Nova hora de tancament').fill('18:00:00');
  await dialog.getByRole('textbox', { name: "Motiu de l'ampliació (obligatori)" }).fill(reason);
  await dialog.getByRole('button', { name: 'Amplia el termini' }).click();
  await expect(dialog).toHaveCount(0);
  const [y, m, d] = later.split('-');
  await expect(page.getByRole('status').filter({ hasText: "S'ha ampliat el termini fins al" })).toContainText(
    `${d}/${m}/${y}`,
  );
  await expectAccessible(page);

  const saved = await json<{ closesAt: string; status: string }>(
    await officer.get(`/api/v1/calls/${call.id}`),
  );
  expect(saved.status).toBe('published');
  expect(inMadrid(saved.closesAt)).toEqual({ date: later, time: '18:00' });
  const audit = await json<{ items: { after: { reason?: string } }[] }>(
    await officer.get(`/api/v1/audit?subjectId=${call.id}&action=call.extended`),
  );
  expect(audit.items.map((e) => e.after.reason)).toEqual([reason]);
});
