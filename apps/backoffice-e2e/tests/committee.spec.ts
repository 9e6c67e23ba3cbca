/**
 * The evaluation committee (issue 10, first part): on its own call under evaluation with two applications, one
 * scored and one still pending (sheets through the API), the officer opens the committee from the call, records a
 * meeting in the browser (a repeated name refused on its field, the new row focused, a recusal picked from the
 * members and the agenda) without quorum; approving is refused with the conditions in words; the attendance fixed
 * turns the live quorum panel reached; approving is refused again for the pending application (linked to its
 * evaluation view); once it is scored the minutes are approved and the meeting is read-only with the frozen
 * ranking. Axe on every page and state. The demo call is left alone.
 */
import type { APIRequestContext } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { signIn, unique } from './support/auth';
import {
  activeEntity,
  expect,
  inDays,
  json,
  submittedApplication,
  test,
  type CallSummary,
  type SubmittedApplication,
} from './support/grants';

/** A call of its own, one evaluator per application (one sheet makes an application evaluated), published. */
async function evaluatedCall(officer: APIRequestContext): Promise<CallSummary> {
  const draft = await json<{ id: string; version: number }>(
    await officer.post('/api/v1/calls/from-template', {
      data: { code: unique('E2E-COM').toUpperCase(), year: new Date().getFullYear() },
    }),
    201,
  );
  await json(
    await officer.patch(`/api/v1/calls/${draft.id}`, {
      data: {
        version: draft.version,
        budget: '100000.00',
        maxAmountPerApplication: '20000.00',
        opensAt: inDays(-1),
        closesAt: inDays(30),
        evaluatorsPerApplication: 1,
      },
    }),
  );
  return json<CallSummary>(await officer.post(`/api/v1/calls/${draft.id}/publish`));
}

