import type { TemplateSet } from './types';

/** E-mails of the calendar: parameters per template. */
export interface CalendarTemplateParams {
  /** To every active admin, once per year, from 1 October, while next year's holiday calendar is empty. */
  calendar_missing: { name: string; year: number; link: string };
}

export const CALENDAR_TEMPLATES: TemplateSet<CalendarTemplateParams> = {
  calendar_missing: {
    ca: (p) => ({
      subject: `Falta el calendari de festius del ${p.year}`,
      text: `Hola, ${p.name}:\n\nEncara no s'han introduït els festius del ${p.year}. Sense aquest calendari, Cofinança no pot calcular cap termini en dies hàbils que arribi al ${p.year} (per exemple, els requeriments d'esmena) i els refusa.\n\nPodeu introduir tots els festius de l'any alhora (enganxant-los o pujant un CSV) a:\n\n${p.link}`,
    }),
    es: (p) => ({
      subject: `Falta el calendario de festivos de ${p.year}`,
      text: `Hola, ${p.name}:\n\nTodavía no se han introducido los festivos de ${p.year}. Sin este calendario, Cofinança no puede calcular ningún plazo en días hábiles que llegue a ${p.year} (por ejemplo, los requerimientos de subsanación) y los rechaza.\n\nPuede introducir todos los festivos del año a la vez (pegándolos o subiendo un CSV) en:\n\n${p.link}`,
    }),
    en: (p) => ({
      subject: `The ${p.year} holiday calendar is missing`,
      text: `Hello ${p.name},\n\nThe holidays of ${p.year} have not been entered yet. Without that calendar, Cofinança cannot compute any deadline in business days that reaches ${p.year} (correction requests, for instance) and refuses them.\n\nYou can enter all the holidays of the year at once (paste them or upload a CSV) at:\n\n${p.link}`,
    }),
  },
};
