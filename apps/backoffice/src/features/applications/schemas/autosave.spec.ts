import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/problem';
import type { Application, UpdateApplicationRequest } from '../../../api/types';
import { toFormValues, type ApplicationFormValues } from './application-form';
import {
  AutosaveController,
  draftKey,
  loadDraft,
  mergeEdits,
  planSave,
  restoreDraft,
  type KeyValueStorage,
} from './autosave';
import { makeApplication } from './fixtures.spec-helper';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const toValues = (app: Application) => toFormValues(app, ',');

describe('mergeEdits', () => {
  const base = { a: 1, b: { x: 1, y: 1 }, list: [1, 2] };

  it('keeps both sides when they changed different values', () => {
    const local = { ...base, a: 2, b: { x: 1, y: 5 } };
    const server = { ...base, b: { x: 9, y: 1 }, list: [3] };
    expect(mergeEdits(base, local, server)).toEqual({ a: 2, b: { x: 9, y: 5 }, list: [3] });
  });

  it('lets the local edit win on the same value and treats arrays whole', () => {
    const local = { ...base, a: 3, list: [1, 2, 4] };
    const server = { ...base, a: 7, list: [1] };
    expect(mergeEdits(base, local, server)).toEqual({ ...base, a: 3, list: [1, 2, 4] });
  });

  it('takes the server when nothing was edited locally', () => {
    const server = { ...base, a: 8 };
    expect(mergeEdits(base, base, server)).toBe(server);
  });
});

describe('planSave', () => {
  it('sends only the changed, valid groups and holds back invalid ones', () => {
    const base = toValues(makeApplication());
    const values: ApplicationFormValues = structuredClone(base);
    values.title = 'Nou títol';
    values.ownContribution = '2000,0'; // the same amount, typed differently
    values.cofunding.push({ funder: '', amount: '10', status: 'requested' });
    const plan = planSave(values, base);
    expect(plan.body).toEqual({ title: 'Nou títol' });
    expect(plan.groups).toEqual(['title', 'ownContribution']);
    expect(plan.invalid).toEqual(['cofunding']);
    expect(plan.errors).toEqual({ 'cofunding[1].funder': 'validation.required' });
  });
});

describe('restoreDraft', () => {
  const app = makeApplication({ version: 2, updatedAt: '2026-03-02T10:00:00Z' });
  const server = toValues(app);

  it('restores stored edits newer than the server', () => {
    const values = { ...server, title: 'Canvi sense desar' };
    const restored = restoreDraft(
      { applicationId: app.id, baseVersion: 2, editedAt: '2026-03-02T10:05:00Z', values, base: server },
      app,
      server,
    );
    expect(restored).toEqual({ values, base: server, restoredFrom: '2026-03-02T10:05:00Z' });
  });

  it('ignores stored edits older than the server’s last change', () => {
    const values = { ...server, title: 'Vell' };
    const restored = restoreDraft(
      { applicationId: app.id, baseVersion: 1, editedAt: '2026-03-02T09:00:00Z', values, base: server },
      app,
      server,
    );
    expect(restored.restoredFrom).toBeNull();
    expect(restored.values).toBe(server);
  });

  it('re-applies stored edits on top of a newer server version', () => {
    const oldBase = { ...server, summary: 'Resum antic' };
    const values = { ...oldBase, title: 'El meu títol' };
    const restored = restoreDraft(
      { applicationId: app.id, baseVersion: 1, editedAt: '2026-03-02T10:05:00Z', values, base: oldBase },
      app,
      server,
    );
    expect(restored.values.title).toBe('El meu títol');
    expect(restored.values.summary).toBe(server.summary);
  });
});

