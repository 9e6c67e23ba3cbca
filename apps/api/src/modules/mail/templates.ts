/**
 * E-mail templates in Catalan (default), Spanish and English. Each renders a subject and a plain-text body.
 */
import { isLocale, type Locale } from '@cofinanca/contracts';
import { APPLICATIONS_TEMPLATES, type ApplicationTemplateParams } from './templates/applications.templates';
import { CALENDAR_TEMPLATES, type CalendarTemplateParams } from './templates/calendar.templates';
import { CALLS_TEMPLATES, type CallTemplateParams } from './templates/calls.templates';
import { ENTITIES_TEMPLATES, type EntityTemplateParams } from './templates/entities.templates';
import { EVALUATION_TEMPLATES, type EvaluationTemplateParams } from './templates/evaluation.templates';
import { SCORING_TEMPLATES, type ScoringTemplateParams } from './templates/scoring.templates';
import type { Renderer, TemplateSet } from './templates/types';

interface PlatformTemplateParams {
  invitation: { name: string; link: string; days: number };
  password_reset: { name: string; link: string; minutes: number };
  password_changed: { name: string };
}

/** Every template and its parameters: the platform's here, each feature's in templates/<feature>.templates.ts. */
export interface TemplateParams
  extends
    PlatformTemplateParams,
    EntityTemplateParams,
    CallTemplateParams,
    ApplicationTemplateParams,
    CalendarTemplateParams,
    EvaluationTemplateParams,
    ScoringTemplateParams {}
export type TemplateName = keyof TemplateParams;

const SIGNATURE: Record<Locale, string> = {
  ca: '—\nCofinança · Àrea de Cooperació Internacional',
  es: '—\nCofinança · Área de Cooperación Internacional',
  en: '—\nCofinança · International Cooperation Office',
};

const PLATFORM_TEMPLATES: TemplateSet<PlatformTemplateParams> = {
  invitation: {
    ca: (p) => ({
      subject: 'Us donem accés a Cofinança',
      text: `Hola, ${p.name}:\n\nUs hem donat un compte a Cofinança. Per triar la vostra contrasenya, obriu aquest enllaç (vàlid ${p.days} dies):\n\n${p.link}\n\nSi no esperàveu aquest missatge, podeu ignorar-lo.`,
    }),
    es: (p) => ({
      subject: 'Le damos acceso a Cofinança',
      text: `Hola, ${p.name}:\n\nLe hemos creado una cuenta en Cofinança. Para elegir su contraseña, abra este enlace (válido ${p.days} días):\n\n${p.link}\n\nSi no esperaba este mensaje, puede ignorarlo.`,
    }),
    en: (p) => ({
      subject: 'You have been given access to Cofinança',
      text: `Hello ${p.name},\n\nAn account has been created for you in Cofinança. To choose your password, open this link (valid for ${p.days} days):\n\n${p.link}\n\nIf you did not expect this message, you can ignore it.`,
    }),
  },
  password_reset: {
    ca: (p) => ({
      subject: 'Restabliment de la contrasenya de Cofinança',
      text: `Hola, ${p.name}:\n\nHem rebut una sol·licitud per restablir la vostra contrasenya. Obriu aquest enllaç (vàlid ${p.minutes} minuts):\n\n${p.link}\n\nSi no l'heu demanat vosaltres, ignoreu aquest missatge: la contrasenya no canviarà.`,
    }),
    es: (p) => ({
      subject: 'Restablecimiento de la contraseña de Cofinança',
      text: `Hola, ${p.name}:\n\nHemos recibido una solicitud para restablecer su contraseña. Abra este enlace (válido ${p.minutes} minutos):\n\n${p.link}\n\nSi no la ha pedido usted, ignore este mensaje: la contraseña no cambiará.`,
    }),
    en: (p) => ({
      subject: 'Reset your Cofinança password',
      text: `Hello ${p.name},\n\nWe received a request to reset your password. Open this link (valid for ${p.minutes} minutes):\n\n${p.link}\n\nIf you did not ask for it, ignore this message: your password will not change.`,
    }),
  },
  password_changed: {
    ca: (p) => ({
      subject: 'Heu canviat la contrasenya de Cofinança',
      text: `Hola, ${p.name}:\n\nLa contrasenya del vostre compte de Cofinança s'acaba de canviar. Si no heu estat vosaltres, poseu-vos en contacte amb l'Àrea de Cooperació Internacional.`,
    }),
    es: (p) => ({
      subject: 'Ha cambiado la contraseña de Cofinança',
      text: `Hola, ${p.name}:\n\nLa contraseña de su cuenta de Cofinança se acaba de cambiar. Si no ha sido usted, póngase en contacto con el Área de Cooperación Internacional.`,
    }),
    en: (p) => ({
      subject: 'Your Cofinança password was changed',
      text: `Hello ${p.name},\n\nThe password of your Cofinança account has just been changed. If this was not you, contact the International Cooperation Office.`,
    }),
  },
};

const TEMPLATES: TemplateSet<TemplateParams> = {
  ...PLATFORM_TEMPLATES,
  ...ENTITIES_TEMPLATES,
  ...CALLS_TEMPLATES,
  ...APPLICATIONS_TEMPLATES,
  ...CALENDAR_TEMPLATES,
  ...EVALUATION_TEMPLATES,
  ...SCORING_TEMPLATES,
};

export function renderTemplate<T extends TemplateName>(
  template: T,
  locale: string,
  params: TemplateParams[T],
): { locale: Locale; subject: string; text: string } {
  const lang: Locale = isLocale(locale) ? locale : 'ca';
  const { subject, text } = (TEMPLATES[template][lang] as Renderer<TemplateParams[T]>)(params);
  return { locale: lang, subject, text: `${text}\n\n${SIGNATURE[lang]}\n` };
}
