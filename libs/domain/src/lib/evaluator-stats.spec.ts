import { evaluatorStats, type StatsApplication } from './evaluator-stats';

const app = (
  applicationId: string,
  sheets: Array<[string, number]>,
  divergent = false,
): StatsApplication => ({
  applicationId,
  divergent,
  sheets: sheets.map(([evaluatorId, total]) => ({ evaluatorId, total })),
});

const byId = (stats: ReturnType<typeof evaluatorStats>) =>
  Object.fromEntries(stats.map((s) => [s.evaluatorId, s]));

describe(evaluatorStats.name, () => {
  it('two evaluators: each deviates from the other by the difference', () => {
    const stats = byId(
      evaluatorStats([
        app('x', [
          ['e1', 70],
          ['e2', 60],
        ]),
      ]),
    );
    expect(stats['e1']).toEqual({
      evaluatorId: 'e1',
      submitted: 1,
      meanTotal: 70,
      meanDeviation: 10,
      deviationSheets: 1,
      divergent: 0,
    });
    expect(stats['e2'].meanDeviation).toBe(-10);
  });

  it('three evaluators: against the mean of the other two', () => {
    const stats = byId(
      evaluatorStats([
        app('x', [
          ['e1', 70],
          ['e2', 60],
          ['e3', 50],
        ]),
      ]),
    );
    expect([stats['e1'].meanDeviation, stats['e2'].meanDeviation, stats['e3'].meanDeviation]).toEqual([
      15, 0, -15,
    ]);
  });

  it.each([
    // totals of one application → deviations (half-up, away from zero, at x.xx5)
    [
      [10, 0, 0.01],
      [10, -5.01, -4.99],
    ], // 9.995 → 10.00, −5.005 → −5.01, −4.99
    [
      [0.01, 0, 0],
      [0.01, -0.01, -0.01],
    ], // 0.01, −0.005 → −0.01
    [
      [33.33, 33.34, 33.34],
      [-0.01, 0.01, 0.01],
    ], // −0.01, 33.34 − 33.335 = 0.005 → 0.01
  ])('totals %p → deviations %p', (totals, deviations) => {
    const stats = evaluatorStats([
      app(
        'x',
        totals.map((t, i) => [`e${i + 1}`, t] as [string, number]),
      ),
    ]);
    expect(stats.map((s) => s.meanDeviation)).toEqual(deviations);
  });

  it('sums the deviations exactly and rounds once', () => {
    // e1: 0.01 − 0.01/3 = +2/3 of a hundredth on x, 0 − 0.01/3 = −1/3 on y: the mean is 1/6 of a hundredth → 0.00;
    // rounding each sheet first would give (0.01 + 0.00) / 2 = 0.005 → 0.01
    const stats = byId(
      evaluatorStats([
        app('x', [
          ['e1', 0.01],
          ['e2', 0.01],
          ['e3', 0],
          ['e4', 0],
        ]),
        app('y', [
          ['e1', 0],
          ['e2', 0.01],
          ['e3', 0],
          ['e4', 0],
        ]),
      ]),
    );
    expect(stats['e1'].meanDeviation).toBe(0);
    expect(Object.is(stats['e1'].meanDeviation, 0)).toBe(true); // never −0
    expect(stats['e1'].deviationSheets).toBe(2);
  });

  it('is systematically negative for a harsher evaluator', () => {
    const stats = byId(
      evaluatorStats([
        app('x', [
          ['harsh', 60],
          ['a', 70],
          ['b', 70],
        ]),
        app('y', [
          ['harsh', 45.5],
          ['a', 55.5],
        ]),
        app('z', [
          ['a', 80],
          ['b', 82],
        ]),
      ]),
    );
    expect(stats['harsh']).toMatchObject({
      submitted: 2,
      meanTotal: 52.75,
      meanDeviation: -10,
      deviationSheets: 2,
    });
    // a: x 70 − 65 = 5, y 55.5 − 45.5 = 10, z 80 − 82 = −2 → 13 / 3 = 4.333 → 4.33
    expect(stats['a']).toMatchObject({
      submitted: 3,
      meanTotal: 68.5,
      meanDeviation: 4.33,
      deviationSheets: 3,
    });
    // b: x 70 − 65 = 5, z 82 − 80 = 2 → 3.5
    expect(stats['b']).toMatchObject({ submitted: 2, meanTotal: 76, meanDeviation: 3.5 });
  });

  it('leaves a sheet alone on its application out of the deviation, not of the count or mean total', () => {
    const stats = byId(
      evaluatorStats([
        app('x', [['e1', 80]]),
        app('y', [
          ['e1', 60],
          ['e2', 50],
        ]),
      ]),
    );
    expect(stats['e1']).toMatchObject({ submitted: 2, meanTotal: 70, meanDeviation: 10, deviationSheets: 1 });
    const alone = byId(evaluatorStats([app('x', [['e1', 80]])]));
    expect(alone['e1']).toMatchObject({
      submitted: 1,
      meanTotal: 80,
      meanDeviation: null,
      deviationSheets: 0,
    });
  });

  it.each([
    [[70, 70.01], 70.01], // 70.005 → 70.01
    [[70, 70, 70.01], 70], // 70.0033 → 70.00
    [[0.01, 0.02, 0.02], 0.02], // 0.0167 → 0.02
  ])('mean total of %p → %p', (totals, mean) => {
    const stats = evaluatorStats(totals.map((t, i) => app(`a${i}`, [['e', t]])));
    expect(stats[0].meanTotal).toBe(mean);
  });

  it('counts the divergent applications the evaluator scored', () => {
    const stats = byId(
      evaluatorStats([
        app(
          'x',
          [
            ['e1', 90],
            ['e2', 60],
          ],
          true,
        ),
        app(
          'y',
          [
            ['e1', 90],
            ['e3', 60],
          ],
          true,
        ),
        app(
          'z',
          [
            ['e1', 70],
            ['e2', 65],
          ],
          false,
        ),
      ]),
    );
    expect([stats['e1'].divergent, stats['e2'].divergent, stats['e3'].divergent]).toEqual([2, 1, 1]);
  });

  it('lists the evaluators asked for first, with zeros and nulls, then the others in order of appearance', () => {
    const stats = evaluatorStats(
      [
        app('x', [
          ['e9', 50],
          ['e1', 40],
        ]),
      ],
      ['idle', 'e1'],
    );
    expect(stats.map((s) => s.evaluatorId)).toEqual(['idle', 'e1', 'e9']);
    expect(stats[0]).toEqual({
      evaluatorId: 'idle',
      submitted: 0,
      meanTotal: null,
      meanDeviation: null,
      deviationSheets: 0,
      divergent: 0,
    });
  });

  it('answers nothing for nothing', () => {
    expect(evaluatorStats([])).toEqual([]);
  });
});
