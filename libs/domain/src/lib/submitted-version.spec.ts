import type { ApplicationContent } from './applications';
import {
  APPLICATION_CONTENT_FIELDS,
  applicationVersion,
  diffApplicationVersions,
  type ApplicationVersion,
  type VersionDocument,
} from './submitted-version';

const DOC_A: VersionDocument = {
  id: 'd-a',
  type: 'budget',
  fileName: 'pressupost.pdf',
  sizeBytes: 1200,
  sha256: 'a'.repeat(64),
};
const DOC_B: VersionDocument = {
  id: 'd-b',
  type: 'correction',
  fileName: 'esmena.pdf',
  sizeBytes: 800,
  sha256: 'b'.repeat(64),
};

function content(overrides: Partial<ApplicationContent> = {}): ApplicationContent {
  return {
    title: 'Aigua potable a Ziguinxor',
    summary: 'Pous i formació',
    modality: 'development',
    countryCode: 'SN',
    locations: ['Ziguinxor'],
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    totalCost: '25000.00',
    requestedAmount: '18000.00',
    ownContribution: '7000.00',
    cofunding: [],
    budgetLines: [
      {
        code: 'A1',
        category: 'Personal',
        description: 'Tècnica',
        amount: '15000.00',
        requestedAmount: '10000.00',
      },
      { code: 'A2', category: 'Obres', description: 'Pous', amount: '10000.00', requestedAmount: '8000.00' },
    ],
    sectors: [{ code: '14030', percent: '100.00' }],
    sdgs: [{ goal: 6, targets: ['6.1'] }],
    policyMarkers: [{ code: '1', significance: 1 }],
    beneficiaries: {
      direct: { women: 100, men: 90, other: 0 },
      indirect: { women: 500, men: 480, other: 2 },
    },
    counterpart: null,
    partnerEntityIds: [],
    ...overrides,
  };
}

const version = (
  c: Partial<ApplicationContent> = {},
  docs: VersionDocument[] = [DOC_A],
): ApplicationVersion => applicationVersion(content(c), docs);

describe('applicationVersion', () => {
  it('keeps exactly the content fields and the documents, as plain JSON', () => {
    const row = {
      ...content(),
      id: 'x',
      status: 'submitted',
      version: 3,
      extra: new Date(),
    } as ApplicationContent;
    const v = applicationVersion(row, [{ ...DOC_A, lockedAt: new Date() } as VersionDocument]);
    expect(Object.keys(v)).toEqual([...APPLICATION_CONTENT_FIELDS, 'documents']);
    expect(v.documents).toEqual([DOC_A]);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it('is a copy: changing the row afterwards does not change the version', () => {
    const row = content();
    const v = applicationVersion(row, [DOC_A]);
    row.budgetLines[0].amount = '1.00';
    row.locations.push('Dakar');
    expect(v.budgetLines[0].amount).toBe('15000.00');
    expect(v.locations).toEqual(['Ziguinxor']);
  });
});

describe('diffApplicationVersions', () => {
  it('finds nothing between equal versions', () => {
    expect(diffApplicationVersions(version(), version())).toEqual([]);
  });

  it('names a changed scalar field with its value before and after', () => {
    expect(
      diffApplicationVersions(version(), version({ title: 'Aigua i sanejament', endDate: '2027-11-30' })),
    ).toEqual([
      { path: 'title', before: 'Aigua potable a Ziguinxor', after: 'Aigua i sanejament' },
      { path: 'endDate', before: '2027-12-31', after: '2027-11-30' },
    ]);
  });

  it('treats a cleared field as null', () => {
    expect(diffApplicationVersions(version(), version({ summary: null }))).toEqual([
      { path: 'summary', before: 'Pous i formació', after: null },
    ]);
  });

  it('goes down to the changed leaf of a budget line, and lists lines added or removed whole', () => {
    const lines = content().budgetLines;
    const changed = version({
      budgetLines: [
        { ...lines[0], amount: '16000.00' },
        lines[1],
        {
          code: 'A3',
          category: 'Viatges',
          description: 'Bitllets',
          amount: '500.00',
          requestedAmount: '0.00',
        },
      ],
    });
    expect(diffApplicationVersions(version(), changed)).toEqual([
      { path: 'budgetLines[0].amount', before: '15000.00', after: '16000.00' },
      {
        path: 'budgetLines[2]',
        before: null,
        after: {
          code: 'A3',
          category: 'Viatges',
          description: 'Bitllets',
          amount: '500.00',
          requestedAmount: '0.00',
        },
      },
    ]);
    expect(diffApplicationVersions(changed, version())).toEqual([
      { path: 'budgetLines[0].amount', before: '16000.00', after: '15000.00' },
      {
        path: 'budgetLines[2]',
        before: {
          code: 'A3',
          category: 'Viatges',
          description: 'Bitllets',
          amount: '500.00',
          requestedAmount: '0.00',
        },
        after: null,
      },
    ]);
  });

  it('compares a list of plain values as one value', () => {
    expect(diffApplicationVersions(version(), version({ locations: ['Ziguinxor', 'Oussouye'] }))).toEqual([
      { path: 'locations', before: ['Ziguinxor'], after: ['Ziguinxor', 'Oussouye'] },
    ]);
    expect(
      diffApplicationVersions(version(), version({ sdgs: [{ goal: 6, targets: ['6.1', '6.2'] }] })),
    ).toEqual([{ path: 'sdgs[0].targets', before: ['6.1'], after: ['6.1', '6.2'] }]);
  });

  it('goes into nested objects, and reads a missing object as empty', () => {
    const b = content().beneficiaries;
    expect(
      diffApplicationVersions(
        version(),
        version({ beneficiaries: b && { ...b, direct: { ...b.direct, women: 120 } } }),
      ),
    ).toEqual([{ path: 'beneficiaries.direct.women', before: 100, after: 120 }]);
    expect(
      diffApplicationVersions(
        version(),
        version({ counterpart: { name: 'Kagamel', countryCode: 'SN', description: 'Associació local' } }),
      ),
    ).toEqual([
      { path: 'counterpart.name', before: null, after: 'Kagamel' },
      { path: 'counterpart.countryCode', before: null, after: 'SN' },
      { path: 'counterpart.description', before: null, after: 'Associació local' },
    ]);
  });

  it('lists documents removed and added, by id, after the content', () => {
    const replaced = { ...DOC_A, id: 'd-a2', fileName: 'pressupost-signat.pdf', sha256: 'c'.repeat(64) };
    expect(
      diffApplicationVersions(version({}, [DOC_A]), version({ title: 'Nou' }, [replaced, DOC_B])),
    ).toEqual([
      { path: 'title', before: 'Aigua potable a Ziguinxor', after: 'Nou' },
      { path: 'documents', before: { ...DOC_A }, after: null },
      { path: 'documents', before: null, after: { ...replaced } },
      { path: 'documents', before: null, after: { ...DOC_B } },
    ]);
  });

  it('ignores the order of the documents and any field that is not content', () => {
    const a = version({}, [DOC_A, DOC_B]);
    const b = { ...version({}, [DOC_B, DOC_A]), status: 'submitted' } as ApplicationVersion;
    expect(diffApplicationVersions(a, b)).toEqual([]);
  });

  it('follows the order of the form', () => {
    const changes = diffApplicationVersions(
      version(),
      version({ partnerEntityIds: ['p1'], title: 'Nou', totalCost: '26000.00' }),
    );
    expect(changes.map((c) => c.path)).toEqual(['title', 'totalCost', 'partnerEntityIds']);
  });
});
