import type { TemplateSet } from './types';

/** E-mails of scoring: parameters per template. */
export interface ScoringTemplateParams {
  /** To every officer: an evaluator declared a conflict of interest with an application; someone else must score it. */
  conflict_declared: {
    name: string;
    evaluatorName: string;
    callCode: string;
    registryNumber: string;
    title: string;
    link: string;
  };
  /** To the evaluator: an officer reopened its submitted sheet, with the reason. */
  sheet_reopened: {
    name: string;
    callCode: string;
    registryNumber: string;
    title: string;
    reason: string;
    link: string;
  };
}

export const SCORING_TEMPLATES: TemplateSet<ScoringTemplateParams> = {
  conflict_declared: {
    ca: (p) => ({
      subject: `Conflicte d'interessos declarat: ${p.registryNumber} (${p.callCode})`,
      text: `Hola, ${p.name}:\n\n${p.evaluatorName} ha declarat un conflicte d'interessos amb la sol·licitud ${p.registryNumber} «${p.title}» i queda apartat/ada de la seva avaluació (Llei 40/2015, art. 23 i 24). Cal assignar-hi una altra persona avaluadora:\n\n${p.link}`,
    }),
    es: (p) => ({
      subject: `Conflicto de intereses declarado: ${p.registryNumber} (${p.callCode})`,
      text: `Hola, ${p.name}:\n\n${p.evaluatorName} ha declarado un conflicto de intereses con la solicitud ${p.registryNumber} «${p.title}» y queda apartado/a de su evaluación (Ley 40/2015, arts. 23 y 24). Hay que asignar a otra persona evaluadora:\n\n${p.link}`,
    }),
    en: (p) => ({
      subject: `Conflict of interest declared: ${p.registryNumber} (${p.callCode})`,
      text: `Hello ${p.name},\n\n${p.evaluatorName} declared a conflict of interest with application ${p.registryNumber} “${p.title}” and no longer evaluates it (Law 40/2015, arts. 23 and 24). Please assign another evaluator:\n\n${p.link}`,
    }),
  },
  sheet_reopened: {
    ca: (p) => ({
      subject: `S'ha reobert la vostra fitxa d'avaluació: ${p.registryNumber} (${p.callCode})`,
      text: `Hola, ${p.name}:\n\nS'ha reobert la vostra fitxa d'avaluació de la sol·licitud ${p.registryNumber} «${p.title}». Motiu:\n\n${p.reason}\n\nReviseu-la i torneu-la a enviar:\n\n${p.link}`,
    }),
    es: (p) => ({
      subject: `Se ha reabierto su ficha de evaluación: ${p.registryNumber} (${p.callCode})`,
      text: `Hola, ${p.name}:\n\nSe ha reabierto su ficha de evaluación de la solicitud ${p.registryNumber} «${p.title}». Motivo:\n\n${p.reason}\n\nRevísela y vuelva a enviarla:\n\n${p.link}`,
    }),
    en: (p) => ({
      subject: `Your score sheet was reopened: ${p.registryNumber} (${p.callCode})`,
      text: `Hello ${p.name},\n\nYour score sheet for application ${p.registryNumber} “${p.title}” was reopened. Reason:\n\n${p.reason}\n\nPlease review it and submit it again:\n\n${p.link}`,
    }),
  },
};
