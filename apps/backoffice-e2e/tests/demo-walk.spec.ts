/**
 * The evaluation walk on the demo data itself (SEED_DEMO), as product.md "Evaluation in practice" tells it: the demo
 * officer closes the demo call DEMO-<year> and starts its evaluation; the board assigns two of the three demo
 * evaluators to each of the six demo applications automatically, never the evaluator whose register names Fundació
 * Segre to that NGO's two applications; the second demo evaluator declares and scores its four sheets in the
 * browser, the third finds no Segre application in its inbox and declares there, the rest is scored through the API;
 * the two sheets of one application diverge beyond the call's threshold and the officer records a consensus; the
 * ranking shows three full awards, one partial award and a waiting list of two, with the amounts the allocation
 * rules give (computed here from the demo's amounts and budget), and the simulator with a smaller budget shows who
 * leaves. Axe on every page.
 *
 * It closes the demo call, which other specs submit to while it is open: it runs in a project of its own after all
 * of them (playwright.config.ts). Alone: `npx playwright test --config apps/backoffice-e2e/playwright.config.ts
 * demo-walk.spec.ts --no-deps`.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { formatAmount } from '@cofinanca/domain';
import { expectAccessible } from './support/a11y';
import { signIn } from './support/auth';
import { demoCall, expect, json, signInWith, signOut, test, type Account } from './support/grants';

/** The demo evaluators (apps/api/src/modules/seed/demo-users.ts); the third one's register names Fundació Segre. */
const EVALUATORS: Account[] = [
  { email: 'evaluator@demo.cofinanca.cat', password: 'Cofinanca-evaluator-2026' },
  { email: 'evaluator2@demo.cofinanca.cat', password: 'Cofinanca-evaluator2-2026' },
  { email: 'evaluator3@demo.cofinanca.cat', password: 'Cofinanca-evaluator3-2026' },
];
const [FIRST, SECOND, THIRD] = EVALUATORS;
const SEGRE = 'Fundació Segre per la Cooperació (demo)';

/**
 * How well each demo application (by its title's first words) is scored, as a percentage of every criterion's
 * maximum, by its first and its second evaluator (in the order of their e-mails). The sheets of one application
 * (Tànger) are 40 points apart, beyond the call's divergence threshold; its consensus is `CONSENSUS`.
 */
const LEVELS: Record<string, [number, number]> = {
  'Aigua potable': [92, 88],
  'Horts comunitaris': [62, 58],
  'Escola inclusiva': [95, 55],
  'Salut materna': [80, 76],
  'Apoderament econòmic': [72, 69],
  'Defensa del territori': [67, 63],
};
const DIVERGENT = 'Escola inclusiva';
const CONSENSUS = 85;
/** The simulator's budget: enough for the first two awards only. */
const SMALLER_BUDGET = '40000.00';

interface Criterion {
  code: string;
  maxPoints: number;
}
interface DemoCall {
  id: string;
  code: string;
  budget: string;
  maxAmountPerApplication: string;
  maxCofinancingPercent: string;
  minPartialAwardPercent: string;
  divergenceThreshold: number;
  rubric: { blocks: { code: string; criteria: Criterion[] }[] };
}
interface DemoApplication {
  id: string;
  registryNumber: string;
  title: string;
  entityName: string;
  requestedAmount: string;
  totalCost: string;
  status: string;
}
interface Assignment {
  id: string;
  applicationId: string;
  evaluatorId: string;
  evaluatorName: string;
  status: string;
}

// --- Money in cents (never a float) -------------------------------------------------------------------------------

const cents = (amount: string): bigint => {
  const [units, decimals = ''] = amount.split('.');
  return BigInt(units) * 100n + BigInt(decimals.padEnd(2, '0').slice(0, 2));
};
const euros = (c: bigint): string => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
const min = (...values: bigint[]) => values.reduce((a, b) => (b < a ? b : a));
const money = (amount: string) => formatAmount(amount, 'ca');

/** A criterion's points at `percent` % of its maximum, in hundredths of a point (at most two decimals). */
const pointsAt = (criterion: Criterion, percent: number) =>
  Math.floor((Math.round(criterion.maxPoints * 100) * percent) / 100);
/** Hundredths of a point as the API takes them (a number) and as the sheet's Catalan field takes them. */
const asNumber = (hundredths: number) => hundredths / 100;
const asField = (hundredths: number) => String(hundredths / 100).replace('.', ',');

