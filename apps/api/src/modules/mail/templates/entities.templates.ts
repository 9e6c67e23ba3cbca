import { caDe } from '@cofinanca/domain';
import type { TemplateSet } from './types';

/** E-mails of the entities feature: parameters per template. */
export interface EntityTemplateParams {
  /** To the first user of a newly registered entity: confirm the address. */
  email_verification: { name: string; legalName: string; link: string; days: number };
  /** To every officer: a new entity waits for validation. */
  entity_registered: { legalName: string; nif: string; link: string };
  /** To the entity's users. */
  entity_validated: { name: string; legalName: string };
  entity_rejected: { name: string; legalName: string; reason: string };
  entity_suspended: { name: string; legalName: string; reason: string };
  entity_reactivated: { name: string; legalName: string };
  /** To every officer: an active entity declared a new IBAN, which waits for re-validation. */
  entity_iban_changed: { legalName: string; nif: string; link: string };
  /** To the entity's users: the new IBAN (shown by its last four characters) can receive payments. */
  entity_iban_validated: { name: string; legalName: string; ibanEnding: string };
}

export const ENTITIES_TEMPLATES: TemplateSet<EntityTemplateParams> = {
  email_verification: {
    ca: (p) => ({
      subject: 'Confirmeu la vostra adreça electrònica a Cofinança',
      text: `Hola, ${p.name}:\n\nHeu registrat l'entitat ${p.legalName} a Cofinança. Per confirmar la vostra adreça electrònica, obriu aquest enllaç (vàlid ${p.days} dies):\n\n${p.link}\n\nL'Àrea de Cooperació Internacional no podrà validar l'entitat fins que no l'hàgiu confirmada. Si no heu fet aquest registre, podeu ignorar aquest missatge.`,
    }),
    es: (p) => ({
      subject: 'Confirme su dirección de correo electrónico en Cofinança',
      text: `Hola, ${p.name}:\n\nHa registrado la entidad ${p.legalName} en Cofinança. Para confirmar su dirección de correo electrónico, abra este enlace (válido ${p.days} días):\n\n${p.link}\n\nEl Área de Cooperación Internacional no podrá validar la entidad hasta que la haya confirmado. Si no ha hecho este registro, puede ignorar este mensaje.`,
    }),
    en: (p) => ({
      subject: 'Confirm your e-mail address in Cofinança',
      text: `Hello ${p.name},\n\nYou have registered the entity ${p.legalName} in Cofinança. To confirm your e-mail address, open this link (valid for ${p.days} days):\n\n${p.link}\n\nThe International Cooperation Office cannot validate the entity until you have confirmed it. If you did not register, you can ignore this message.`,
    }),
  },
  entity_registered: {
    ca: (p) => ({
      subject: `Nova entitat per validar: ${p.legalName}`,
      text: `L'entitat ${p.legalName} (NIF ${p.nif}) s'acaba de registrar a Cofinança i espera la vostra validació:\n\n${p.link}`,
    }),
    es: (p) => ({
      subject: `Nueva entidad por validar: ${p.legalName}`,
      text: `La entidad ${p.legalName} (NIF ${p.nif}) se acaba de registrar en Cofinança y espera su validación:\n\n${p.link}`,
    }),
    en: (p) => ({
      subject: `New entity to validate: ${p.legalName}`,
      text: `The entity ${p.legalName} (NIF ${p.nif}) has just registered in Cofinança and is waiting for your validation:\n\n${p.link}`,
    }),
  },
  entity_validated: {
    ca: (p) => ({
      subject: `${p.legalName} ja està validada a Cofinança`,
      text: `Hola, ${p.name}:\n\nL'Àrea de Cooperació Internacional ha validat l'entitat ${p.legalName}. Des d'ara podeu presentar sol·licituds a les convocatòries obertes.`,
    }),
    es: (p) => ({
      subject: `${p.legalName} ya está validada en Cofinança`,
      text: `Hola, ${p.name}:\n\nEl Área de Cooperación Internacional ha validado la entidad ${p.legalName}. Desde ahora puede presentar solicitudes a las convocatorias abiertas.`,
    }),
    en: (p) => ({
      subject: `${p.legalName} is now validated in Cofinança`,
      text: `Hello ${p.name},\n\nThe International Cooperation Office has validated the entity ${p.legalName}. From now on you can submit applications to open calls.`,
    }),
  },
  entity_rejected: {
    ca: (p) => ({
      subject: `No s'ha validat el registre ${caDe(p.legalName)}`,
      text: `Hola, ${p.name}:\n\nL'Àrea de Cooperació Internacional no ha validat el registre de l'entitat ${p.legalName}, pel motiu següent:\n\n${p.reason}\n\nSi hi teniu dubtes, poseu-vos en contacte amb l'Àrea.`,
    }),
    es: (p) => ({
      subject: `No se ha validado el registro de ${p.legalName}`,
      text: `Hola, ${p.name}:\n\nEl Área de Cooperación Internacional no ha validado el registro de la entidad ${p.legalName}, por el motivo siguiente:\n\n${p.reason}\n\nSi tiene dudas, póngase en contacto con el Área.`,
    }),
    en: (p) => ({
      subject: `The registration of ${p.legalName} was not validated`,
      text: `Hello ${p.name},\n\nThe International Cooperation Office has not validated the registration of the entity ${p.legalName}, for the following reason:\n\n${p.reason}\n\nIf you have any questions, contact the Office.`,
    }),
  },
  entity_suspended: {
    ca: (p) => ({
      subject: `S'ha suspès l'entitat ${p.legalName} a Cofinança`,
      text: `Hola, ${p.name}:\n\nL'Àrea de Cooperació Internacional ha suspès l'entitat ${p.legalName}, pel motiu següent:\n\n${p.reason}\n\nMentre duri la suspensió podeu consultar les vostres dades, però no les podeu modificar. Per a qualsevol aclariment, poseu-vos en contacte amb l'Àrea.`,
    }),
    es: (p) => ({
      subject: `Se ha suspendido la entidad ${p.legalName} en Cofinança`,
      text: `Hola, ${p.name}:\n\nEl Área de Cooperación Internacional ha suspendido la entidad ${p.legalName}, por el motivo siguiente:\n\n${p.reason}\n\nMientras dure la suspensión puede consultar sus datos, pero no modificarlos. Para cualquier aclaración, póngase en contacto con el Área.`,
    }),
    en: (p) => ({
      subject: `The entity ${p.legalName} has been suspended in Cofinança`,
      text: `Hello ${p.name},\n\nThe International Cooperation Office has suspended the entity ${p.legalName}, for the following reason:\n\n${p.reason}\n\nWhile it is suspended you can read your data but not change it. For any clarification, contact the Office.`,
    }),
  },
  entity_reactivated: {
    ca: (p) => ({
      subject: `S'ha reactivat l'entitat ${p.legalName} a Cofinança`,
      text: `Hola, ${p.name}:\n\nL'Àrea de Cooperació Internacional ha aixecat la suspensió de l'entitat ${p.legalName}. Ja podeu tornar a fer servir Cofinança amb normalitat.`,
    }),
    es: (p) => ({
      subject: `Se ha reactivado la entidad ${p.legalName} en Cofinança`,
      text: `Hola, ${p.name}:\n\nEl Área de Cooperación Internacional ha levantado la suspensión de la entidad ${p.legalName}. Ya puede volver a usar Cofinança con normalidad.`,
    }),
    en: (p) => ({
      subject: `The entity ${p.legalName} has been reactivated in Cofinança`,
      text: `Hello ${p.name},\n\nThe International Cooperation Office has lifted the suspension of the entity ${p.legalName}. You can use Cofinança as usual again.`,
    }),
  },
  entity_iban_changed: {
    ca: (p) => ({
      subject: `Nou IBAN per validar: ${p.legalName}`,
      text: `L'entitat ${p.legalName} (NIF ${p.nif}) ha declarat un IBAN nou amb el certificat de titularitat bancària. Els pagaments continuaran anant a l'IBAN validat fins que el valideu:\n\n${p.link}`,
    }),
    es: (p) => ({
      subject: `Nuevo IBAN por validar: ${p.legalName}`,
      text: `La entidad ${p.legalName} (NIF ${p.nif}) ha declarado un IBAN nuevo con el certificado de titularidad bancaria. Los pagos seguirán yendo al IBAN validado hasta que lo valide:\n\n${p.link}`,
    }),
    en: (p) => ({
      subject: `New IBAN to validate: ${p.legalName}`,
      text: `The entity ${p.legalName} (NIF ${p.nif}) has declared a new IBAN with its bank-ownership certificate. Payments keep going to the validated IBAN until you validate the new one:\n\n${p.link}`,
    }),
  },
  entity_iban_validated: {
    ca: (p) => ({
      subject: `S'ha validat el nou IBAN ${caDe(p.legalName)}`,
      text: `Hola, ${p.name}:\n\nL'Àrea de Cooperació Internacional ha validat el compte bancari acabat en ${p.ibanEnding} de l'entitat ${p.legalName}. Els pagaments es faran a aquest compte a partir d'ara.`,
    }),
    es: (p) => ({
      subject: `Se ha validado el nuevo IBAN de ${p.legalName}`,
      text: `Hola, ${p.name}:\n\nEl Área de Cooperación Internacional ha validado la cuenta bancaria acabada en ${p.ibanEnding} de la entidad ${p.legalName}. Los pagos se harán a esta cuenta a partir de ahora.`,
    }),
    en: (p) => ({
      subject: `The new IBAN of ${p.legalName} has been validated`,
      text: `Hello ${p.name},\n\nThe International Cooperation Office has validated the bank account ending in ${p.ibanEnding} of the entity ${p.legalName}. Payments will go to this account from now on.`,
    }),
  },
};