test('committee: a meeting without quorum refused, attendance fixed, a pending application refused, minutes approved', async ({
  page,
  api,
}) => {
  test.setTimeout(240_000);
  const officer = await api.as('officer');
  const admin = await api.as('admin');
  const call = await evaluatedCall(officer);
  const apps: SubmittedApplication[] = [];
  for (const title of ['Pous', 'Horts']) {
    const entity = await api.signedIn(await activeEntity(api));
    apps.push(await submittedApplication(entity, call, `${title} ${unique('com')}`));
  }
  const [appA, appB] = apps;
  for (const app of apps) await json(await officer.post(`/api/v1/applications/${app.id}/admit`));
  await json(await officer.post(`/api/v1/calls/${call.id}/close`));
  await json(await officer.post(`/api/v1/calls/${call.id}/start-evaluation`));

  // One evaluator of its own, assigned to both; it scores through the API (A now, B later).
  const account = { email: `${unique('comissio')}@example.cat`, password: 'una-contrasenya-llarga-2026' };
  const evaluatorUser = await json<{ id: string }>(
    await admin.post('/api/v1/users', {
      data: { ...account, name: `Avaluadora ${unique('com')}`, roles: ['evaluator'] },
    }),
    201,
  );
  const evaluator = await api.signedIn(account);
  const full = await json<{ rubric: { blocks: { criteria: { code: string; maxPoints: number }[] }[] } }>(
    await officer.get(`/api/v1/calls/${call.id}`),
  );
  const criteria = full.rubric.blocks.flatMap((b) => b.criteria);
  const score = async (app: SubmittedApplication) => {
    const assignment = await json<{ id: string }>(
      await officer.post(`/api/v1/calls/${call.id}/assignments`, {
        data: { applicationId: app.id, evaluatorId: evaluatorUser.id },
      }),
      201,
    );
    return async () => {
      await json(
        await evaluator.post(`/api/v1/assignments/${assignment.id}/declaration`, {
          data: { conflictOfInterest: false },
        }),
      );
      const sheet = await json<{ version: number }>(
        await evaluator.get(`/api/v1/assignments/${assignment.id}/scores`),
      );
      await json(
        await evaluator.put(`/api/v1/assignments/${assignment.id}/scores`, {
          data: {
            version: sheet.version,
            scores: criteria.map((c) => ({
              criterionCode: c.code,
              points: c.maxPoints,
              comment: `Sòlid en ${c.code}`,
            })),
          },
        }),
      );
      await json(await evaluator.post(`/api/v1/assignments/${assignment.id}/submit`));
    };
  };
  const scoreA = await score(appA);
  const scoreB = await score(appB);
  await scoreA();

  await signIn(page, 'officer', { checkA11y: false });

  await test.step("the committee from the call's page: no meeting yet", async () => {
    await page.goto(`/calls/${call.id}`);
    await page.getByRole('link', { name: 'Comissió de valoració' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Comissió de valoració de ${call.code}` }),
    ).toBeVisible();
    await expect(page.getByText("Encara no s'ha registrat cap reunió.")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Registra una reunió' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Nova reunió de la comissió de ${call.code}` }),
    ).toBeVisible();
    await expectAccessible(page);
  });

  const quorum = page.getByRole('region', { name: 'Quòrum' });

  await test.step('a meeting recorded without quorum (a repeated name refused first)', async () => {
    await page.getByRole('textbox', { name: /^Lloc/ }).fill('Sala de plens');
    await page.getByRole('textbox', { name: 'Nom del membre 1' }).fill('Anna Puig');
    await page.getByRole('textbox', { name: 'Càrrec del membre 1' }).fill('Regidora de cooperació');
    await page.getByRole('textbox', { name: 'Nom del membre 2' }).fill('Bernat Roca');
    await expect(page.getByRole('combobox', { name: 'Rol del membre 2' })).toHaveValue('secretary');

    // A third member, with the keyboard: the new row's name takes the focus.
    await page.getByRole('button', { name: 'Afegeix un membre' }).click();
    await expect(page.getByRole('textbox', { name: 'Nom del membre 3' })).toBeFocused();
    await page.keyboard.type('anna puig');
    await page.getByRole('button', { name: 'Afegeix un membre' }).click();
    await page.getByRole('textbox', { name: 'Nom del membre 4' }).fill('Dolors Vila');
    await page
      .getByRole('combobox', { name: 'Rol del membre 4' })
      .selectOption({ label: 'Assessor/a (sense vot)' });
    await page.getByRole('button', { name: 'Registra la reunió' }).click();
    const third = page.getByRole('textbox', { name: 'Nom del membre 3' });
    await expect(third).toBeFocused();
    await expect(third).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('No es pot repetir.')).toBeVisible();
    await expectAccessible(page);
    await third.fill('Clara Solé');
    await expect(page.getByText('No es pot repetir.')).toHaveCount(0);

    // The secretary and the third member absent: the live panel says what is missing (the advisor does not count).
    await expect(quorum).toContainText('Hi ha quòrum.');
    await expect(quorum).toContainText('3 de 3');
    await page.getByRole('checkbox', { name: 'Membre 2 present' }).uncheck();
    await page.getByRole('checkbox', { name: 'Membre 3 present' }).uncheck();
    await expect(quorum).toContainText('No hi ha quòrum.');
    await expect(quorum).toContainText('1 de 3');
    await expect(quorum).toContainText('Falta la secretaria');
    await expect(quorum).toContainText('en calen almenys 2');

    // Clara leaves for A's item.
    await page.getByRole('button', { name: 'Afegeix una abstenció' }).click();
    const member = page.getByRole('combobox', { name: "Membre de l'abstenció 1" });
    await expect(member).toBeFocused();
    await member.selectOption('Clara Solé');
    await page.getByRole('combobox', { name: "Sol·licitud de l'abstenció 1" }).selectOption(appA.id);
    await page.getByRole('textbox', { name: "Motiu de l'abstenció 1" }).fill("És sòcia de l'entitat.");
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Registra la reunió' }).click();
    await expect(page.getByRole('status').filter({ hasText: "S'ha registrat la reunió." })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: /^Reunió de la comissió del / })).toBeVisible();
    await expect(page).toHaveURL(/\/committee-meetings\//);
    await expect(quorum).toContainText('No hi ha quòrum.');
    await expect(page.getByRole('combobox', { name: "Membre de l'abstenció 1" })).toHaveValue('Clara Solé');
    const agenda = page.getByRole('table', { name: 'Ordre del dia de la reunió' });
    await expect(agenda.getByRole('row').filter({ hasText: appB.registryNumber })).toContainText('Pendent');
    await expectAccessible(page);
  });

  const approve = async () => {
    await page.getByRole('button', { name: "Aprova l'acta" }).click();
    const dialog = page.getByRole('alertdialog', { name: "Voleu aprovar l'acta?" });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: "Aprova l'acta" }).click();
    await expect(dialog).toHaveCount(0);
  };
  const approval = page.getByRole('region', { name: "Aprovació de l'acta" });

  await test.step('approving without quorum is refused, the conditions in words', async () => {
    await approve();
    const alert = approval.getByRole('alert');
    await expect(alert).toContainText('La comissió no té quòrum');
    await expect(alert).toContainText('La secretaria no és present.');
    await expect(alert).toContainText('No hi ha prou membres amb vot presents.');
    await expect(alert).not.toContainText('La presidència no és present.');
    await expectAccessible(page);
  });

  await test.step('a save over a newer version is refused as stale and reloads', async () => {
    // Meanwhile another officer moves the meeting to another room (through the API).
    const id = page.url().split('/').pop() as string;
    const stored = await json<{ version: number }>(await officer.get(`/api/v1/committee-meetings/${id}`));
    await json(
      await officer.patch(`/api/v1/committee-meetings/${id}`, {
        data: { version: stored.version, place: 'Sala de juntes' },
      }),
    );
    await page.getByRole('checkbox', { name: 'Membre 2 present' }).check();
    await page.getByRole('button', { name: 'Desa la reunió' }).click();
    await expect(page.getByRole('alert').first()).toContainText('Algú altre ha desat aquesta reunió');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Torna a carregar la reunió' }).click();
    await expect(page.getByRole('textbox', { name: /^Lloc/ })).toHaveValue('Sala de juntes');
    await expect(page.getByRole('checkbox', { name: 'Membre 2 present' })).not.toBeChecked();
    await expect(page.getByText('Algú altre ha desat aquesta reunió')).toHaveCount(0);
  });

  await test.step('the attendance fixed: the quorum is reached; a pending application is refused', async () => {
    await page.getByRole('checkbox', { name: 'Membre 2 present' }).check();
    await expect(quorum).toContainText('Hi ha quòrum.');
    await expect(quorum).toContainText('2 de 3');
    // Unsaved: the minutes cannot be approved until the meeting is saved.
    await expect(page.getByRole('button', { name: "Aprova l'acta" })).toBeDisabled();
    await expect(page.getByText('Hi ha canvis sense desar')).toBeVisible();
    await page.getByRole('button', { name: 'Desa la reunió' }).click();
    await expect(page.getByRole('status').filter({ hasText: "S'ha desat la reunió." })).toBeVisible();
    await expectAccessible(page);

    await approve();
    const alert = approval.getByRole('alert');
    await expect(alert).toContainText('La classificació encara no és completa');
    const pending = alert.getByRole('link', {
      name: new RegExp(`^${appB.registryNumber} encara és pendent`),
    });
    await expect(pending).toHaveAttribute('href', `/applications/${appB.id}/evaluation`);
    await expect(alert.getByRole('link', { name: new RegExp(appA.registryNumber) })).toHaveCount(0);
    await expectAccessible(page);
  });

  await test.step('once B is scored the minutes are approved: read-only, the ranking frozen', async () => {
    await scoreB();
    await approve();
    await expect(page.getByRole('status').filter({ hasText: /^Acta aprovada el / })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Desa la reunió' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: "Aprova l'acta" })).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 2, name: /^Rànquing aprovat/ })).toBeVisible();
    const agenda = page.getByRole('table', { name: 'Ordre del dia de la reunió' });
    await expect(agenda.getByRole('row').filter({ hasText: appB.registryNumber })).not.toContainText(
      'Pendent',
    );
    await expect(
      page.getByText(`Clara Solé s'absté en ${appA.registryNumber}: És sòcia de l'entitat.`),
    ).toBeVisible();
    await expect(quorum).toContainText('Hi ha quòrum.');
    // The minutes, stored at the approval, in each language.
    for (const name of ['Acta en català', 'Acta en castellà', 'Acta en anglès']) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      const pdf = await page.request.get(href as string);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    await expectAccessible(page);

    // The call's list: approved, with quorum.
    await page.getByRole('link', { name: 'Torna a les reunions de la comissió' }).click();
    const row = page
      .getByRole('table', { name: `Reunions de la comissió de ${call.code}` })
      .getByRole('row')
      .nth(1);
    await expect(row).toContainText('Sala de juntes');
    await expect(row).toContainText('Sí');
    await expect(row).toContainText('Acta aprovada');
    await expectAccessible(page);
  });

  // The evaluator leaves the pool, so that no later automatic assignment counts it.
  const user = await json<{ version: number }>(await admin.get(`/api/v1/users/${evaluatorUser.id}`));
  await json(
    await admin.patch(`/api/v1/users/${evaluatorUser.id}`, {
      data: { version: user.version, active: false },
    }),
  );
});