/** The level key of a demo application, by the first words of its title. */
function levelKey(app: { title: string }): string {
  const key = Object.keys(LEVELS).find((k) => app.title.startsWith(k));
  expect(key, `a level for the demo application «${app.title}»`).toBeTruthy();
  return key as string;
}

interface Outcome {
  application: DemoApplication;
  total: number;
  eligible: bigint;
  award: bigint | null;
  partial: boolean;
  outcome: 'provisionally_granted' | 'waitlisted';
}

/**
 * product.md "Allocation", rank_order, written again here so that the screens are checked against the rules and not
 * against themselves: eligible = min(requested, cap, max % × total cost) rounded down to the cent; walk the ranking,
 * full awards while they fit; the first that does not fit gets what is left when that is at least the minimum
 * partial percentage of its eligible amount; everyone after it waits.
 */
function allocate(call: DemoCall, ranked: { application: DemoApplication; total: number }[], budget: string) {
  let left = cents(budget);
  let walked = false;
  const percentOf = (amount: bigint, percent: string) => (amount * cents(percent)) / 10000n;
  return ranked.map(({ application, total }): Outcome => {
    const eligible = min(
      cents(application.requestedAmount),
      cents(call.maxAmountPerApplication),
      percentOf(cents(application.totalCost), call.maxCofinancingPercent),
    );
    if (!walked && eligible <= left) {
      left -= eligible;
      return {
        application,
        total,
        eligible,
        award: eligible,
        partial: false,
        outcome: 'provisionally_granted',
      };
    }
    if (!walked) {
      walked = true;
      if (left * 10000n >= eligible * cents(call.minPartialAwardPercent)) {
        const award = left;
        left = 0n;
        return { application, total, eligible, award, partial: true, outcome: 'provisionally_granted' };
      }
    }
    return { application, total, eligible, award: null, partial: false, outcome: 'waitlisted' };
  });
}

/** Declares no conflict and scores every criterion at `percent` %, through the API; submits unless told not to. */
async function scoreThroughApi(
  session: APIRequestContext,
  assignmentId: string,
  criteria: Criterion[],
  percent: number,
  { declare = true } = {},
): Promise<void> {
  if (declare)
    await json(
      await session.post(`/api/v1/assignments/${assignmentId}/declaration`, {
        data: { conflictOfInterest: false },
      }),
    );
  const sheet = await json<{ version: number }>(
    await session.get(`/api/v1/assignments/${assignmentId}/scores`),
  );
  await json(
    await session.put(`/api/v1/assignments/${assignmentId}/scores`, {
      data: {
        version: sheet.version,
        scores: criteria.map((c) => ({
          criterionCode: c.code,
          points: asNumber(pointsAt(c, percent)),
          comment: `Valoració del criteri ${c.code} (${percent} %).`,
        })),
      },
    }),
  );
  await json(await session.post(`/api/v1/assignments/${assignmentId}/submit`));
}

/** In the browser, on the sheet of an assignment: declares no conflict, scores at `percent` % and submits. */
async function scoreInBrowser(page: Page, criteria: Criterion[], percent: number): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: "Avaluació d'una sol·licitud" })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Contingut de la sol·licitud' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('radio', { name: "No hi tinc cap conflicte d'interès" }).check();
  await page.getByRole('button', { name: 'Desa la declaració' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Declaració desada' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Contingut de la sol·licitud' })).toBeVisible();

  const points = page.getByRole('textbox', { name: /^Punts/ });
  const comments = page.getByRole('textbox', { name: /^Justificació/ });
  await expect(points).toHaveCount(criteria.length);
  let total = 0;
  for (const [i, c] of criteria.entries()) {
    await points.nth(i).fill(asField(pointsAt(c, percent)));
    await comments.nth(i).fill(`Valoració del criteri ${c.code} (${percent} %).`);
    total += pointsAt(c, percent);
  }
  await expect(page.getByText(/^Desat a les/)).toBeVisible();
  const shown = asNumber(total).toLocaleString('ca-ES');
  await expect(page.getByText(new RegExp(`^Total: ${shown} de`))).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Lliura la fitxa' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Voleu lliurar la fitxa?' });
  await expect(confirm.getByRole('row', { name: /Total/ })).toContainText(shown);
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Lliura-la' }).click();
  await expect(page.getByText(new RegExp(`^Fitxa lliurada: ${shown} de`))).toBeVisible();
}

