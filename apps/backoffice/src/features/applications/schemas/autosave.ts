/**
 * Autosave of an application draft, without React: nothing typed is lost on a network error, a reload or someone
 * else's save.
 *
 * - Every change is kept at once in the browser's storage (with the server version it was based on), and sent
 *   `delayMs` after typing stops: a PATCH with `version` and only the field groups that changed and are valid.
 * - A network failure keeps the changes and retries with a growing delay (and as soon as the browser is online).
 * - 409 STALE_VERSION: the server's version is loaded and the local edits are re-applied on top of it (a three-way
 *   merge against what the edits started from), then saved again.
 * - On load, changes kept in storage that are newer than the server's `updatedAt` are restored (and merged the same
 *   way when the server moved on meanwhile).
 */
import { isApiError } from '../../../api/problem';
import type { Application, UpdateApplicationRequest } from '../../../api/types';
import {
  FIELD_GROUPS,
  groupPayload,
  type ApplicationFormValues,
  type FieldErrors,
  type FieldGroup,
} from './application-form';

// ---------------------------------------------------------------------------------------------------------------
// Merging

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/**
 * Re-applies local edits (`local` against `base`, what they started from) on top of `server`. Objects merge key by
 * key; arrays and plain values are atomic (the API replaces arrays whole). Where both changed the same value, the
 * local edit wins: it is what the person is looking at.
 */
export function mergeEdits<T>(base: T, local: T, server: T): T {
  if (deepEqual(local, base)) return server;
  if (deepEqual(server, base) || deepEqual(server, local)) return local;
  if (isPlainObject(base) && isPlainObject(local) && isPlainObject(server)) {
    const out: Record<string, unknown> = {};
    const keys = new Set([...Object.keys(base), ...Object.keys(local), ...Object.keys(server)]);
    for (const k of keys) out[k] = mergeEdits(base[k], local[k], server[k]);
    return out as T;
  }
  return local;
}

// ---------------------------------------------------------------------------------------------------------------
// What to send

export interface SavePlan {
  /** The PATCH body without `version`; empty when nothing valid changed. */
  body: Omit<UpdateApplicationRequest, 'version'>;
  /** Groups sent, or equal to the saved ones once normalised (e.g. "10,5" against "10,50"). */
  groups: FieldGroup[];
  /** Changed groups that cannot be sent yet, with their errors. */
  invalid: FieldGroup[];
  errors: FieldErrors;
}

