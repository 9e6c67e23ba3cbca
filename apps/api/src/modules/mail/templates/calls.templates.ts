import { formatInstantDay, formatInstantTime, type LocalisedText } from '@cofinanca/domain';
import type { TemplateSet } from './types';

/** E-mails of the calls feature: parameters per template. */
export interface CallTemplateParams {
  /** To the users of every entity with a draft application in the call, when its deadline moves later. */
  call_extended: {
    name: string;
    code: string;
    title: LocalisedText;
    /** The new deadline, an ISO instant; each language writes it in Europe/Madrid time. */
    closesAt: string;
    reason: string;
    link: string;
  };
}

/** "a les 23:59" / "a la 01:00" (Catalan), "a las 23:59" / "a la 01:00" (Spanish). */
function atTime(iso: string, lang: 'ca' | 'es'): string {
  const time = formatInstantTime(iso);
  const one = time.startsWith('01:');
  if (lang === 'ca') return `${one ? 'a la' : 'a les'} ${time}`;
  return `${one ? 'a la' : 'a las'} ${time}`;
}

export const CALLS_TEMPLATES: TemplateSet<CallTemplateParams> = {
  call_extended: {
    ca: (p) => ({
      subject: `S'ha ampliat el termini de la convocatòria ${p.code}`,
      text: `Hola, ${p.name}:\n\nS'ha ampliat el termini per presentar sol·licituds a la convocatòria «${p.title.ca}» (${p.code}). Ara acaba el ${formatInstantDay(p.closesAt, 'ca')}, ${atTime(p.closesAt, 'ca')} (hora peninsular).\n\nMotiu: ${p.reason}\n\nLa vostra entitat hi té una sol·licitud en esborrany. Recordeu que només es té en compte si la presenteu abans que acabi el termini:\n\n${p.link}`,
    }),
    es: (p) => ({
      subject: `Se ha ampliado el plazo de la convocatoria ${p.code}`,
      text: `Hola, ${p.name}:\n\nSe ha ampliado el plazo para presentar solicitudes a la convocatoria «${p.title.es}» (${p.code}). Ahora termina el ${formatInstantDay(p.closesAt, 'es')}, ${atTime(p.closesAt, 'es')} (hora peninsular).\n\nMotivo: ${p.reason}\n\nSu entidad tiene una solicitud en borrador en esta convocatoria. Recuerde que solo se tendrá en cuenta si la presenta antes de que termine el plazo:\n\n${p.link}`,
    }),
    en: (p) => ({
      subject: `The deadline of call ${p.code} has been extended`,
      text: `Hello ${p.name},\n\nThe deadline for applications to the call “${p.title.en}” (${p.code}) has been extended. It now ends on ${formatInstantDay(p.closesAt, 'en')} at ${formatInstantTime(p.closesAt)} (Spanish mainland time).\n\nReason: ${p.reason}\n\nYour entity has a draft application in this call. Remember that it only counts if you submit it before the deadline:\n\n${p.link}`,
    }),
  },
};
