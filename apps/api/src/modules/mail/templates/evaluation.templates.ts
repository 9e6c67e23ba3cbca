import type { LocalisedText } from '@cofinanca/domain';
import type { TemplateSet } from './types';

/** One application of an evaluator's new assignments, as the e-mail lists it. */
export interface AssignedApplication {
  registryNumber: string;
  title: string;
  entityName: string;
}

/** E-mails of evaluation: parameters per template. */
export interface EvaluationTemplateParams {
  /** To an evaluator, once per batch of new assignments (manual or automatic): every new one listed. */
  assignments_created: {
    name: string;
    callCode: string;
    callTitle: LocalisedText;
    items: AssignedApplication[];
    link: string;
  };
}

const list = (items: AssignedApplication[]) =>
  items.map((i) => `- ${i.registryNumber} · ${i.title} (${i.entityName})`).join('\n');

export const EVALUATION_TEMPLATES: TemplateSet<EvaluationTemplateParams> = {
  assignments_created: {
    ca: (p) => ({
      subject:
        p.items.length === 1
          ? `Teniu una sol·licitud nova per avaluar (${p.callCode})`
          : `Teniu ${p.items.length} sol·licituds noves per avaluar (${p.callCode})`,
      text: `Hola, ${p.name}:\n\nUs hem assignat ${p.items.length === 1 ? 'aquesta sol·licitud' : `aquestes ${p.items.length} sol·licituds`} de la convocatòria «${p.callTitle.ca}» (${p.callCode}):\n\n${list(p.items)}\n\nAbans de veure'n el contingut, declareu per a cadascuna si hi teniu un conflicte d'interessos (Llei 40/2015, art. 23 i 24):\n\n${p.link}`,
    }),
    es: (p) => ({
      subject:
        p.items.length === 1
          ? `Tiene una solicitud nueva para evaluar (${p.callCode})`
          : `Tiene ${p.items.length} solicitudes nuevas para evaluar (${p.callCode})`,
      text: `Hola, ${p.name}:\n\nLe hemos asignado ${p.items.length === 1 ? 'esta solicitud' : `estas ${p.items.length} solicitudes`} de la convocatoria «${p.callTitle.es}» (${p.callCode}):\n\n${list(p.items)}\n\nAntes de ver su contenido, declare para cada una si tiene un conflicto de intereses (Ley 40/2015, arts. 23 y 24):\n\n${p.link}`,
    }),
    en: (p) => ({
      subject:
        p.items.length === 1
          ? `You have a new application to evaluate (${p.callCode})`
          : `You have ${p.items.length} new applications to evaluate (${p.callCode})`,
      text: `Hello ${p.name},\n\nYou have been assigned ${p.items.length === 1 ? 'this application' : `these ${p.items.length} applications`} of the call “${p.callTitle.en}” (${p.callCode}):\n\n${list(p.items)}\n\nBefore you see their content, declare for each one whether you have a conflict of interest (Law 40/2015, arts. 23 and 24):\n\n${p.link}`,
    }),
  },
};
