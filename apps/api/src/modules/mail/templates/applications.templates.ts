import { caDe, formatAmount, formatDate, formatInstant, isoInCouncilTime } from '@cofinanca/domain';
import type { TemplateSet } from './types';

// ---------------------------------------------------------------------------------------------------------------
// Parameters

export interface ApplicationRef {
  /** The recipient's name. */
  name: string;
  registryNumber: string;
  /** The application's title (or a placeholder when it has none). */
  title: string;
  entityName: string;
  callCode: string;
  /** The call's title in the recipient's language. */
  callTitle: string;
  link: string;
}

/** E-mails of the applications feature: parameters per template. */
export interface ApplicationTemplateParams {
  /** The registry receipt (justificant de registre), to the entity's users. */
  application_submitted: ApplicationRef & {
    submittedAt: string;
    requestedAmount: string | null;
    documents: { name: string; sha256: string }[];
  };
  /** The entity withdrew its application: to the officers. */
  application_withdrawn: ApplicationRef;
  /** A correction request (requeriment d'esmena), to the entity's users. */
  application_correction_requested: ApplicationRef & {
    items: string[];
    notifiedOn: string;
    dueDate: string;
    days: number;
  };
  /** The entity answered a correction request: to the officers. */
  application_correction_answered: ApplicationRef & {
    message: string;
    documents: number;
    dueDate: string;
    late: boolean;
  };
  application_admitted: ApplicationRef;
  application_declared_inadmissible: ApplicationRef & { reason: string };
  application_declared_withdrawn: ApplicationRef & { reason: string; dueDate: string };
}

const bullets = (lines: readonly string[]): string => lines.map((l) => `- ${l}`).join('\n');
const numbered = (lines: readonly string[]): string => lines.map((l, i) => `${i + 1}. ${l}`).join('\n');

