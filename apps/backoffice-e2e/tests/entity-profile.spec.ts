import { expectAccessible } from './support/a11y';
import { signIn, unique } from './support/auth';
import {
  activeEntity,
  expect,
  json,
  newIban,
  openFromNav,
  pdf,
  signInWith,
  signOut,
  spacedIban,
  test,
} from './support/grants';

test('the entity user edits the phone, invites a colleague and removes them', async ({ page, api }) => {
  const phone = `973 ${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  const colleague = { name: `Companya ${unique('e2e')}`, email: `${unique('e2e-member')}@example.cat` };

  await signIn(page, 'entity', { checkA11y: false });
  await openFromNav(page, 'La meva entitat');
  await expect(page.getByText('Associació Lleida Solidària (demo)').first()).toBeVisible();

  // The profile: a new phone number, saved and still there after a reload.
  const phoneInput = page.getByRole('textbox', { name: 'Telèfon', exact: true });
  await phoneInput.fill(phone);
  await page.getByRole('button', { name: 'Desa les dades' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: "S'han desat les dades de l'entitat." }),
  ).toBeVisible();
  await page.reload();
  await expect(phoneInput).toHaveValue(phone);

  // Invite a colleague.
  await page.getByRole('button', { name: 'Convida una persona' }).click();
  const dialog = page.getByRole('dialog', { name: "Convida una persona a l'entitat" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Envia la invitació' }).click();
  await expect(dialog.getByText('Aquest camp és obligatori.').first()).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Nom (obligatori)' }).fill(colleague.name);
  await dialog.getByRole('textbox', { name: 'Adreça electrònica (obligatori)' }).fill(colleague.email);
  await dialog.getByRole('combobox', { name: 'Idioma' }).selectOption('es');
  await dialog.getByRole('button', { name: 'Envia la invitació' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: `S'ha enviat la invitació a ${colleague.email}.` }),
  ).toBeVisible();
  const members = page.getByRole('table', { name: "Persones usuàries de l'entitat" });
  const row = members.getByRole('row').filter({ hasText: colleague.email });
  await expect(row).toContainText(colleague.name);
  await expect(row).toContainText('Castellano');
  await expect(row).toContainText('Invitació pendent');
  await expectAccessible(page);
  // The invitation went out (to set a password).
  const outbox = await json<{ items: { text: string }[] }>(
    await (await api.as('admin')).get(`/api/v1/outbox?to=${encodeURIComponent(colleague.email)}`),
  );
  expect(outbox.items.map((m) => m.text).join('\n')).toContain('/reset-password?token=');

  // Remove them, after confirming.
  await row.getByRole('button', { name: `Treu ${colleague.name} de l'entitat` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Voleu treure ${colleague.name} de l'entitat?` });
  await expect(confirm).toContainText(colleague.email);
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Treu-la' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: `${colleague.name} ja no forma part de l'entitat.` }),
  ).toBeVisible();
  await expect(row).toContainText('Retirada');
  await expect(row.getByRole('button')).toHaveCount(0);
  // The demo user is still there and may still be removed (the API refuses removing the last one).
  await expect(members.getByRole('row').filter({ hasText: 'entity@demo.cofinanca.cat' })).toContainText(
    'Activa',
  );
});

test('a new IBAN needs the bank certificate and stays pending until an officer validates it', async ({
  page,
  api,
}) => {
  const entity = await activeEntity(api);
  const iban = newIban();

  await signInWith(page, entity);
  await openFromNav(page, 'La meva entitat');
  const status = page.getByRole('region', { name: "Estat de l'entitat" });
  await expect(status).toContainText('Activa');
  await expect(status).toContainText(`L'IBAN ${spacedIban(entity.iban)} està validat`);

  // A new IBAN asks for the certificate; saving without one is refused on the form.
  await page.getByRole('textbox', { name: 'IBAN del compte bancari (obligatori)' }).fill(spacedIban(iban));
  const certificate = page.getByLabel('Certificat de titularitat bancària');
  await expect(certificate).toHaveAccessibleName('Certificat de titularitat bancària (obligatori)');
  await expect(certificate).toHaveAccessibleDescription(/requereix un certificat de titularitat bancària/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Desa les dades' }).click();
  await expect(certificate).toBeFocused();
  await expect(certificate).toHaveAccessibleDescription(
    /Adjunteu el certificat de titularitat bancària del nou compte\./,
  );

  await certificate.setInputFiles({
    name: 'certificat-titularitat.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('certificat'),
  });
  await page.getByRole('button', { name: 'Desa les dades' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'El nou IBAN queda pendent de revalidació' }),
  ).toBeVisible();
  await expect(status).toContainText('Pendent de validació');
  await expect(status).toContainText(
    `El nou IBAN ${spacedIban(iban)} està pendent que l'Àrea el validi amb el certificat de titularitat.`,
  );
  await expect(status).toContainText(`l'IBAN validat ${spacedIban(entity.iban)}`);
  await expectAccessible(page);

  // The officer checks the certificate and validates the new IBAN.
  await signOut(page);
  await signIn(page, 'officer', { checkA11y: false });
  await openFromNav(page, 'Entitats');
  await page.getByRole('combobox', { name: 'Estat' }).selectOption({ label: 'Activa' });
  await page.getByRole('checkbox', { name: 'Només amb un IBAN pendent de validar' }).check();
  await page.getByLabel('Cerca (denominació, NIF o adreça electrònica)').fill(entity.nif);
  await page.getByRole('button', { name: 'Filtra' }).click();
  await page.getByRole('link', { name: entity.legalName }).click();
  await expect(page.getByRole('heading', { level: 1, name: entity.legalName })).toBeVisible();
  const bank = page.getByRole('region', { name: 'Compte bancari' });
  await expect(bank).toContainText(spacedIban(iban));
  await expect(bank).toContainText('Pendent de validació');
  const download = bank.getByRole('link', { name: 'Baixa el certificat' });
  const file = await page.request.get((await download.getAttribute('href')) as string);
  expect(file.status()).toBe(200);
  expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Valida el nou IBAN' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Voleu validar el nou IBAN de ${entity.legalName}?` });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: "Valida l'IBAN" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: `S'ha validat el nou IBAN de ${entity.legalName}.` }),
  ).toBeVisible();
  await expect(bank).toContainText('Validat');
  await expect(page.getByRole('button', { name: 'Valida el nou IBAN' })).toHaveCount(0);

  const saved = await json<{ iban: string; ibanStatus: string; validatedIban: string }>(
    await (await api.as('officer')).get(`/api/v1/entities/${entity.entityId}`),
  );
  expect(saved).toMatchObject({ iban, ibanStatus: 'validated', validatedIban: iban });
});