describe('AutosaveController', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-03-02T10:10:00Z') }));
  afterEach(() => vi.useRealTimers());

  function setup(
    save: (id: string, body: UpdateApplicationRequest) => Promise<Application>,
    load = vi.fn(async () => makeApplication()),
    storage = memoryStorage(),
    application = makeApplication(),
  ) {
    const controller = new AutosaveController({
      application,
      toValues,
      save,
      load,
      storage,
      delayMs: 1500,
      retryDelaysMs: [2000, 5000],
    });
    return { controller, storage, load };
  }

  it('saves 1.5 s after typing stops, with the version, and then forgets the stored copy', async () => {
    const save = vi.fn(async (_id: string, body: UpdateApplicationRequest) =>
      makeApplication({ title: body.title, version: 2 }),
    );
    const { controller, storage } = setup(save);
    controller.update((v) => ({ ...v, title: 'A' }));
    controller.update((v) => ({ ...v, title: 'Ab' }));
    expect(storage.data.has(draftKey('app-1'))).toBe(true);
    expect(controller.getState()).toMatchObject({ status: 'dirty', unsaved: true });
    await vi.advanceTimersByTimeAsync(1400);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('app-1', { title: 'Ab', version: 1 });
    expect(controller.getState()).toMatchObject({ status: 'saved', unsaved: false });
    expect(controller.getState().savedAt).toBeInstanceOf(Date);
    expect(storage.data.has(draftKey('app-1'))).toBe(false);
  });

  it('keeps the edits and retries after a network failure', async () => {
    const save = vi
      .fn<(id: string, body: UpdateApplicationRequest) => Promise<Application>>()
      .mockRejectedValueOnce(new ApiError(0, { detail: 'Failed to fetch' }))
      .mockResolvedValueOnce(makeApplication({ title: 'Offline', version: 2 }));
    const { controller, storage } = setup(save);
    controller.update((v) => ({ ...v, title: 'Offline' }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(controller.getState().status).toBe('retrying');
    expect(loadDraft(storage, 'app-1')?.values.title).toBe('Offline');
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(controller.getState().status).toBe('saved');
  });

  it('on 409 STALE_VERSION reloads the server version and re-applies the local edits', async () => {
    const server = makeApplication({
      summary: 'Canviat per una companya',
      version: 5,
      updatedAt: '2026-03-02T10:09:00Z',
    });
    const save = vi
      .fn<(id: string, body: UpdateApplicationRequest) => Promise<Application>>()
      .mockRejectedValueOnce(new ApiError(409, { code: 'STALE_VERSION' }))
      .mockImplementationOnce(async (_id, body) => ({ ...server, title: body.title ?? null, version: 6 }));
    const load = vi.fn(async () => server);
    const { controller } = setup(save, load);
    controller.update((v) => ({ ...v, title: 'El meu títol' }));
    await vi.advanceTimersByTimeAsync(1500);
    await vi.advanceTimersByTimeAsync(10);
    expect(load).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('app-1', { title: 'El meu títol', version: 5 });
    const state = controller.getState();
    expect(state.values.title).toBe('El meu títol');
    expect(state.values.summary).toBe('Canviat per una companya');
    expect(state.rebasedAt).not.toBeNull();
    expect(state.status).toBe('saved');
  });

  it('does not send a half-typed row but keeps it stored and reports it', async () => {
    const save = vi.fn(async () => makeApplication({ version: 2 }));
    const { controller, storage } = setup(save);
    controller.update((v) => ({
      ...v,
      cofunding: [...v.cofunding, { funder: 'Diputació', amount: '', status: 'requested' }],
    }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(save).not.toHaveBeenCalled();
    expect(controller.getState().pendingErrors).toEqual({ 'cofunding[1].amount': 'validation.required' });
    expect(controller.getState().unsaved).toBe(true);
    expect(loadDraft(storage, 'app-1')?.values.cofunding).toHaveLength(2);
  });

  it('restores what was typed before a reload and saves it', async () => {
    const storage = memoryStorage();
    const app = makeApplication();
    const typed = { ...toValues(app), summary: 'Escrit abans de recarregar' };
    storage.setItem(
      draftKey(app.id),
      JSON.stringify({
        applicationId: app.id,
        baseVersion: 1,
        editedAt: '2026-03-02T10:08:00Z',
        values: typed,
        base: toValues(app),
      }),
    );
    const save = vi.fn(async () => makeApplication({ summary: 'Escrit abans de recarregar', version: 2 }));
    const { controller } = setup(save, undefined, storage, app);
    expect(controller.getState().restoredFrom).toBe('2026-03-02T10:08:00Z');
    expect(controller.getState().values.summary).toBe('Escrit abans de recarregar');
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledWith('app-1', { summary: 'Escrit abans de recarregar', version: 1 });
  });

  it('stops when the application is no longer editable', async () => {
    const save = vi.fn(async () => {
      throw new ApiError(409, { code: 'INVALID_STATE' });
    });
    const onLocked = vi.fn();
    const controller = new AutosaveController({
      application: makeApplication(),
      toValues,
      save,
      load: vi.fn(),
      storage: memoryStorage(),
      onLocked,
    });
    controller.update((v) => ({ ...v, title: 'x' }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(controller.getState().status).toBe('locked');
    expect(onLocked).toHaveBeenCalled();
    controller.update((v) => ({ ...v, title: 'y' }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flush() saves at once (before submitting)', async () => {
    const save = vi.fn(async () => makeApplication({ title: 'Ara', version: 2 }));
    const { controller } = setup(save);
    controller.update((v) => ({ ...v, title: 'Ara' }));
    await controller.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(controller.getState().unsaved).toBe(false);
  });
});
