/** Test data shared by the portal's specs (not part of the app). */
import type { Application, Call } from '../../../api/types';

const text = (ca: string) => ({ ca, es: `${ca} (es)`, en: `${ca} (en)` });

export function makeCall(overrides: Partial<Call> = {}): Call {
  return {
    id: 'call-1',
    code: 'COOP-2026',
    year: 2026,
    title: text('Convocatòria de cooperació 2026'),
    description: text('Bases'),
    modalities: ['development', 'humanitarian'],
    requiresGenderMarker: true,
    budget: '150000.00',
    maxAmountPerApplication: '20000.00',
    maxCofinancingPercent: '80.00',
    opensAt: '2026-03-01T09:00:00+01:00',
    closesAt: '2026-04-30T23:59:59+02:00',
    maxExecutionMonths: 12,
    advancePercent: '50.00',
    justificationMonths: 3,
    correctionDays: 10,
    allegationDays: 10,
    budgetDeviationPercent: '20.00',
    minimumTotalScore: 50,
    divergenceThreshold: 20,
    allocationMethod: 'rank_order',
    minPartialAwardPercent: '50.00',
    scoreBands: null,
    rubric: {
      blocks: [
        {
          code: 'A',
          name: text('Entitat'),
          minPoints: null,
          tieBreakOrder: null,
          criteria: [{ code: 'A1', name: text('Experiència'), guidance: null, maxPoints: 5 }],
        },
      ],
    },
    rubricTotal: 5,
    requiredDocuments: [
      { code: 'project_document', name: text('Document del projecte'), required: true },
      { code: 'statutes', name: text('Estatuts'), required: false },
    ],
    status: 'published',
    publishedAt: '2026-02-20T10:00:00+01:00',
    closedAt: null,
    createdAt: '2026-02-01T10:00:00+01:00',
    updatedAt: '2026-02-20T10:00:00+01:00',
    version: 3,
    ...overrides,
  } as Call;
}

/** A complete application that passes every rule of makeCall(). */
export function makeApplication(overrides: Partial<Application> = {}): Application {
  return {
    id: 'app-1',
    callId: 'call-1',
    entityId: 'entity-1',
    registryNumber: null,
    submittedAt: null,
    status: 'draft',
    statusReason: null,
    title: 'Aigua per a Kolda',
    summary: 'Pous i formació',
    modality: 'development',
    countryCode: 'SN',
    locations: ['Kolda'],
    startDate: '2026-07-01',
    endDate: '2027-06-30',
    totalCost: '25000.00',
    requestedAmount: '18000.00',
    ownContribution: '2000.00',
    cofunding: [{ funder: 'Fons Català', amount: '5000.00', status: 'confirmed' }],
    budgetLines: [
      {
        code: 'A.1',
        category: 'Personal',
        description: 'Tècnica',
        amount: '15000.00',
        requestedAmount: '10000.00',
      },
      { code: 'A.2', category: 'Obres', description: 'Pous', amount: '10000.00', requestedAmount: '8000.00' },
    ],
    sectors: [
      { code: '14030', percent: '60.00' },
      { code: '15170', percent: '40.00' },
    ],
    sdgs: [{ goal: 6, targets: ['6.1'] }],
    policyMarkers: [{ code: '1', significance: 1 }],
    beneficiaries: {
      direct: { women: 300, men: 200, other: 0 },
      indirect: { women: 1000, men: 900, other: 10 },
    },
    counterpart: { name: 'Association Kolda', countryCode: 'SN', description: 'ONG local' },
    partnerEntityIds: [],
    call: { id: 'call-1', code: 'COOP-2026', title: text('Convocatòria de cooperació 2026') },
    entity: { id: 'entity-1', legalName: 'Lleida Solidària', nif: 'G25012345' },
    totals: {},
    createdAt: '2026-03-02T10:00:00Z',
    updatedAt: '2026-03-02T10:00:00Z',
    version: 1,
    ...overrides,
  } as Application;
}