export const APPLICATIONS_TEMPLATES: TemplateSet<ApplicationTemplateParams> = {
  application_submitted: {
    ca: (p) => ({
      subject: `Justificant de registre ${p.registryNumber}: ${p.title}`,
      text: `Hola, ${p.name}:

Hem registrat la sol·licitud «${p.title}» ${caDe(p.entityName)} a la convocatòria ${p.callCode} — ${p.callTitle}.

Número de registre: ${p.registryNumber}
Data i hora de presentació: ${formatInstant(p.submittedAt, 'ca')} (${isoInCouncilTime(p.submittedAt)})${p.requestedAmount ? `\nImport sol·licitat: ${formatAmount(p.requestedAmount, 'ca')}` : ''}

Documents presentats i la seva empremta SHA-256:
${p.documents.length ? bullets(p.documents.map((d) => `${d.name}: ${d.sha256}`)) : '- Cap document.'}

Aquest missatge és el justificant de registre de la presentació (Llei 39/2015, articles 16 i 66). Podeu consultar la sol·licitud i descarregar-ne el justificant en PDF aquí:

${p.link}`,
    }),
    es: (p) => ({
      subject: `Justificante de registro ${p.registryNumber}: ${p.title}`,
      text: `Hola, ${p.name}:

Hemos registrado la solicitud «${p.title}» de ${p.entityName} en la convocatoria ${p.callCode} — ${p.callTitle}.

Número de registro: ${p.registryNumber}
Fecha y hora de presentación: ${formatInstant(p.submittedAt, 'es')} (${isoInCouncilTime(p.submittedAt)})${p.requestedAmount ? `\nImporte solicitado: ${formatAmount(p.requestedAmount, 'es')}` : ''}

Documentos presentados y su huella SHA-256:
${p.documents.length ? bullets(p.documents.map((d) => `${d.name}: ${d.sha256}`)) : '- Ningún documento.'}

Este mensaje es el justificante de registro de la presentación (Ley 39/2015, artículos 16 y 66). Puede consultar la solicitud y descargar el justificante en PDF aquí:

${p.link}`,
    }),
    en: (p) => ({
      subject: `Registry receipt ${p.registryNumber}: ${p.title}`,
      text: `Hello ${p.name},

We have registered the application "${p.title}" of ${p.entityName} to the call ${p.callCode} — ${p.callTitle}.

Registry number: ${p.registryNumber}
Submitted on: ${formatInstant(p.submittedAt, 'en')} (${isoInCouncilTime(p.submittedAt)})${p.requestedAmount ? `\nAmount requested: ${formatAmount(p.requestedAmount, 'en')}` : ''}

Documents submitted and their SHA-256 fingerprint:
${p.documents.length ? bullets(p.documents.map((d) => `${d.name}: ${d.sha256}`)) : '- No documents.'}

This message is the registry receipt of the submission (Spanish Law 39/2015, articles 16 and 66). You can view the application and download the receipt as a PDF here:

${p.link}`,
    }),
  },

  application_withdrawn: {
    ca: (p) => ({
      subject: `${p.entityName} ha retirat la sol·licitud ${p.registryNumber}`,
      text: `Hola, ${p.name}:\n\n${p.entityName} ha retirat la sol·licitud ${p.registryNumber} («${p.title}») de la convocatòria ${p.callCode} — ${p.callTitle}.\n\n${p.link}`,
    }),
    es: (p) => ({
      subject: `${p.entityName} ha retirado la solicitud ${p.registryNumber}`,
      text: `Hola, ${p.name}:\n\n${p.entityName} ha retirado la solicitud ${p.registryNumber} («${p.title}») de la convocatoria ${p.callCode} — ${p.callTitle}.\n\n${p.link}`,
    }),
    en: (p) => ({
      subject: `${p.entityName} withdrew application ${p.registryNumber}`,
      text: `Hello ${p.name},\n\n${p.entityName} has withdrawn the application ${p.registryNumber} ("${p.title}") to the call ${p.callCode} — ${p.callTitle}.\n\n${p.link}`,
    }),
  },

  application_correction_requested: {
    ca: (p) => ({
      subject: `Requeriment d'esmena de la sol·licitud ${p.registryNumber}`,
      text: `Hola, ${p.name}:

En revisar la sol·licitud ${p.registryNumber} («${p.title}») ${caDe(p.entityName)} a la convocatòria ${p.callCode}, us demanem que esmeneu el següent:

${numbered(p.items)}

Teniu ${p.days} dies hàbils, comptats des de l'endemà de la notificació (${formatDate(p.notifiedOn, 'ca')}), és a dir, fins al ${formatDate(p.dueDate, 'ca')} inclòs. Si no ho feu, se us podrà tenir per desistits de la sol·licitud (Llei 39/2015, article 68).

Podeu respondre i adjuntar-hi documents aquí:

${p.link}`,
    }),
    es: (p) => ({
      subject: `Requerimiento de subsanación de la solicitud ${p.registryNumber}`,
      text: `Hola, ${p.name}:

Al revisar la solicitud ${p.registryNumber} («${p.title}») de ${p.entityName} en la convocatoria ${p.callCode}, le pedimos que subsane lo siguiente:

${numbered(p.items)}

Dispone de ${p.days} días hábiles, contados desde el día siguiente al de la notificación (${formatDate(p.notifiedOn, 'es')}), es decir, hasta el ${formatDate(p.dueDate, 'es')} inclusive. Si no lo hace, se le podrá tener por desistido de la solicitud (Ley 39/2015, artículo 68).

Puede responder y adjuntar documentos aquí:

${p.link}`,
    }),
    en: (p) => ({
      subject: `Correction request for application ${p.registryNumber}`,
      text: `Hello ${p.name},

On reviewing the application ${p.registryNumber} ("${p.title}") of ${p.entityName} to the call ${p.callCode}, we ask you to correct the following:

${numbered(p.items)}

You have ${p.days} business days, counted from the day after notification (${formatDate(p.notifiedOn, 'en')}), that is, until ${formatDate(p.dueDate, 'en')} inclusive. Otherwise the application may be deemed withdrawn (Spanish Law 39/2015, article 68).

You can answer and attach documents here:

${p.link}`,
    }),
  },

  application_correction_answered: {
    ca: (p) => ({
      subject: `${p.entityName} ha respost el requeriment d'esmena ${caDe(p.registryNumber)}`,
      text: `Hola, ${p.name}:

${p.entityName} ha respost el requeriment d'esmena de la sol·licitud ${p.registryNumber} («${p.title}»)${p.late ? `, fora del termini que acabava el ${formatDate(p.dueDate, 'ca')}` : ''}, amb ${p.documents === 1 ? '1 document' : `${p.documents} documents`}:

${p.message}

${p.link}`,
    }),
    es: (p) => ({
      subject: `${p.entityName} ha respondido al requerimiento de subsanación de ${p.registryNumber}`,
      text: `Hola, ${p.name}:

${p.entityName} ha respondido al requerimiento de subsanación de la solicitud ${p.registryNumber} («${p.title}»)${p.late ? `, fuera del plazo que terminaba el ${formatDate(p.dueDate, 'es')}` : ''}, con ${p.documents === 1 ? '1 documento' : `${p.documents} documentos`}:

${p.message}

${p.link}`,
    }),
    en: (p) => ({
      subject: `${p.entityName} answered the correction request of ${p.registryNumber}`,
      text: `Hello ${p.name},

${p.entityName} has answered the correction request of the application ${p.registryNumber} ("${p.title}")${p.late ? `, after the period that ended on ${formatDate(p.dueDate, 'en')}` : ''}, with ${p.documents === 1 ? '1 document' : `${p.documents} documents`}:

${p.message}

${p.link}`,
    }),
  },

  application_admitted: {
    ca: (p) => ({
      subject: `S'ha admès la sol·licitud ${p.registryNumber}`,
      text: `Hola, ${p.name}:\n\nLa sol·licitud ${p.registryNumber} («${p.title}») ${caDe(p.entityName)} a la convocatòria ${p.callCode} — ${p.callTitle} s'ha admès a tràmit i passa a la fase de valoració.\n\n${p.link}`,
    }),
    es: (p) => ({
      subject: `Se ha admitido la solicitud ${p.registryNumber}`,
      text: `Hola, ${p.name}:\n\nLa solicitud ${p.registryNumber} («${p.title}») de ${p.entityName} en la convocatoria ${p.callCode} — ${p.callTitle} se ha admitido a trámite y pasa a la fase de valoración.\n\n${p.link}`,
    }),
    en: (p) => ({
      subject: `Application ${p.registryNumber} has been admitted`,
      text: `Hello ${p.name},\n\nThe application ${p.registryNumber} ("${p.title}") of ${p.entityName} to the call ${p.callCode} — ${p.callTitle} has been admitted and moves on to evaluation.\n\n${p.link}`,
    }),
  },

  application_declared_inadmissible: {
    ca: (p) => ({
      subject: `S'ha inadmès la sol·licitud ${p.registryNumber}`,
      text: `Hola, ${p.name}:\n\nLa sol·licitud ${p.registryNumber} («${p.title}») ${caDe(p.entityName)} a la convocatòria ${p.callCode} — ${p.callTitle} no s'ha admès a tràmit pel motiu següent:\n\n${p.reason}\n\n${p.link}`,
    }),
    es: (p) => ({
      subject: `Se ha inadmitido la solicitud ${p.registryNumber}`,
      text: `Hola, ${p.name}:\n\nLa solicitud ${p.registryNumber} («${p.title}») de ${p.entityName} en la convocatoria ${p.callCode} — ${p.callTitle} no se ha admitido a trámite por el motivo siguiente:\n\n${p.reason}\n\n${p.link}`,
    }),
    en: (p) => ({
      subject: `Application ${p.registryNumber} has been declared inadmissible`,
      text: `Hello ${p.name},\n\nThe application ${p.registryNumber} ("${p.title}") of ${p.entityName} to the call ${p.callCode} — ${p.callTitle} has been declared inadmissible for the following reason:\n\n${p.reason}\n\n${p.link}`,
    }),
  },

  application_declared_withdrawn: {
    ca: (p) => ({
      subject: `Desistiment de la sol·licitud ${p.registryNumber}`,
      text: `Hola, ${p.name}:\n\nCom que el requeriment d'esmena de la sol·licitud ${p.registryNumber} («${p.title}») ${caDe(p.entityName)} no s'ha respost dins del termini, que acabava el ${formatDate(p.dueDate, 'ca')}, se us té per desistits de la sol·licitud (Llei 39/2015, article 68). Motiu:\n\n${p.reason}\n\n${p.link}`,
    }),
    es: (p) => ({
      subject: `Desistimiento de la solicitud ${p.registryNumber}`,
      text: `Hola, ${p.name}:\n\nComo el requerimiento de subsanación de la solicitud ${p.registryNumber} («${p.title}») de ${p.entityName} no se ha respondido dentro del plazo, que terminaba el ${formatDate(p.dueDate, 'es')}, se le tiene por desistido de la solicitud (Ley 39/2015, artículo 68). Motivo:\n\n${p.reason}\n\n${p.link}`,
    }),
    en: (p) => ({
      subject: `Application ${p.registryNumber} deemed withdrawn`,
      text: `Hello ${p.name},\n\nAs the correction request of the application ${p.registryNumber} ("${p.title}") of ${p.entityName} was not answered within the period, which ended on ${formatDate(p.dueDate, 'en')}, the application is deemed withdrawn (Spanish Law 39/2015, article 68). Reason:\n\n${p.reason}\n\n${p.link}`,
    }),
  },
};
