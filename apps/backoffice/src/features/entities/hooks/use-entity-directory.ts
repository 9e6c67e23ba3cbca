import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { queryKeys } from '../../../api/query-keys';
import { entitiesApi } from '../api/entities-api';

/** An entry of the entity directory: an active entity other than one's own (id, legal name and town). */
export type DirectoryEntity = Awaited<ReturnType<typeof entitiesApi.directorySearch>>['items'][number];

/** The shortest search the API accepts. */
export const DIRECTORY_MIN_CHARS = 2;
/** The most ids the API looks up at once (also the most partners an application may name). */
const MAX_IDS = 20;

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * A debounced search of the directory by part of the legal name. `settled` is true once the answer shown is the one
 * for what is typed now (not a previous term's, nor waiting for the pause in typing): the time to announce it.
 */
export function useEntityDirectorySearch(term: string, delayMs = 300) {
  const typed = term.trim();
  const q = useDebouncedValue(typed, delayMs);
  const active = q.length >= DIRECTORY_MIN_CHARS;
  const query = useQuery({
    queryKey: queryKeys.entities.directorySearch(q),
    queryFn: () => entitiesApi.directorySearch(q),
    enabled: active,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const current = active && typed === q;
  return {
    query,
    /** The results to show (none for a search too short). */
    items: active ? (query.data?.items ?? []) : [],
    active: typed.length >= DIRECTORY_MIN_CHARS,
    settled: current && query.isSuccess && !query.isPlaceholderData && !query.isFetching,
    failed: current && query.isError,
  };
}

/**
 * The directory entries of chosen partners (looked up by id), by id. Entities that are no longer active (or are the
 * caller's own) are not returned: they are missing from the map once `query.isSuccess`.
 */
export function useDirectoryEntities(ids: readonly string[]) {
  const wanted = useMemo(() => [...new Set(ids)].slice(0, MAX_IDS), [ids]);
  const query = useQuery({
    queryKey: queryKeys.entities.directoryByIds(wanted),
    queryFn: () => entitiesApi.directoryByIds(wanted),
    enabled: wanted.length > 0,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  const byId = useMemo(
    () => new Map<string, DirectoryEntity>((query.data?.items ?? []).map((e) => [e.id, e])),
    [query.data],
  );
  return { byId, query };
}
