/**
 * The ranking of a call with its allocation (product.md "Ranking", "Allocation"), its exports, the severity table and
 * the simulator, through HTTP on a real database; and who may read them.
 */
import { Client } from 'pg';
import { RequestContext } from '../src/common/request-context';
import type { ApplicationEntity } from '../src/modules/applications/application.entity';
import type { CallEntity } from '../src/modules/calls/call.entity';
import { dataSource } from './utils/fixtures';
import { applicationUnderEvaluation, evaluatingCall, submittedSheets } from './utils/scoring-fixtures';
import { binary } from './utils/submission-fixtures';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

interface Row {
  applicationId: string;
  rank: number;
  total: number;
  outcome: string;
  award: string | null;
  partial: boolean;
  eligibleAmount: string;
  bandPercent: string | null;
  reasons: string[];
  blocks: { code: string; points: number }[];
  divergent: boolean;
  consensus: boolean;
  entityName: string;
  registryNumber: string;
}

/** Counts the SQL statements sent while serving HTTP requests (as lean-lists.e2e-spec.ts does). */
function countQueries() {
  const original = Client.prototype.query;
  let count = 0;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    if (RequestContext.get().requestId) count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  return {
    take() {
      const n = count;
      count = 0;
      return n;
    },
    restore() {
      Client.prototype.query = original;
    },
  };
}

