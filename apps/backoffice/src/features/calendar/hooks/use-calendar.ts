import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import type { BusinessDaysQuery, CreateHolidayRequest, ImportHolidaysRequest } from '../../../api/types';
import { calendarApi } from '../api/calendar-api';

export function useHolidays(year: number) {
  return useQuery({ queryKey: queryKeys.holidays.year(year), queryFn: () => calendarApi.holidays(year) });
}

export function useCreateHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHolidayRequest) => calendarApi.createHoliday(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.holidays.all }),
  });
}

/** Where the calendar stands on the server's today: the year to warn about (next year, from 1 October). */
export function useCalendarStatus(enabled = true) {
  return useQuery({ queryKey: queryKeys.holidays.status, queryFn: () => calendarApi.status(), enabled });
}

export function useImportHolidays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportHolidaysRequest) => calendarApi.importHolidays(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.holidays.all }),
  });
}

export function useDeleteHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => calendarApi.deleteHoliday(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.holidays.all }),
  });
}

/** A one-off computation, so a mutation (it runs when the person asks, not on every keystroke). */
export function useBusinessDays() {
  return useMutation({ mutationFn: (query: BusinessDaysQuery) => calendarApi.businessDays(query) });
}
