import { createHash } from 'node:crypto';
import { expectAccessible } from './support/a11y';
import { signIn, unique } from './support/auth';
import {
  demoCall,
  expect,
  json,
  pdf,
  signOut,
  standInCalendars,
  submittedApplication,
  test,
} from './support/grants';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('the NGO corrects its application during a correction request; the officer sees what changed; the receipt stays the same', async ({
  page,
  api,
}) => {
  await standInCalendars(await api.as('admin'));
  const entity = await api.as('entity');
  const officer = await api.as('officer');
  const call = await demoCall(entity);
  const app = await submittedApplication(entity, call, `Aigua ${unique('Sedhiou')}`);
  const newTitle = `${app.title} i sanejament`;
  const receipt = async () => {
    const res = await entity.get(`/api/v1/applications/${app.id}/receipt.pdf`);
    expect(res.status()).toBe(200);
    return sha256(await res.body());
  };
  const receiptBefore = await receipt();
  await json(
    await officer.post(`/api/v1/applications/${app.id}/requirements`, {
      data: { items: [{ description: 'Precisei el títol i el resum del projecte.' }] },
    }),
    201,
  );

  // The NGO opens its application: the content is read-only until it chooses to correct it.
  await signIn(page, 'entity', { checkA11y: false });
  await page.goto(`/applications/${app.id}`);
  await expect(page.getByRole('heading', { level: 1, name: app.title })).toBeVisible();
  const content = page.getByRole('region', { name: 'Contingut de la sol·licitud' });
  await expect(content.getByRole('button', { name: 'Corregeix la sol·licitud' })).toBeVisible();
  await expectAccessible(page);

  // Editing: the form's content sections, autosaved; no second submission, no required-documents section.
  await content.getByRole('button', { name: 'Corregeix la sol·licitud' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Correcció de la sol·licitud' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Presenta la sol·licitud' })).toHaveCount(0);
  await page.getByRole('textbox', { name: /^Títol del projecte/ }).fill(newTitle);
  await page
    .getByRole('textbox', { name: /^Resum/ })
    .fill('Pous, latrines i formació amb les organitzacions de dones.');
  await expect(page.getByText(/^Desat a les /)).toBeVisible();
  await expectAccessible(page);

  // The answer saves what is pending first and records the changes against the submitted version.
  const corrections = page.getByRole('region', { name: "Requeriments d'esmena" });
  await corrections
    .getByRole('textbox', { name: 'Missatge (obligatori)' })
    .fill('Hem precisat el títol i el resum.');
  await corrections.getByLabel("Afegeix un document d'esmena").setInputFiles({
    name: 'memoria-revisada.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('memoria-revisada'),
  });
  await expect(corrections.getByText("S'ha pujat memoria-revisada.pdf.")).toBeVisible();
  await corrections.getByRole('button', { name: 'Envia la resposta' }).click();
  await expect(corrections.getByText(/^Resposta enviada el /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Corregeix la sol·licitud' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Correcció de la sol·licitud' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: newTitle })).toBeVisible();
  await expectAccessible(page);

  // The officer reads the differences on the review page: "field: before → after".
  await signOut(page);
  await signIn(page, 'officer', { checkA11y: false });
  await page.goto(`/applications/${app.id}`);
  await expect(page.getByRole('heading', { level: 1, name: newTitle })).toBeVisible();
  const requests = page.getByRole('region', { name: "Requeriments d'esmena" });
  await expect(
    requests.getByRole('heading', { name: 'Canvis respecte de la sol·licitud presentada' }),
  ).toBeVisible();
  const changes = requests.getByRole('list', { name: 'Canvis respecte de la sol·licitud presentada' });
  await expect(changes.getByRole('listitem')).toHaveCount(3);
  const title = changes.getByRole('listitem').nth(0);
  await expect(title).toContainText('Títol del projecte:');
  await expect(title.locator('del')).toHaveText(app.title);
  await expect(title.locator('ins')).toHaveText(newTitle);
  const summary = changes.getByRole('listitem').nth(1);
  await expect(summary).toContainText('Resum:');
  await expect(summary.locator('ins')).toHaveText(
    'Pous, latrines i formació amb les organitzacions de dones.',
  );
  const document = changes.getByRole('listitem').nth(2);
  await expect(document).toContainText('Documents (afegit):');
  await expect(document.locator('del')).toHaveText('(buit)');
  await expect(document.locator('ins')).toContainText('memoria-revisada.pdf (SHA-256 ');
  const history = page.getByRole('region', { name: 'Historial de la sol·licitud' });
  await expect(history).toContainText(
    "Requeriment d'esmena respost — 3 canvis respecte de la sol·licitud presentada",
  );
  await expectAccessible(page);

  // The receipt is the one stored at submission.
  expect(await receipt()).toBe(receiptBefore);
});
