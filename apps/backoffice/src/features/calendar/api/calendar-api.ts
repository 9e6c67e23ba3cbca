import { api } from '../../../api/client';
import type {
  BusinessDaysQuery,
  BusinessDaysResult,
  CreateHolidayRequest,
  Holiday,
} from '../../../api/types';

export const calendarApi = {
  holidays: (year: number) => api.get<Holiday[]>('/calendar/holidays', { year }),
  createHoliday: (body: CreateHolidayRequest) => api.post<Holiday>('/calendar/holidays', body),
  deleteHoliday: (id: string) => api.delete(`/calendar/holidays/${encodeURIComponent(id)}`),
  businessDays: (query: BusinessDaysQuery) =>
    api.get<BusinessDaysResult>('/calendar/business-days', { ...query }),
};