describe('ranking, allocation, exports, severity and the simulator', () => {
  let t: TestApp;
  let officer: TestUser;
  let e1: TestUser;
  let e2: TestUser;
  let call: CallEntity;
  const apps: Record<string, ApplicationEntity> = {};

  /**
   * Budget 30,000.00, 12,000.00 eligible each (requested 12,000 of a 20,000 cost, 8,000 own contribution):
   * A 90 · G 85 (one sheet of two: pending) · B 80 · F 75 (divergent 60/90, no consensus: pending) · C 70 · E 60 ·
   * D 40 (below the minimum total and block D's minimum). e1 scores A 4 points under e2, F 30 under.
   */
  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user('officer');
    e1 = await t.user('evaluator');
    e2 = await t.user('evaluator');
    call = await evaluatingCall(t, {
      budget: '30000.00',
      maxAmountPerApplication: '20000.00',
      maxCofinancingPercent: '80.00',
      minPartialAwardPercent: '50.00',
      minimumTotalScore: '50',
      divergenceThreshold: '20',
      allocationMethod: 'rank_order',
      scoreBands: null,
    });
    const plan: [string, number[]][] = [
      ['A', [88, 92]],
      ['B', [80, 80]],
      ['C', [70, 70]],
      ['D', [40, 40]],
      ['E', [60, 60]],
      ['F', [60, 90]],
    ];
    for (const [name, totals] of plan) {
      apps[name] = await applicationUnderEvaluation(t, call);
      await submittedSheets(t, call, apps[name], [e1.id, e2.id], totals);
    }
    apps.G = await applicationUnderEvaluation(t, call);
    await submittedSheets(t, call, apps.G, [e1.id], [85], 'under_evaluation');
    await dataSource(t).query(
      `INSERT INTO assignments (call_id, application_id, evaluator_id, status, conflict_of_interest, declared_at, version)
       VALUES ($1, $2, $3, 'in_progress', false, now(), 1)`,
      [call.id, apps.G.id, e2.id],
    );
  }, 120_000);
  afterAll(() => t?.close());

  const as = (u: TestUser) => bearer(u.token);
  const nameOf = (id: string) => Object.entries(apps).find(([, a]) => a.id === id)?.[0];
  const byName = (items: Row[]) => Object.fromEntries(items.map((i) => [nameOf(i.applicationId), i]));
  const ranking = async () => {
    const res = await t.http().get(`/api/v1/calls/${call.id}/ranking`).set(as(officer));
    expect(res.status).toBe(200);
    return res.body as {
      complete: boolean;
      allocated: string;
      remaining: string;
      budget: string;
      items: Row[];
    };
  };

  it('ranks by total, allocates full awards, one partial award, then the waiting list; pending rows take nothing', async () => {
    const r = await ranking();
    expect(r.items.map((i) => nameOf(i.applicationId))).toEqual(['A', 'G', 'B', 'F', 'C', 'E', 'D']);
    expect(r).toMatchObject({
      budget: '30000.00',
      allocated: '30000.00',
      remaining: '0.00',
      complete: false,
    });
    const rows = byName(r.items);
    expect(rows.A).toMatchObject({
      rank: 1,
      total: 90,
      outcome: 'provisionally_granted',
      award: '12000.00',
      partial: false,
    });
    expect(rows.G).toMatchObject({ outcome: 'pending', award: null });
    expect(rows.B).toMatchObject({ outcome: 'provisionally_granted', award: '12000.00', partial: false });
    expect(rows.F).toMatchObject({ total: 75, outcome: 'pending', divergent: true, consensus: false });
    // 6,000.00 left is 50 % of C's 12,000.00: a partial award it must reformulate.
    expect(rows.C).toMatchObject({
      outcome: 'provisionally_granted',
      award: '6000.00',
      partial: true,
      eligibleAmount: '12000.00',
    });
    expect(rows.E).toMatchObject({ outcome: 'waitlisted', award: null });
    expect(rows.D).toMatchObject({
      outcome: 'below_threshold',
      fundable: false,
      reasons: ['BELOW_MINIMUM_TOTAL', 'BELOW_BLOCK_MINIMUM:D'],
    });
    expect(rows.A.entityName).toBeTruthy();
    expect(rows.A.registryNumber).toBe(apps.A.registryNumber);
  });

  it('ranks by the same aggregation as each application’s evaluation view (the call read at once, the view one by one)', async () => {
    const r = await ranking();
    for (const item of r.items) {
      const view = await t
        .http()
        .get(`/api/v1/applications/${item.applicationId}/evaluation`)
        .set(as(officer));
      expect(view.status).toBe(200);
      expect({ total: item.total, blocks: item.blocks, divergent: item.divergent }).toEqual({
        total: view.body.total,
        blocks: view.body.blocks,
        divergent: view.body.divergent,
      });
    }
  });

  it('gives each evaluator its severity: the mean deviation from the other sheets, and what it rests on', async () => {
    const res = await t.http().get(`/api/v1/calls/${call.id}/evaluator-stats`).set(as(officer));
    expect(res.status).toBe(200);
    const stats = Object.fromEntries(res.body.items.map((i: { evaluatorId: string }) => [i.evaluatorId, i]));
    // e1: (−4 + 0 + 0 + 0 + 0 − 30) / 6 sheets; its sheet alone on G is left out.
    expect(stats[e1.id]).toMatchObject({
      submitted: 7,
      meanDeviation: -5.67,
      deviationSheets: 6,
      divergent: 1,
    });
    expect(stats[e2.id]).toMatchObject({
      submitted: 6,
      meanDeviation: 5.67,
      deviationSheets: 6,
      divergent: 1,
    });
    expect(stats[e1.id].name).toBeTruthy();
  });

  it('simulates a smaller budget, another method and threshold without storing anything, listing the changes', async () => {
    const sim = await t
      .http()
      .post(`/api/v1/calls/${call.id}/allocation/simulate`)
      .set(as(officer))
      .send({ budget: '20000.00' });
    expect(sim.status).toBe(200);
    const rows = byName(sim.body.items);
    expect(rows.B).toMatchObject({ award: '8000.00', partial: true });
    expect(rows.C).toMatchObject({ outcome: 'waitlisted', award: null });
    expect(sim.body.changes.map((c: { applicationId: string }) => nameOf(c.applicationId))).toEqual([
      'B',
      'C',
    ]);
    expect(sim.body.changes[1]).toMatchObject({
      before: { outcome: 'provisionally_granted', award: '6000.00', partial: true },
      after: { outcome: 'waitlisted', award: null },
    });
    // Nothing stored: the ranking is as before.
    expect(byName((await ranking()).items).C.award).toBe('6000.00');

    const bands = await t
      .http()
      .post(`/api/v1/calls/${call.id}/allocation/simulate`)
      .set(as(officer))
      .send({
        allocationMethod: 'score_bands',
        scoreBands: [
          { minScore: 80, percent: '100.00' },
          { minScore: 65, percent: '85.00' },
          { minScore: 50, percent: '70.00' },
        ],
      });
    expect(bands.status).toBe(200);
    expect(byName(bands.body.items).C).toMatchObject({
      bandPercent: '85.00',
      eligibleAmount: '10200.00',
      award: '6000.00',
    });
    expect(byName(bands.body.items).E).toMatchObject({ bandPercent: '70.00', eligibleAmount: '8400.00' });

    const threshold = await t
      .http()
      .post(`/api/v1/calls/${call.id}/allocation/simulate`)
      .set(as(officer))
      .send({ minimumTotalScore: 65 });
    expect(byName(threshold.body.items).E).toMatchObject({ outcome: 'below_threshold' });

    for (const [body, field, code] of [
      [{ budget: '12.345' }, 'budget', 'MAX_DECIMALS'],
      [{ budget: 1000 }, 'budget', undefined],
      [{ budget: '-5.00' }, 'budget', 'MAX_DECIMALS'],
      [{ allocationMethod: 'score_bands' }, 'scoreBands', 'REQUIRED'],
      [{ allocationMethod: 'score_bands', scoreBands: [] }, 'scoreBands', 'REQUIRED'],
      [
        {
          allocationMethod: 'score_bands',
          scoreBands: [
            { minScore: 60, percent: '80.00' },
            { minScore: 60, percent: '50.00' },
          ],
        },
        'scoreBands[1].minScore',
        'NOT_UNIQUE',
      ],
      [
        { allocationMethod: 'score_bands', scoreBands: [{ minScore: 60, percent: '0.00' }] },
        'scoreBands[0].percent',
        'NOT_POSITIVE',
      ],
      [
        { allocationMethod: 'score_bands', scoreBands: [{ minScore: 60, percent: '101' }] },
        'scoreBands[0].percent',
        undefined,
      ],
      [{ allocationMethod: 'lottery' }, 'allocationMethod', undefined],
      [{ minPartialAwardPercent: '150' }, 'minPartialAwardPercent', undefined],
      [{ unknown: 1 }, 'unknown', undefined],
    ] as [object, string, string | undefined][]) {
      const res = await t
        .http()
        .post(`/api/v1/calls/${call.id}/allocation/simulate`)
        .set(as(officer))
        .send(body);
      expect({ body, status: res.status, has: Object.keys(res.body.errors ?? {}).includes(field) }).toEqual({
        body,
        status: 400,
        has: true,
      });
      if (code) expect(res.body.errors[field].map((e: { code: string }) => e.code)).toContain(code);
    }
  });

  it('puts a consensus in place of the mean: the divergent row leaves pending and is ranked by it', async () => {
    const consensus = await t
      .http()
      .post(`/api/v1/applications/${apps.F.id}/consensus`)
      .set(as(officer))
      .send({
        scores: [
          { criterionCode: 'A1', points: 19.5 },
          { criterionCode: 'A2', points: 13 },
          { criterionCode: 'C1', points: 19.5 },
          { criterionCode: 'D1', points: 13 },
        ],
        rationale: 'Consens després de revisar les dues fitxes',
      });
    expect(consensus.status).toBe(200);
    const r = await ranking();
    expect(r.items.map((i) => nameOf(i.applicationId))).toEqual(['A', 'G', 'B', 'C', 'F', 'E', 'D']);
    expect(byName(r.items).F).toMatchObject({ total: 65, consensus: true, outcome: 'waitlisted' });
    expect(byName(r.items).C).toMatchObject({ award: '6000.00', partial: true });
    // G still waits for its second sheet.
    expect(r.complete).toBe(false);
  });

  it('exports the ranking as CSV (BOM, `;`, the reader’s words and decimal comma) and XLSX', async () => {
    const csv = await t
      .http()
      .get(`/api/v1/calls/${call.id}/ranking.csv`)
      .set(as(officer))
      .set('Accept-Language', 'ca');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.startsWith('\ufeff')).toBe(true);
    const lines = csv.text.replace('\ufeff', '').trim().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines[0].split(';').slice(0, 5)).toEqual([
      'Posició',
      'Número de registre',
      'Entitat',
      'Títol',
      'Puntuació',
    ]);
    expect(lines[1]).toContain(apps.A.registryNumber as string);
    expect(lines[1]).toContain('Proposta de concessió');
    expect(lines.find((l) => l.includes(apps.C.registryNumber as string))).toMatch(/6\.?000,00/);
    const xlsx = await t
      .http()
      .get(`/api/v1/calls/${call.id}/ranking.xlsx`)
      .set(as(officer))
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('is the officers’ during evaluation; viewers read the ranking once the call is provisionally resolved', async () => {
    const viewer = await t.user('viewer');
    const finance = await t.user('finance');
    const entity = await t.user('entity', { entityId: apps.A.entityId });
    for (const u of [viewer, finance]) {
      for (const path of ['ranking', 'ranking.csv', 'ranking.xlsx']) {
        const res = await t.http().get(`/api/v1/calls/${call.id}/${path}`).set(as(u));
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 409,
          code: 'INVALID_STATE',
        });
      }
    }
    for (const u of [e1, entity, viewer]) {
      expect((await t.http().get(`/api/v1/calls/${call.id}/evaluator-stats`).set(as(u))).status).toBe(403);
      expect(
        (await t.http().post(`/api/v1/calls/${call.id}/allocation/simulate`).set(as(u)).send({})).status,
      ).toBe(403);
    }
    for (const u of [e1, entity]) {
      expect((await t.http().get(`/api/v1/calls/${call.id}/ranking`).set(as(u))).status).toBe(403);
    }
    expect(
      (await t.http().get(`/api/v1/calls/00000000-0000-4000-8000-000000000000/ranking`).set(as(officer)))
        .status,
    ).toBe(404);
    await dataSource(t).query(`UPDATE calls SET status = 'provisionally_resolved' WHERE id = $1`, [call.id]);
    try {
      const res = await t.http().get(`/api/v1/calls/${call.id}/ranking`).set(as(viewer));
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(7);
    } finally {
      await dataSource(t).query(`UPDATE calls SET status = 'evaluating' WHERE id = $1`, [call.id]);
    }
  });

  it('is complete once every application is evaluated and every divergent one has its consensus', async () => {
    const small = await evaluatingCall(t, { budget: '10000.00', scoreBands: null });
    const app = await applicationUnderEvaluation(t, small);
    await submittedSheets(t, small, app, [e1.id, e2.id], [70, 72]);
    const res = await t.http().get(`/api/v1/calls/${small.id}/ranking`).set(as(officer));
    expect(res.body).toMatchObject({ complete: true, allocated: '10000.00', remaining: '0.00' });
    // 10,000.00 of 12,000.00 eligible is over 50 %: a partial award.
    expect(res.body.items[0]).toMatchObject({ total: 71, award: '10000.00', partial: true });
  });

  it('reads the points the database keeps with each sheet, in step with the sheet whenever it is written', async () => {
    // The ranking reads `score_sheets.points`, written by a trigger from `scores`; the view reads `scores` itself.
    const small = await evaluatingCall(t, { scoreBands: null });
    const app = await applicationUnderEvaluation(t, small);
    await submittedSheets(t, small, app, [e1.id, e2.id], [70, 72]);
    const totalIn = async () => {
      const res = await t.http().get(`/api/v1/calls/${small.id}/ranking`).set(as(officer));
      const view = await t.http().get(`/api/v1/applications/${app.id}/evaluation`).set(as(officer));
      expect(res.body.items[0].total).toBe(view.body.total);
      return res.body.items[0].total as number;
    };
    expect(await totalIn()).toBe(71);
    // The first sheet (70) rewritten with the second one's points (72), as a reopened and resubmitted sheet would be.
    await dataSource(t).query(
      `UPDATE score_sheets SET scores = (
         SELECT sh.scores FROM score_sheets sh JOIN assignments s ON s.id = sh.assignment_id
          WHERE s.application_id = $1 AND s.evaluator_id = $3)
        WHERE assignment_id = (SELECT id FROM assignments WHERE application_id = $1 AND evaluator_id = $2)`,
      [app.id, e1.id, e2.id],
    );
    expect(await totalIn()).toBe(72);
  });

  it('reads a call in the same number of statements whatever its number of applications (no query per application)', async () => {
    const small = await evaluatingCall(t, { scoreBands: null });
    const app = await applicationUnderEvaluation(t, small);
    await submittedSheets(t, small, app, [e1.id, e2.id], [70, 72]);
    const counter = countQueries();
    try {
      const counts: Record<string, number[]> = {};
      for (const [label, id] of [
        ['small', small.id],
        ['large', call.id],
      ]) {
        counts[label] = [];
        for (const path of ['ranking', 'evaluator-stats']) {
          await t.http().get(`/api/v1/calls/${id}/${path}`).set(as(officer)); // warm the session cache
          counter.take();
          const res = await t.http().get(`/api/v1/calls/${id}/${path}`).set(as(officer));
          expect(res.status).toBe(200);
          counts[label].push(counter.take());
        }
      }
      expect(counts.large).toEqual(counts.small);
    } finally {
      counter.restore();
    }
  });
});
