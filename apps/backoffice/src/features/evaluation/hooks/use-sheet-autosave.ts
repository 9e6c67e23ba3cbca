import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../api/problem';
import { queryKeys } from '../../../api/query-keys';
import type { ScoreSheet } from '../../../api/types';
import { evaluationApi } from '../api/evaluation-api';
import { sameLines, toSheetRequest, type SheetLine } from '../schemas/score-sheet';

export type SaveState = 'saved' | 'pending' | 'saving' | 'offline' | 'error';

const DELAY_MS = 800;
const RETRY_MS = 5000;
const storageKey = (id: string) => `cofinanca.sheet.${id}`;

function readStored(id: string): SheetLine[] | null {
  try {
    const raw = window.localStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as { lines: SheetLine[] }).lines : null;
  } catch {
    return null;
  }
}

function writeStored(id: string, lines: SheetLine[] | null) {
  try {
    if (lines) window.localStorage.setItem(storageKey(id), JSON.stringify({ lines }));
    else window.localStorage.removeItem(storageKey(id));
  } catch {
    // Storage may be unavailable (private mode): the sheet is then saved to the server only.
  }
}

/**
 * The draft of a score sheet, saved on every change: kept at once in the browser's storage (a closed tab or a lost
 * connection loses nothing; it comes back on the next visit), sent to the API `DELAY_MS` after typing stops with
 * the `version` read. A 409 STALE_VERSION (the sheet saved in another tab) reads the current version and sends the
 * lines again on top of it: the lines typed here win, nothing is lost. A network failure retries.
 */
export function useSheetAutosave(sheet: ScoreSheet, initial: SheetLine[], maxOf: (code: string) => number) {
  const queryClient = useQueryClient();
  const id = sheet.assignmentId;
  const [lines, setLinesState] = useState<SheetLine[]>(() => {
    const stored = sheet.status === 'in_progress' ? readStored(id) : null;
    return stored && stored.length === initial.length ? stored : initial;
  });
  const [state, setState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState<string | null>(sheet.updatedAt);
  const [rebased, setRebased] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const version = useRef(sheet.version);
  const saved = useRef<SheetLine[]>(initial);
  const latest = useRef(lines);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void> | null>(null);
  const maxRef = useRef(maxOf);
  maxRef.current = maxOf;

  const save = useCallback(async (): Promise<void> => {
    if (running.current) {
      await running.current;
    }
    const sending = latest.current;
    if (sameLines(sending, saved.current)) {
      setState('saved');
      return;
    }
    const run = (async (): Promise<boolean> => {
      setState('saving');
      try {
        const answer = await evaluationApi.saveSheet(
          id,
          toSheetRequest(sending, version.current, maxRef.current),
        );
        version.current = answer.version;
        saved.current = sending;
        setSavedAt(answer.updatedAt);
        setError(null);
        queryClient.setQueryData(queryKeys.evaluation.sheet(id), answer);
        if (sameLines(latest.current, sending)) {
          writeStored(id, null);
          setState('saved');
        } else {
          setState('pending');
        }
        return true;
      } catch (e) {
        if (isApiError(e) && e.code === 'STALE_VERSION') {
          // Saved in another tab: rebase the lines typed here on the current version, and send them again.
          const current = await evaluationApi.sheet(id);
          version.current = current.version;
          setRebased(true);
          setState('pending');
          timer.current = setTimeout(() => void save(), 0);
          return false;
        }
        setError(e);
        if (!isApiError(e) || e.status === 0 || e.status >= 500) {
          setState('offline');
          timer.current = setTimeout(() => void save(), RETRY_MS);
        } else {
          setState('error');
        }
        return false;
      }
    })();
    running.current = run.then(() => undefined);
    const ok = await run;
    running.current = null;
    // Typed while it was saving: save again after the pause.
    if (ok && !sameLines(latest.current, saved.current)) {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), DELAY_MS);
    }
  }, [id, queryClient]);

  const setLines = (next: SheetLine[]) => {
    latest.current = next;
    setLinesState(next);
    writeStored(id, next);
    setState('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DELAY_MS);
  };

  // Lines restored from the browser's storage are sent at once.
  useEffect(() => {
    if (!sameLines(latest.current, saved.current)) void save();
    const online = () => void save();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      clearTimeout(timer.current);
    };
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Saves what is pending now (before a submission). */
  const flush = async () => {
    clearTimeout(timer.current);
    await save();
    return sameLines(latest.current, saved.current);
  };

  return { lines, setLines, state, savedAt, rebased, error, flush };
}
