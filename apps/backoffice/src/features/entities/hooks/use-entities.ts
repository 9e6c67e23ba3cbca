import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import type { AuditQuery, Entity, EntityListQuery, UpdateEntityRequest } from '../../../api/types';
import { entitiesApi } from '../api/entities-api';

export function useEntities(query: EntityListQuery) {
  return useQuery({
    queryKey: queryKeys.entities.list(query),
    queryFn: () => entitiesApi.list(query),
    placeholderData: keepPreviousData,
  });
}

export function useEntity(id: string) {
  return useQuery({ queryKey: queryKeys.entities.detail(id), queryFn: () => entitiesApi.get(id) });
}

export function useEntityMembers(id: string) {
  return useQuery({ queryKey: queryKeys.entities.members(id), queryFn: () => entitiesApi.members(id) });
}

/** The audit events of one entity, newest first. */
export function useEntityHistory(id: string, page: number, pageSize = 10) {
  const query: AuditQuery = { subjectType: 'entity', subjectId: id, page, pageSize };
  return useQuery({
    queryKey: queryKeys.audit.list(query),
    queryFn: () => entitiesApi.history(query),
    placeholderData: keepPreviousData,
  });
}

export type EntityAction = 'validate' | 'reject' | 'suspend' | 'reactivate' | 'validateIban';

/** A status change of an entity; the answer replaces the cached profile and the lists and history reload. */
export function useEntityAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: EntityAction; reason?: string }): Promise<Entity> => {
      switch (action) {
        case 'validate':
          return entitiesApi.validate(id);
        case 'reject':
          return entitiesApi.reject(id, reason ?? '');
        case 'suspend':
          return entitiesApi.suspend(id, reason ?? '');
        case 'reactivate':
          return entitiesApi.reactivate(id);
        case 'validateIban':
          return entitiesApi.validateIban(id);
      }
    },
    onSuccess: (entity) => {
      queryClient.setQueryData(queryKeys.entities.detail(id), entity);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.entities.all, 'list'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
    },
  });
}

export function useUpdateEntity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEntityRequest) => entitiesApi.update(id, body),
    onSuccess: (entity) => {
      queryClient.setQueryData(queryKeys.entities.detail(id), entity);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.entities.all, 'list'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
    },
  });
}