/** The groups of `values` that differ from `base` (what the server has), split into sendable and not yet. */
export function planSave(values: ApplicationFormValues, base: ApplicationFormValues): SavePlan {
  const plan: SavePlan = { body: {}, groups: [], invalid: [], errors: {} };
  for (const group of FIELD_GROUPS) {
    if (deepEqual(values[group], base[group])) continue;
    const next = groupPayload(group, values);
    if (!next.ok) {
      plan.invalid.push(group);
      Object.assign(plan.errors, next.errors);
      continue;
    }
    plan.groups.push(group);
    const before = groupPayload(group, base);
    if (before.ok && deepEqual(before.body, next.body)) continue;
    Object.assign(plan.body, next.body);
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------------------------
// Storage

export interface StoredDraft {
  applicationId: string;
  /** The server version the edits started from. */
  baseVersion: number;
  /** When the person last typed (ISO). */
  editedAt: string;
  values: ApplicationFormValues;
  /** The server's values the edits started from (for the merge). */
  base: ApplicationFormValues;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY_PREFIX = 'cofinanca.application-draft.';

export function draftKey(applicationId: string): string {
  return `${KEY_PREFIX}${applicationId}`;
}

export function loadDraft(storage: KeyValueStorage | null, applicationId: string): StoredDraft | null {
  try {
    const raw = storage?.getItem(draftKey(applicationId));
    if (!raw) return null;
    const draft = JSON.parse(raw) as StoredDraft;
    return draft.applicationId === applicationId && draft.values && draft.base ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(storage: KeyValueStorage | null, draft: StoredDraft): void {
  try {
    storage?.setItem(draftKey(draft.applicationId), JSON.stringify(draft));
  } catch {
    // A full or unavailable storage: the edits still live in memory and are being saved.
  }
}

export function clearDraft(storage: KeyValueStorage | null, applicationId: string): void {
  try {
    storage?.removeItem(draftKey(applicationId));
  } catch {
    // Nothing to do.
  }
}

/** The browser's localStorage, or null where it is unavailable. */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

export interface Restored {
  values: ApplicationFormValues;
  base: ApplicationFormValues;
  /** When the restored edits were typed; null when nothing was restored. */
  restoredFrom: string | null;
}

/**
 * The form's starting point: the server's values, or the stored edits when they are newer than the server's last
 * change (re-applied on top of the server's values when the server moved on since they started).
 */
export function restoreDraft(
  stored: StoredDraft | null,
  server: { version: number; updatedAt: string },
  serverValues: ApplicationFormValues,
): Restored {
  const fresh = { values: serverValues, base: serverValues, restoredFrom: null };
  if (!stored) return fresh;
  if (Date.parse(stored.editedAt) <= Date.parse(server.updatedAt)) return fresh;
  if (deepEqual(stored.values, stored.base)) return fresh;
  const values =
    stored.baseVersion === server.version
      ? stored.values
      : mergeEdits(stored.base, stored.values, serverValues);
  if (deepEqual(values, serverValues)) return fresh;
  return { values, base: serverValues, restoredFrom: stored.editedAt };
}

// ---------------------------------------------------------------------------------------------------------------
// The controller

export type AutosaveStatus =
  /** Nothing to save. */
  | 'idle'
  /** Changes waiting for the pause in typing. */
  | 'dirty'
  | 'saving'
  | 'saved'
  /** The last attempt failed for the network or the server: it will be retried. */
  | 'retrying'
  /** The server refused the data (400): fixed by the next change. */
  | 'failed'
  /** The application can no longer be edited (submitted, deleted…): nothing more is sent. */
  | 'locked';

export interface AutosaveState {
  values: ApplicationFormValues;
  status: AutosaveStatus;
  /** The last successful save. */
  savedAt: Date | null;
  /** The application as the server last sent it. */
  application: Application;
  /** Changed groups that are not valid yet (kept locally until they are). */
  pendingErrors: FieldErrors;
  /** The last error answer (400 field errors, or the network failure being retried). */
  error: unknown;
  /** Set when stored edits were restored on load (when they were typed). */
  restoredFrom: string | null;
  /** Set when someone else's save was loaded and the local edits were re-applied on top of it. */
  rebasedAt: Date | null;
  /** True while something typed is not on the server yet. */
  unsaved: boolean;
}

export interface AutosaveOptions {
  application: Application;
  toValues: (app: Application) => ApplicationFormValues;
  save: (id: string, body: UpdateApplicationRequest) => Promise<Application>;
  load: (id: string) => Promise<Application>;
  storage?: KeyValueStorage | null;
  delayMs?: number;
  retryDelaysMs?: readonly number[];
  now?: () => Date;
  /** Told when the application turned out not to be editable any more. */
  onLocked?: (error: unknown) => void;
}

const DEFAULT_RETRY_DELAYS = [2_000, 5_000, 10_000, 30_000];
const MAX_CONFLICT_ROUNDS = 3;

function isRetryable(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

export class AutosaveController {
  private state: AutosaveState;
  private base: ApplicationFormValues;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private attempts = 0;
  private conflicts = 0;
  private disposed = false;
  private readonly opts: Required<Omit<AutosaveOptions, 'onLocked' | 'storage'>> &
    Pick<AutosaveOptions, 'onLocked'> & { storage: KeyValueStorage | null };

  constructor(options: AutosaveOptions) {
    this.opts = {
      delayMs: 1_500,
      retryDelaysMs: DEFAULT_RETRY_DELAYS,
      now: () => new Date(),
      ...options,
      storage: options.storage === undefined ? browserStorage() : options.storage,
    };
    const app = options.application;
    const serverValues = options.toValues(app);
    const restored = restoreDraft(loadDraft(this.opts.storage, app.id), app, serverValues);
    this.base = restored.base;
    this.state = {
      values: restored.values,
      status: 'idle',
      savedAt: null,
      application: app,
      pendingErrors: {},
      error: null,
      restoredFrom: restored.restoredFrom,
      rebasedAt: null,
      unsaved: false,
    };
    if (restored.restoredFrom) {
      this.persist();
      this.refreshPending('dirty');
      this.schedule(0);
    } else {
      clearDraft(this.opts.storage, app.id);
    }
  }

  getState = (): AutosaveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A change typed by the person. */
  setValues(values: ApplicationFormValues): void {
    if (this.disposed || this.state.status === 'locked') return;
    this.set({ values });
    this.persist();
    this.refreshPending('dirty');
    this.attempts = 0;
    this.schedule(this.opts.delayMs);
  }

  update(mutate: (values: ApplicationFormValues) => ApplicationFormValues): void {
    this.setValues(mutate(this.state.values));
  }

  /** Saves now (e.g. before submitting, or when the browser comes back online); resolves once settled. */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    await this.run();
  }

  /** The network is back: retry at once. */
  retryNow(): void {
    if (this.state.status === 'retrying') void this.flush();
  }

  /** Forget the stored edits of this application (after it is deleted or submitted). */
  discardStored(): void {
    clearDraft(this.opts.storage, this.state.application.id);
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.listeners.clear();
  }

  // -------------------------------------------------------------------------------------------------------------

  private set(patch: Partial<AutosaveState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private persist(): void {
    const { application, values } = this.state;
    if (deepEqual(values, this.base)) {
      clearDraft(this.opts.storage, application.id);
      return;
    }
    saveDraft(this.opts.storage, {
      applicationId: application.id,
      baseVersion: application.version,
      editedAt: this.opts.now().toISOString(),
      values,
      base: this.base,
    });
  }

  /** Recomputes what is unsaved and which changed groups are invalid. */
  private refreshPending(status?: AutosaveStatus): SavePlan {
    const plan = planSave(this.state.values, this.base);
    const unsaved = plan.groups.length > 0 || plan.invalid.length > 0;
    this.set({ pendingErrors: plan.errors, unsaved, ...(status ? { status } : {}) });
    return plan;
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number): void {
    this.clearTimer();
    if (this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  private run(): Promise<void> {
    if (this.inFlight) {
      // Saved again once the request in flight settles.
      return this.inFlight.then(() => this.run());
    }
    const promise = this.saveOnce().finally(() => {
      if (this.inFlight === promise) this.inFlight = null;
    });
    this.inFlight = promise;
    return promise;
  }

  private async saveOnce(): Promise<void> {
    if (this.disposed || this.state.status === 'locked') return;
    const snapshot = this.state.values;
    const plan = planSave(snapshot, this.base);
    if (plan.groups.length === 0) {
      this.set({
        pendingErrors: plan.errors,
        unsaved: plan.invalid.length > 0,
        status: this.state.savedAt ? 'saved' : 'idle',
      });
      return;
    }
    const sendable = Object.keys(plan.body).length > 0;
    if (!sendable) {
      // Only normalisation differences: adopt them as saved.
      this.adopt(snapshot, plan.groups);
      this.afterSave(this.state.application, false);
      return;
    }
    this.set({ status: 'saving' });
    const application = this.state.application;
    try {
      const saved = await this.opts.save(application.id, { ...plan.body, version: application.version });
      if (this.disposed) return;
      this.attempts = 0;
      this.conflicts = 0;
      this.adopt(snapshot, plan.groups);
      this.afterSave(saved, true);
    } catch (error) {
      if (this.disposed) return;
      await this.handleError(error);
    }
  }

  /** The sent groups of `snapshot` are now what the server has. */
  private adopt(snapshot: ApplicationFormValues, groups: FieldGroup[]): void {
    const base = { ...this.base } as Record<FieldGroup, unknown>;
    for (const g of groups) base[g] = snapshot[g];
    this.base = base as ApplicationFormValues;
  }

  private afterSave(application: Application, sent: boolean): void {
    this.set({
      application,
      savedAt: sent ? this.opts.now() : this.state.savedAt,
      error: null,
      status: 'saved',
    });
    this.persist();
    const next = this.refreshPending();
    // Typed while saving: save that too.
    if (next.groups.length > 0) this.schedule(this.opts.delayMs);
  }

  private async handleError(error: unknown): Promise<void> {
    if (isApiError(error) && error.code === 'STALE_VERSION' && this.conflicts < MAX_CONFLICT_ROUNDS) {
      this.conflicts += 1;
      try {
        const server = await this.opts.load(this.state.application.id);
        if (this.disposed) return;
        const serverValues = this.opts.toValues(server);
        const values = mergeEdits(this.base, this.state.values, serverValues);
        this.base = serverValues;
        this.set({ application: server, values, rebasedAt: this.opts.now() });
        this.persist();
        this.refreshPending('dirty');
        this.schedule(0);
      } catch (loadError) {
        this.retryLater(loadError);
      }
      return;
    }
    if (
      isApiError(error) &&
      (error.code === 'INVALID_STATE' || error.status === 404 || error.status === 403)
    ) {
      this.clearTimer();
      this.set({ status: 'locked', error });
      this.opts.onLocked?.(error);
      return;
    }
    if (isRetryable(error)) {
      this.retryLater(error);
      return;
    }
    this.set({ status: 'failed', error });
  }

  private retryLater(error: unknown): void {
    const delays = this.opts.retryDelaysMs;
    const delay = delays[Math.min(this.attempts, delays.length - 1)];
    this.attempts += 1;
    this.set({ status: 'retrying', error });
    this.schedule(delay);
  }
}
