import { client, unwrap } from '../../../api/client';
import type { BusinessDaysQuery, CreateHolidayRequest, ImportHolidaysRequest } from '../../../api/types';

export const calendarApi = {
  holidays: (year: number) =>
    unwrap(client.GET('/api/v1/calendar/holidays', { params: { query: { year } } })),
  createHoliday: (body: CreateHolidayRequest) => unwrap(client.POST('/api/v1/calendar/holidays', { body })),
  importHolidays: (body: ImportHolidaysRequest) =>
    unwrap(client.POST('/api/v1/calendar/holidays/import', { body })),
  status: () => unwrap(client.GET('/api/v1/calendar/status')),
  deleteHoliday: (id: string) =>
    unwrap(client.DELETE('/api/v1/calendar/holidays/{id}', { params: { path: { id } } })),
  businessDays: (query: BusinessDaysQuery) =>
    unwrap(client.GET('/api/v1/calendar/business-days', { params: { query } })),
};
