import { expectAccessible } from './support/a11y';
import { signIn } from './support/auth';
import {
  demoCall,
  expect,
  json,
  openFromNav,
  registerEntity,
  standInCalendars,
  submittedApplication,
  test,
} from './support/grants';

test('the entities list opens on every entity, says how many wait for validation and filters them in one click', async ({
  page,
  api,
}) => {
  const pending = await registerEntity(api);
  const officer = await api.as('officer');
  const waiting = await json<{ total: number }>(
    await officer.get('/api/v1/entities?status=pending_validation&pageSize=1'),
  );
  const all = await json<{ total: number }>(await officer.get('/api/v1/entities?pageSize=1'));
  expect(all.total).toBeGreaterThan(waiting.total);

  await signIn(page, 'officer', { checkA11y: false });
  await openFromNav(page, 'Entitats');
  const status = page.getByRole('combobox', { name: 'Estat' });
  await expect(status).toHaveValue('');
  const summary = page.getByRole('status').filter({ hasText: /esper(a|en) validació/ });
  await expect(summary).toContainText(`${waiting.total} entitat`);
  // Every entity: the active demo entity is listed beside the new one waiting for validation.
  const table = page.getByRole('table', { name: "Llista d'entitats" });
  await expect(table).toContainText('Associació Lleida Solidària (demo)');
  await expectAccessible(page);

  await summary.getByRole('button', { name: 'Mostra-les' }).click();
  await expect(status).toHaveValue('pending_validation');
  await expect(table).not.toContainText('Associació Lleida Solidària (demo)');
  await page.getByRole('searchbox', { name: /Cerca/ }).fill(pending.nif);
  await page.getByRole('button', { name: 'Filtra' }).click();
  await expect(table).toContainText(pending.legalName);
  await expect(summary.getByRole('button', { name: 'Mostra-les' })).toHaveCount(0);
});

test('a decision that cannot be taken yet looks disabled and says why (desistiment before the due date)', async ({
  page,
  api,
}) => {
  await standInCalendars(await api.as('admin'));
  const entity = await api.as('entity');
  const application = await submittedApplication(entity, await demoCall(entity));
  const officer = await api.as('officer');
  await json(
    await officer.post(`/api/v1/applications/${application.id}/requirements`, {
      data: { items: [{ description: 'Aporteu el pressupost signat per la sòcia local.' }] },
    }),
    201,
  );

  await signIn(page, 'officer', { checkA11y: false });
  await page.goto(`/applications/${application.id}`);
  await expect(page.getByRole('heading', { level: 1, name: application.title })).toBeVisible();
  const desist = page.getByRole('button', { name: 'Declara el desistiment' });
  await expect(desist).toHaveAttribute('aria-disabled', 'true');
  await expect(desist).toHaveAccessibleDescription(/./);
  const look = await desist.evaluate((el) => {
    const style = getComputedStyle(el);
    return { opacity: Number(style.opacity), cursor: style.cursor };
  });
  expect(look.opacity).toBeLessThan(0.7);
  expect(look.cursor).toBe('not-allowed');
  // An enabled decision beside it does not look so.
  const admit = page.getByRole('button', { name: 'Admet' });
  if (await admit.count()) expect(Number(await admit.evaluate((el) => getComputedStyle(el).opacity))).toBe(1);
  await desist.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expectAccessible(page);
});
