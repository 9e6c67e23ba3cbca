/**
 * Evaluators and their assignments (product.md "Evaluation in practice"): the register of interests, conflicts of
 * interest, the life of an assignment and the automatic, balanced assignment of a call's applications.
 *
 *   pending_declaration → in_progress → submitted (⇄ in_progress when an officer reopens the sheet)
 *   pending_declaration → conflict_declared (for good: kept for the committee minutes)
 */
import { defineStateMachine } from './state-machine';

/** Every state of an assignment. */
export const ASSIGNMENT_STATUSES = [
  'pending_declaration',
  'conflict_declared',
  'in_progress',
  'submitted',
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** How an evaluator is linked to an entity of its register of interests. */
export const INTEREST_RELATIONS = ['employment', 'board', 'membership', 'family', 'other'] as const;
export type InterestRelation = (typeof INTEREST_RELATIONS)[number];

/** One line of a register of interests. */
export interface InterestItem {
  entityId: string;
  relation: InterestRelation;
  note?: string | null;
}

export const ASSIGNMENT_MACHINE = defineStateMachine<
  AssignmentStatus,
  'declare_no_conflict' | 'declare_conflict' | 'submit' | 'reopen',
  void,
  never
>({
  name: 'assignment',
  states: ASSIGNMENT_STATUSES,
  initial: 'pending_declaration',
  actions: {
    // Before seeing any content the evaluator declares on conflicts (Llei 40/2015 art. 23–24), once.
    declare_no_conflict: { from: ['pending_declaration'], to: 'in_progress' },
    declare_conflict: { from: ['pending_declaration'], to: 'conflict_declared' },
    // Submitting locks the sheet; an officer may reopen it while the call is being evaluated.
    submit: { from: ['in_progress'], to: 'submitted' },
    reopen: { from: ['submitted'], to: 'in_progress' },
  },
  editable: {},
});

export const ASSIGNMENT_ACTIONS = ASSIGNMENT_MACHINE.actions;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

/**
 * Whether score sheets of a call change (written, submitted, reopened): only while the call is being evaluated
 * (product.md: "An officer may reopen a submitted sheet, with a reason, while the call is being evaluated"). Once
 * the call has left evaluation (provisionally resolved and after) its sheets are part of the record.
 */
export function scoreSheetsChangeable(callStatus: string): boolean {
  return callStatus === 'evaluating';
}

/** Whether an officer may reopen this sheet: a submitted one, while its call is being evaluated. */
export function isSheetReopenable(callStatus: string, assignmentStatus: string): boolean {
  return scoreSheetsChangeable(callStatus) && ASSIGNMENT_MACHINE.can(assignmentStatus, 'reopen');
}

/**
 * The states in which an officer may remove an assignment: before its sheet is submitted. A declared conflict stays
 * (the committee minutes show it), and so does a submitted sheet.
 */
export const REMOVABLE_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = [
  'pending_declaration',
  'in_progress',
];

export function isAssignmentRemovable(status: string): boolean {
  return (REMOVABLE_ASSIGNMENT_STATUSES as readonly string[]).includes(status);
}

/** Whether the assignment counts towards an application's evaluators and an evaluator's load (not declined). */
export function countsAsEvaluator(status: string): boolean {
  return status !== 'conflict_declared';
}

/** The parts of an application a conflict of interest is judged on. */
export interface ConflictSubject {
  entityId: string;
  partnerEntityIds: readonly string[];
}

/**
 * The entities of `register` that make the evaluator conflicted on the application: its entity or one of its
 * partner entities (api.md). Empty when there is no conflict; in the application's order (entity, then partners).
 */
export function conflictingEntities(register: Iterable<string>, app: ConflictSubject): string[] {
  const listed = new Set(register);
  const out: string[] = [];
  for (const id of [app.entityId, ...app.partnerEntityIds]) {
    if (listed.has(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

export function hasConflictOfInterest(register: Iterable<string>, app: ConflictSubject): boolean {
  return conflictingEntities(register, app).length > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Automatic assignment

export interface PlanApplication extends ConflictSubject {
  id: string;
  /** Every evaluator already assigned to it, whatever the status (a declared conflict included): never again. */
  assigned: readonly string[];
  /** How many of those count (`countsAsEvaluator`): the application needs `perApplication` minus these. */
  active: number;
}

export interface PlanEvaluator {
  id: string;
  /** The entity ids of its register of interests. */
  interests: readonly string[];
  /** The assignments it already has in the call that count (`countsAsEvaluator`). */
  load: number;
}

export interface PlanInput {
  applications: readonly PlanApplication[];
  evaluators: readonly PlanEvaluator[];
  /** Evaluators every application must have (the call's `evaluatorsPerApplication` unless overridden), ≥ 1. */
  perApplication: number;
}

export interface PlannedAssignment {
  applicationId: string;
  evaluatorId: string;
}

export interface UncoveredApplication {
  applicationId: string;
  /** Evaluators it still needs. */
  needed: number;
  /** Evaluators who could still take it (not assigned yet, no conflict). */
  available: number;
}

export type AssignmentPlan =
  | {
      ok: true;
      /** The new assignments, by application id then evaluator id. */
      assignments: PlannedAssignment[];
      /** Every evaluator's load afterwards (existing + new). */
      loads: Record<string, number>;
    }
  | { ok: false; uncovered: UncoveredApplication[] };

/**
 * Tops every application up to `perApplication` distinct evaluators (product.md "Automatic assignment"):
 *
 * - never an evaluator already on the application, never one whose register lists its entity or a partner entity;
 * - all or nothing: when some application cannot be covered (fewer free, unconflicted evaluators than it needs)
 *   nothing is planned and those applications are named — evaluators have no capacity limit, so an application is
 *   coverable exactly when it alone is;
 * - loads as even as possible, counting what each evaluator already has in the call: among all the plans that cover
 *   every application, one that minimises the sum of the squares of the final loads. That plan also has the
 *   smallest possible maximum load, and whenever some plan leaves loads differing by at most one, it does too
 *   (the only integer vectors of a given sum with the least sum of squares are the ones whose values differ by at
 *   most one);
 * - deterministic: the same applications and evaluators, in any order, give the same plan.
 *
 * It is a minimum-cost flow (source → application, capacity its need; application → free evaluator, capacity 1;
 * evaluator → sink, the k-th new assignment costing its load + k), solved by successive shortest paths (Dijkstra
 * with potentials: every cost starts non-negative).
 */
export function planAssignments(input: PlanInput): AssignmentPlan {
  const perApplication = Math.max(1, Math.floor(input.perApplication));
  const byId = <T extends { id: string }>(list: readonly T[]) =>
    [...new Map(list.map((x) => [x.id, x])).values()].sort((a, b) =>
      a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
  const evaluators = byId(input.evaluators);
  const applications = byId(input.applications)
    .map((app) => {
      const taken = new Set(app.assigned);
      const free = evaluators
        .map((e, index) => ({ e, index }))
        .filter(({ e }) => !taken.has(e.id) && !hasConflictOfInterest(e.interests, app))
        .map(({ index }) => index);
      return { app, need: Math.max(0, perApplication - app.active), free };
    })
    .filter((x) => x.need > 0);

  const uncovered = applications
    .filter((x) => x.free.length < x.need)
    .map((x) => ({ applicationId: x.app.id, needed: x.need, available: x.free.length }));
  if (uncovered.length) return { ok: false, uncovered };

  const loads: Record<string, number> = {};
  for (const e of evaluators) loads[e.id] = e.load;
  if (!applications.length) return { ok: true, assignments: [], loads };

  const flow = new MinCostFlow(applications.length + evaluators.length + 2);
  const source = 0;
  const sink = applications.length + evaluators.length + 1;
  const evaluatorNode = (index: number) => applications.length + 1 + index;
  const offers = new Array<number>(evaluators.length).fill(0);
  const pairEdges: { edge: number; application: number; evaluator: number }[] = [];
  applications.forEach((x, i) => {
    flow.addEdge(source, i + 1, x.need, 0);
    for (const j of x.free) {
      pairEdges.push({ edge: flow.addEdge(i + 1, evaluatorNode(j), 1, 0), application: i, evaluator: j });
      offers[j]++;
    }
  });
  // The k-th new assignment of an evaluator costs its load + k: convex, so the flow fills the lightest first.
  evaluators.forEach((e, j) => {
    for (let k = 0; k < offers[j]; k++) flow.addEdge(evaluatorNode(j), sink, 1, Math.max(0, e.load) + k);
  });
  const total = applications.reduce((sum, x) => sum + x.need, 0);
  const sent = flow.run(source, sink, total);
  if (sent !== total) throw new Error('planAssignments: a coverable set of applications was not covered');

  const assignments = pairEdges
    .filter((p) => flow.flowOn(p.edge) > 0)
    .map((p) => ({
      applicationId: applications[p.application].app.id,
      evaluatorId: evaluators[p.evaluator].id,
    }))
    .sort((a, b) =>
      a.applicationId === b.applicationId
        ? a.evaluatorId.localeCompare(b.evaluatorId)
        : a.applicationId.localeCompare(b.applicationId),
    );
  for (const a of assignments) loads[a.evaluatorId]++;
  return { ok: true, assignments, loads };
}

/** max − min of the loads (0 for none): what "balanced" is measured by. */
export function loadSpread(loads: Record<string, number>): number {
  const values = Object.values(loads);
  return values.length ? Math.max(...values) - Math.min(...values) : 0;
}

/** A small minimum-cost flow on integer capacities and non-negative integer costs (successive shortest paths). */
class MinCostFlow {
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly adjacency: number[][];

  constructor(private readonly nodes: number) {
    this.adjacency = Array.from({ length: nodes }, () => []);
  }

  /** Adds an edge and its residual twin; returns the edge's index. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    const index = this.to.length;
    this.to.push(to, from);
    this.cap.push(capacity, 0);
    this.cost.push(cost, -cost);
    this.adjacency[from].push(index);
    this.adjacency[to].push(index + 1);
    return index;
  }

  /** The flow on an edge added by addEdge. */
  flowOn(edge: number): number {
    return this.cap[edge + 1];
  }

  /** Sends up to `limit` units from `source` to `sink` at the least cost; returns how many were sent. */
  run(source: number, sink: number, limit: number): number {
    const potential = new Array<number>(this.nodes).fill(0);
    const dist = new Array<number>(this.nodes);
    const via = new Array<number>(this.nodes);
    let sent = 0;
    while (sent < limit) {
      dist.fill(Infinity);
      via.fill(-1);
      dist[source] = 0;
      // Dijkstra on reduced costs with a binary heap of [distance, node]; ties go to the lowest node (determinism).
      const heap = new MinHeap();
      heap.push(0, source);
      for (let top = heap.pop(); top; top = heap.pop()) {
        const [d, u] = top;
        if (d > dist[u]) continue;
        for (const e of this.adjacency[u]) {
          if (this.cap[e] <= 0) continue;
          const v = this.to[e];
          const nd = d + this.cost[e] + potential[u] - potential[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            via[v] = e;
            heap.push(nd, v);
          }
        }
      }
      if (dist[sink] === Infinity) break;
      // Unreached nodes move by the farthest distance, so every residual edge keeps a non-negative reduced cost.
      let farthest = 0;
      for (const d of dist) if (d < Infinity && d > farthest) farthest = d;
      for (let v = 0; v < this.nodes; v++) potential[v] += dist[v] < Infinity ? dist[v] : farthest;
      let push = limit - sent;
      for (let v = sink; v !== source; v = this.to[via[v] ^ 1]) push = Math.min(push, this.cap[via[v]]);
      for (let v = sink; v !== source; v = this.to[via[v] ^ 1]) {
        this.cap[via[v]] -= push;
        this.cap[via[v] ^ 1] += push;
      }
      sent += push;
    }
    return sent;
  }
}

/** A binary min-heap of (key, node) pairs, ordered by key then node. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  private less(i: number, j: number): boolean {
    return this.keys[i] < this.keys[j] || (this.keys[i] === this.keys[j] && this.values[i] < this.values[j]);
  }

  private swap(i: number, j: number): void {
    [this.keys[i], this.keys[j]] = [this.keys[j], this.keys[i]];
    [this.values[i], this.values[j]] = [this.values[j], this.values[i]];
  }

  push(key: number, value: number): void {
    this.keys.push(key);
    this.values.push(value);
    for (let i = this.keys.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): [number, number] | undefined {
    if (!this.keys.length) return undefined;
    const top: [number, number] = [this.keys[0], this.values[0]];
    const lastKey = this.keys.pop() as number;
    const lastValue = this.values.pop() as number;
    if (this.keys.length) {
      this.keys[0] = lastKey;
      this.values[0] = lastValue;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