test('the demo walk: close the demo call, assign, declare and score, consensus, ranking with awards, partial award and waiting list, simulator', async ({
  page,
  api,
}) => {
  // Four people's work through the browser, four sheets scored by hand, axe on every page.
  test.setTimeout(480_000);
  const officer = await api.as('officer');
  const admin = await api.as('admin');
  const call = (await demoCall(officer)) as unknown as DemoCall;
  const criteria = call.rubric.blocks.flatMap((b) => b.criteria);

  // The pool is the demo's three evaluators. evaluation.spec.ts deactivates the other two for its own counts and
  // makes evaluators of its own: here the admin turns the three back on and sets every other evaluator aside (this
  // run's data directory is its own), rather than evaluation.spec.ts restoring them at its end — so that this walk
  // starts from the demo's pool whatever ran before it, and also when run alone.
  const evaluators = await json<{ items: { id: string; email: string; version: number; active: boolean }[] }>(
    await admin.get('/api/v1/users?role=evaluator&pageSize=200'),
  );
  const demoEvaluators = EVALUATORS.map((e) => e.email);
  for (const u of evaluators.items) {
    const demo = demoEvaluators.includes(u.email);
    if (u.active !== demo)
      await json(await admin.patch(`/api/v1/users/${u.id}`, { data: { version: u.version, active: demo } }));
  }
  const idOf = Object.fromEntries(
    evaluators.items.filter((u) => demoEvaluators.includes(u.email)).map((u) => [u.email, u.id]),
  );
  expect(Object.keys(idOf)).toHaveLength(3);

  // Other specs submit applications of their own to the demo call while it is open (and leave them submitted or
  // under a correction request): the officer declares those inadmissible, as it would before starting the
  // evaluation (which refuses to start while any awaits its admissibility decision). The demo's six stay admitted.
  const all = await json<{ items: DemoApplication[] }>(
    await officer.get(`/api/v1/applications?callId=${call.id}&pageSize=100`),
  );
  for (const leftover of all.items.filter((a) => ['submitted', 'correction_requested'].includes(a.status))) {
    await json(
      await officer.post(`/api/v1/applications/${leftover.id}/declare-inadmissible`, {
        data: { reason: "Sol·licitud de proves d'una altra especificació, no de les dades de demostració." },
      }),
    );
  }
  const demoApps: DemoApplication[] = [];
  for (const summary of all.items.filter((a) => a.status === 'admitted')) {
    const full = await json<DemoApplication & { entity: { legalName: string } }>(
      await officer.get(`/api/v1/applications/${summary.id}`),
    );
    demoApps.push({ ...full, entityName: full.entity.legalName });
  }
  // The demo as the seed leaves it: six admitted applications of four NGOs, two of them Fundació Segre's.
  expect(demoApps.map(levelKey).sort()).toEqual(Object.keys(LEVELS).sort());
  expect(new Set(demoApps.map((a) => a.entityName)).size).toBe(4);
  const segreApps = demoApps.filter((a) => a.entityName === SEGRE);
  expect(segreApps).toHaveLength(2);
  const byKey = (key: string) => demoApps.find((a) => levelKey(a) === key) as DemoApplication;

  await test.step('the officer closes the demo call and starts its evaluation', async () => {
    await signIn(page, 'officer', { checkA11y: false });
    await page.goto(`/calls/${call.id}`);
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${call.code} · `) })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Tanca el termini ara' }).click();
    const closeDialog = page.getByRole('alertdialog', {
      name: `Voleu tancar ara el termini de ${call.code}?`,
    });
    await expectAccessible(page);
    await closeDialog.getByRole('button', { name: 'Tanca el termini' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: "S'ha tancat el termini de presentació." }),
    ).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: "Inicia l'avaluació" }).click();
    const startDialog = page.getByRole('alertdialog', { name: `Voleu iniciar l'avaluació de ${call.code}?` });
    await expectAccessible(page);
    await startDialog.getByRole('button', { name: "Inicia l'avaluació" }).click();
    await expect(page.getByRole('status').filter({ hasText: "S'ha iniciat l'avaluació" })).toBeVisible();
    await expectAccessible(page);
  });

  const ev3Name = (await json<{ name: string }>(await (await api.signedIn(THIRD)).get('/api/v1/auth/me')))
    .name;

  await test.step('the officer assigns two evaluators per application automatically, around the conflict', async () => {
    await page.getByRole('link', { name: "Assignacions d'avaluadors" }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Assignacions de ${call.code}` })).toBeVisible();
    const board = page.getByRole('table', { name: `Sol·licituds i avaluadors de ${call.code}` });
    const row = (app: DemoApplication) => board.getByRole('row').filter({ hasText: app.registryNumber });
    for (const app of demoApps) await expect(row(app)).toContainText('0 de 2');
    // The third evaluator's register names Fundació Segre: its two applications mark the conflict.
    for (const app of segreApps) {
      await expect(row(app)).toContainText('Conflicte');
      await expect(
        row(app).getByRole('button', { name: `Assigna ${ev3Name} a ${app.registryNumber}` }),
      ).toHaveCount(0);
    }
    await expectAccessible(page);

    await page.getByRole('spinbutton', { name: 'Avaluadors per sol·licitud' }).fill('2');
    await page.getByRole('button', { name: 'Assigna automàticament' }).click();
    await expect(page.getByRole('status').filter({ hasText: "S'han creat 12 assignacions." })).toBeVisible();
    for (const app of demoApps) await expect(row(app)).toContainText('2 de 2');
    for (const app of segreApps)
      await expect(
        row(app).getByRole('button', { name: `Treu ${ev3Name} de ${app.registryNumber}` }),
      ).toHaveCount(0);
    await expectAccessible(page);
    await signOut(page);
  });

  const assignments = (
    await json<{ items: Assignment[] }>(
      await officer.get(`/api/v1/calls/${call.id}/assignments?pageSize=100`),
    )
  ).items;
  expect(assignments).toHaveLength(12);
  // Spread evenly (12 among three: four each), and never the third evaluator on Fundació Segre's applications.
  for (const e of EVALUATORS)
    expect(assignments.filter((a) => a.evaluatorId === idOf[e.email])).toHaveLength(4);
  for (const app of segreApps)
    expect(assignments.filter((a) => a.applicationId === app.id).map((a) => a.evaluatorId)).not.toContain(
      idOf[THIRD.email],
    );

  /** The percentage an evaluator scores an application at: first or second in the order of their e-mails. */
  const percentFor = (app: DemoApplication, evaluator: Account) => {
    const pair = EVALUATORS.filter((e) =>
      assignments.some((a) => a.applicationId === app.id && a.evaluatorId === idOf[e.email]),
    );
    return LEVELS[levelKey(app)][pair.indexOf(evaluator)];
  };
  const assignmentOf = (app: DemoApplication, evaluator: Account) =>
    assignments.find(
      (a) => a.applicationId === app.id && a.evaluatorId === idOf[evaluator.email],
    ) as Assignment;
  const appsOf = (evaluator: Account) =>
    demoApps.filter((app) =>
      assignments.some((a) => a.applicationId === app.id && a.evaluatorId === idOf[evaluator.email]),
    );

  await test.step('the second demo evaluator declares and scores its four applications in the browser', async () => {
    await signInWith(page, SECOND);
    for (const app of appsOf(SECOND)) {
      await page
        .getByRole('navigation', { name: 'Navegació principal' })
        .getByRole('link', { name: 'Les meves avaluacions', exact: true })
        .click();
      const group = page.getByRole('region', { name: new RegExp(`^${call.code}`) });
      await expect(group.getByRole('table')).toBeVisible();
      await expectAccessible(page);
      await group.getByRole('link', { name: app.registryNumber }).click();
      await scoreInBrowser(page, criteria, percentFor(app, SECOND));
    }
    await page.goto('/evaluation');
    const group = page.getByRole('region', { name: new RegExp(`^${call.code}`) });
    await expect(group).toContainText('4 lliurades');
    await expectAccessible(page);
    await signOut(page);
  });

  await test.step('the third demo evaluator has no application of Fundació Segre and declares in the browser', async () => {
    await signInWith(page, THIRD);
    await page
      .getByRole('navigation', { name: 'Navegació principal' })
      .getByRole('link', { name: 'Les meves avaluacions', exact: true })
      .click();
    const group = page.getByRole('region', { name: new RegExp(`^${call.code}`) });
    const inbox = group.getByRole('table');
    await expect(group).toContainText('4 pendents de declaració');
    for (const app of appsOf(THIRD)) await expect(inbox).toContainText(app.registryNumber);
    await expect(inbox).not.toContainText(SEGRE);
    await expectAccessible(page);
    const first = appsOf(THIRD)[0];
    await inbox.getByRole('link', { name: first.registryNumber }).click();
    await expect(page.getByRole('heading', { name: 'Contingut de la sol·licitud' })).toHaveCount(0);
    await page.getByRole('radio', { name: "No hi tinc cap conflicte d'interès" }).check();
    await page.getByRole('button', { name: 'Desa la declaració' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Declaració desada' })).toBeVisible();
    await expectAccessible(page);
    await signOut(page);

    // Its sheets, and the first evaluator's, through the API (the same sheets the browser fills above).
    const third = await api.signedIn(THIRD);
    for (const app of appsOf(THIRD))
      await scoreThroughApi(third, assignmentOf(app, THIRD).id, criteria, percentFor(app, THIRD), {
        declare: app.id !== first.id,
      });
    const firstSession = await api.signedIn(FIRST);
    for (const app of appsOf(FIRST))
      await scoreThroughApi(firstSession, assignmentOf(app, FIRST).id, criteria, percentFor(app, FIRST));
  });

  // What the rules make of those sheets (product.md "Aggregation"): per criterion the mean of the two sheets,
  // rounded half up to two decimals, the consensus instead for the divergent application; totals; the ranking.
  const sheetTotal = (app: DemoApplication, evaluator: Account) =>
    criteria.reduce((sum, c) => sum + pointsAt(c, percentFor(app, evaluator)), 0);
  const totalOf = (app: DemoApplication) =>
    levelKey(app) === DIVERGENT
      ? criteria.reduce((sum, c) => sum + pointsAt(c, CONSENSUS), 0)
      : criteria.reduce((sum, c) => {
          const [a, b] = EVALUATORS.filter((e) => assignmentOf(app, e)).map((e) =>
            pointsAt(c, percentFor(app, e)),
          );
          return sum + Math.floor((a + b + 1) / 2);
        }, 0);
  const divergent = byKey(DIVERGENT);
  const [sheetA, sheetB] = EVALUATORS.filter((e) => assignmentOf(divergent, e)).map((e) =>
    sheetTotal(divergent, e),
  );
  expect(Math.abs(sheetA - sheetB) / 100).toBeGreaterThan(Number(call.divergenceThreshold));
  const ranked = demoApps
    .map((application) => ({ application, total: totalOf(application) }))
    .sort((x, y) => y.total - x.total);
  expect(new Set(ranked.map((r) => r.total)).size, 'no ties: the order is the totals’').toBe(6);
  const expected = allocate(call, ranked, call.budget);
  // What product.md promises of the demo: three full awards, one partial, two on the waiting list.
  expect(expected.map((o) => (o.partial ? 'partial' : o.outcome))).toEqual([
    'provisionally_granted',
    'provisionally_granted',
    'provisionally_granted',
    'partial',
    'waitlisted',
    'waitlisted',
  ]);

  await test.step('the officer records a consensus on the divergent application', async () => {
    await signIn(page, 'officer', { checkA11y: false });
    await page.goto(`/calls/${call.id}/ranking`);
    await expect(page.getByRole('heading', { level: 1, name: `Rànquing de ${call.code}` })).toBeVisible();
    await expect(page.getByText('El rànquing encara no és complet')).toBeVisible();
    const ranking = page.getByRole('table', { name: `Rànquing de ${call.code}` });
    const rowOf = (app: DemoApplication) => ranking.getByRole('row').filter({ hasText: app.registryNumber });
    await expect(rowOf(divergent)).toContainText('Divergent');
    await expect(page.getByRole('table', { name: 'Severitat dels avaluadors' })).toBeVisible();
    await expectAccessible(page);

    await rowOf(divergent).getByRole('link', { name: divergent.registryNumber }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Avaluació de ${divergent.registryNumber}` }),
    ).toBeVisible();
    await expect(page.getByText('Les puntuacions divergeixen més del llindar')).toBeVisible();
    await expectAccessible(page);
    const consensusPoints = page.getByRole('textbox', { name: /\(de 0 a / });
    await expect(consensusPoints).toHaveCount(criteria.length);
    for (const [i, c] of criteria.entries())
      await consensusPoints.nth(i).fill(asField(pointsAt(c, CONSENSUS)));
    await page
      .getByLabel(/Justificació del consens/)
      .fill('Consens de la comissió: la segona fitxa no valora prou la protecció de la infància.');
    await page.getByRole('button', { name: 'Desa el consens' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: "S'ha desat la puntuació de consens." }),
    ).toBeVisible();
    await expectAccessible(page);
  });

  await test.step('the ranking: three full awards, a partial award and the waiting list, as the rules give', async () => {
    await page.getByRole('link', { name: 'Torna al rànquing' }).click();
    await expect(page.getByText('El rànquing és complet')).toBeVisible();
    const ranking = page.getByRole('table', { name: `Rànquing de ${call.code}` });
    const rows = ranking.locator('tbody tr');
    await expect(rows).toHaveCount(6);
    for (const [i, o] of expected.entries()) {
      // Cells: rank, entity, total (with its divergence mark), blocks, fundable, eligible, award, outcome.
      const row = rows.nth(i);
      const cells = row.getByRole('cell');
      await expect(row.getByRole('rowheader')).toContainText(o.application.registryNumber);
      await expect(cells.nth(0)).toHaveText(String(i + 1));
      const mark = o.application.id === divergent.id ? 'Consens' : '';
      await expect(cells.nth(2)).toHaveText(`${asNumber(o.total).toLocaleString('ca-ES')}${mark}`);
      await expect(cells.nth(4)).toHaveText('Sí');
      await expect(cells.nth(5)).toHaveText(money(euros(o.eligible)));
      await expect(cells.nth(6)).toHaveText(
        o.award === null ? '—' : `${money(euros(o.award))}${o.partial ? 'Parcial' : ''}`,
      );
      await expect(cells.nth(7)).toHaveText(
        o.outcome === 'waitlisted' ? "Llista d'espera" : 'Proposta de concessió',
      );
    }
    const allocated = expected.reduce((sum, o) => sum + (o.award ?? 0n), 0n);
    const budgetCard = page.getByRole('region', { name: 'Pressupost' });
    await expect(budgetCard).toContainText(money(call.budget));
    await expect(budgetCard).toContainText(money(euros(allocated)));
    await expectAccessible(page);
  });

  await test.step('the simulator with a smaller budget shows which applications leave', async () => {
    await page.getByRole('link', { name: "Simulador d'assignació" }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Simulador de ${call.code}` })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('textbox', { name: 'Pressupost' }).fill(SMALLER_BUDGET.replace('.', ','));
    await page.getByRole('button', { name: 'Simula' }).click();
    const simulated = allocate(call, ranked, SMALLER_BUDGET);
    const changed = simulated.filter(
      (s, i) => s.outcome !== expected[i].outcome || s.award !== expected[i].award,
    );
    const leaving = simulated.filter(
      (s, i) => s.outcome === 'waitlisted' && expected[i].outcome !== 'waitlisted',
    );
    expect(leaving.length, 'a smaller budget sends someone to the waiting list').toBeGreaterThan(0);
    const changes = page.getByRole('table', { name: "Sol·licituds que canvien de resultat o d'import" });
    await expect(changes.locator('tbody tr')).toHaveCount(changed.length);
    for (const s of leaving) {
      const row = changes.getByRole('row').filter({ hasText: s.application.registryNumber });
      const before = expected.find((o) => o.application.id === s.application.id) as Outcome;
      await expect(row).toContainText(`Proposta de concessió · ${money(euros(before.award as bigint))}`);
      await expect(row).toContainText("Llista d'espera");
    }
    const simulatedTable = page.getByRole('table', { name: 'Rànquing simulat' });
    for (const s of simulated) {
      const row = simulatedTable.getByRole('row').filter({ hasText: s.application.registryNumber });
      await expect(row).toContainText(
        s.outcome === 'waitlisted' ? "Llista d'espera" : 'Proposta de concessió',
      );
      if (s.award !== null) await expect(row).toContainText(money(euros(s.award)));
    }
    await expectAccessible(page);
    await signOut(page);
  });

  // Nothing was stored by the simulation: the ranking keeps the call's budget and its awards.
  const after = await json<{ allocated: string; complete: boolean }>(
    await officer.get(`/api/v1/calls/${call.id}/ranking`),
  );
  expect(after.complete).toBe(true);
  expect(after.allocated).toBe(euros(expected.reduce((sum, o) => sum + (o.award ?? 0n), 0n)));
});
