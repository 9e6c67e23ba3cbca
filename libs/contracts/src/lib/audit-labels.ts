/**
 * What the audit log's action and subject-type codes mean in words, in the three languages: the back-office's audit
 * screen and the API's audit exports read the same table. A new audit action adds its line here (a test in the API
 * fails when an action it records has no words).
 */
import type { Locale } from './locales';

type Words = Readonly<Record<Locale, string>>;

export const AUDIT_ACTION_LABELS: Readonly<Record<string, Words>> = {
  'application.created': { ca: 'Sol·licitud creada', es: 'Solicitud creada', en: 'Application created' },
  'application.updated': {
    ca: 'Sol·licitud modificada',
    es: 'Solicitud modificada',
    en: 'Application edited',
  },
  'application.deleted': { ca: 'Esborrany eliminat', es: 'Borrador eliminado', en: 'Draft deleted' },
  'application.submitted': {
    ca: 'Sol·licitud presentada',
    es: 'Solicitud presentada',
    en: 'Application submitted',
  },
  'application.receipt_stored': {
    ca: 'Rebut de registre desat',
    es: 'Recibo de registro guardado',
    en: 'Registry receipt stored',
  },
  'application.withdrawn': {
    ca: 'Desistiment de la sol·licitud',
    es: 'Desistimiento de la solicitud',
    en: 'Application withdrawn',
  },
  'application.document_uploaded': {
    ca: 'Document afegit',
    es: 'Documento añadido',
    en: 'Document uploaded',
  },
  'application.document_deleted': {
    ca: 'Document eliminat',
    es: 'Documento eliminado',
    en: 'Document deleted',
  },
  'application.correction_requested': {
    ca: "Requeriment d'esmena",
    es: 'Requerimiento de subsanación',
    en: 'Correction requested',
  },
  'application.correction_answered': {
    ca: "Resposta al requeriment d'esmena",
    es: 'Respuesta al requerimiento de subsanación',
    en: 'Correction answered',
  },
  'application.admitted': { ca: 'Admesa a tràmit', es: 'Admitida a trámite', en: 'Admitted' },
  'application.declared_inadmissible': {
    ca: 'Declarada inadmesa',
    es: 'Declarada inadmitida',
    en: 'Declared inadmissible',
  },
  'application.declared_withdrawn': {
    ca: 'Tinguda per desistida',
    es: 'Tenida por desistida',
    en: 'Deemed withdrawn',
  },
  'application.evaluation_started': {
    ca: 'En avaluació',
    es: 'En evaluación',
    en: 'Evaluation started',
  },
  'assignment.created': {
    ca: 'Avaluador assignat',
    es: 'Evaluador asignado',
    en: 'Evaluator assigned',
  },
  'assignment.declared': {
    ca: 'Declaració sobre conflictes d’interessos',
    es: 'Declaración sobre conflictos de intereses',
    en: 'Conflict of interest declared on',
  },
  'assignment.submitted': {
    ca: 'Fitxa d’avaluació enviada',
    es: 'Ficha de evaluación enviada',
    en: 'Score sheet submitted',
  },
  'assignment.reopened': {
    ca: 'Fitxa d’avaluació reoberta',
    es: 'Ficha de evaluación reabierta',
    en: 'Score sheet reopened',
  },
  'application.evaluated': { ca: 'Avaluada', es: 'Evaluada', en: 'Evaluated' },
  'application.evaluation_reopened': {
    ca: 'Avaluació reoberta',
    es: 'Evaluación reabierta',
    en: 'Evaluation reopened',
  },
  'application.consensus_recorded': {
    ca: 'Puntuació de consens',
    es: 'Puntuación de consenso',
    en: 'Consensus score recorded',
  },
  'assignment.removed': {
    ca: 'Assignació retirada',
    es: 'Asignación retirada',
    en: 'Assignment removed',
  },
  'auth.login': { ca: 'Inici de sessió', es: 'Inicio de sesión', en: 'Signed in' },
  'auth.logout': { ca: 'Fi de sessió', es: 'Cierre de sesión', en: 'Signed out' },
  'auth.locked': {
    ca: 'Compte bloquejat per intents fallits',
    es: 'Cuenta bloqueada por intentos fallidos',
    en: 'Account locked after failed attempts',
  },
  'auth.password_changed': { ca: 'Contrasenya canviada', es: 'Contraseña cambiada', en: 'Password changed' },
  'auth.password_reset_requested': {
    ca: 'Restabliment de contrasenya demanat',
    es: 'Restablecimiento de contraseña solicitado',
    en: 'Password reset requested',
  },
  'auth.password_reset': {
    ca: 'Contrasenya restablerta',
    es: 'Contraseña restablecida',
    en: 'Password reset',
  },
  'auth.invitation_accepted': {
    ca: 'Invitació acceptada',
    es: 'Invitación aceptada',
    en: 'Invitation accepted',
  },
  'call.created': { ca: 'Convocatòria creada', es: 'Convocatoria creada', en: 'Call created' },
  'call.updated': { ca: 'Convocatòria modificada', es: 'Convocatoria modificada', en: 'Call edited' },
  'call.published': { ca: 'Convocatòria publicada', es: 'Convocatoria publicada', en: 'Call published' },
  'call.closed': { ca: 'Convocatòria tancada', es: 'Convocatoria cerrada', en: 'Call closed' },
  'call.extended': { ca: 'Termini ampliat', es: 'Plazo ampliado', en: 'Deadline extended' },
  'call.evaluation_started': {
    ca: "Inici de l'avaluació",
    es: 'Inicio de la evaluación',
    en: 'Evaluation started',
  },
  'call.assignments_generated': {
    ca: 'Assignació automàtica d’avaluadors',
    es: 'Asignación automática de evaluadores',
    en: 'Evaluators assigned automatically',
  },
  'entity.created': { ca: 'Entitat donada d’alta', es: 'Entidad dada de alta', en: 'Entity created' },
  'entity.registered': { ca: 'Entitat registrada', es: 'Entidad registrada', en: 'Entity registered' },
  'entity.updated': { ca: 'Entitat modificada', es: 'Entidad modificada', en: 'Entity edited' },
  'entity.validated': { ca: 'Entitat validada', es: 'Entidad validada', en: 'Entity validated' },
  'entity.rejected': { ca: 'Entitat rebutjada', es: 'Entidad rechazada', en: 'Entity rejected' },
  'entity.suspended': { ca: 'Entitat suspesa', es: 'Entidad suspendida', en: 'Entity suspended' },
  'entity.reactivated': { ca: 'Entitat reactivada', es: 'Entidad reactivada', en: 'Entity reactivated' },
  'entity.document_uploaded': {
    ca: "Document de l'entitat afegit",
    es: 'Documento de la entidad añadido',
    en: 'Entity document uploaded',
  },
  'entity.iban_validated': { ca: 'IBAN validat', es: 'IBAN validado', en: 'IBAN validated' },
  'entity.member_added': { ca: 'Membre afegit', es: 'Miembro añadido', en: 'Member added' },
  'entity.member_removed': { ca: 'Membre retirat', es: 'Miembro retirado', en: 'Member removed' },
  'holiday.created': { ca: 'Festiu afegit', es: 'Festivo añadido', en: 'Holiday added' },
  'holiday.deleted': { ca: 'Festiu eliminat', es: 'Festivo eliminado', en: 'Holiday deleted' },
  'calendar.reminder_sent': {
    ca: 'Avís del calendari de festius que falta enviat',
    es: 'Aviso del calendario de festivos que falta enviado',
    en: 'Missing holiday calendar reminder sent',
  },
  'user.created': { ca: 'Usuari creat', es: 'Usuario creado', en: 'User created' },
  'user.updated': { ca: 'Usuari modificat', es: 'Usuario modificado', en: 'User edited' },
  'user.invited': { ca: 'Invitació enviada', es: 'Invitación enviada', en: 'Invitation sent' },
  'user.deactivated': { ca: 'Usuari desactivat', es: 'Usuario desactivado', en: 'User deactivated' },
  'user.reactivated': { ca: 'Usuari reactivat', es: 'Usuario reactivado', en: 'User reactivated' },
  'user.profile_updated': { ca: 'Perfil modificat', es: 'Perfil modificado', en: 'Profile edited' },
  'user.email_verification_sent': {
    ca: 'Enllaç de verificació enviat',
    es: 'Enlace de verificación enviado',
    en: 'Verification link sent',
  },
  'user.email_verified': {
    ca: 'Adreça electrònica verificada',
    es: 'Correo electrónico verificado',
    en: 'E-mail address verified',
  },
  'evaluator.interests_updated': {
    ca: "Registre d'interessos modificat",
    es: 'Registro de intereses modificado',
    en: 'Register of interests edited',
  },
  'user.admin_restored': {
    ca: 'Administració restablerta',
    es: 'Administración restablecida',
    en: 'Administrator restored',
  },
  'committee.meeting_created': {
    ca: 'Sessió de la comissió de valoració creada',
    es: 'Sesión de la comisión de valoración creada',
    en: 'Evaluation committee meeting recorded',
  },
  'committee.meeting_updated': {
    ca: 'Sessió de la comissió de valoració modificada',
    es: 'Sesión de la comisión de valoración modificada',
    en: 'Evaluation committee meeting edited',
  },
  'committee.minutes_approved': {
    ca: 'Acta de la comissió aprovada',
    es: 'Acta de la comisión aprobada',
    en: 'Committee minutes approved',
  },
};

export const AUDIT_SUBJECT_TYPE_LABELS: Readonly<Record<string, Words>> = {
  application: { ca: 'Sol·licitud', es: 'Solicitud', en: 'Application' },
  call: { ca: 'Convocatòria', es: 'Convocatoria', en: 'Call' },
  entity: { ca: 'Entitat', es: 'Entidad', en: 'Entity' },
  user: { ca: 'Usuari', es: 'Usuario', en: 'User' },
  holiday: { ca: 'Festiu', es: 'Festivo', en: 'Holiday' },
  calendar: { ca: 'Calendari de festius', es: 'Calendario de festivos', en: 'Holiday calendar' },
  assignment: { ca: 'Assignació', es: 'Asignación', en: 'Assignment' },
  committee_meeting: { ca: 'Sessió de la comissió', es: 'Sesión de la comisión', en: 'Committee meeting' },
};

/** The words of an audit action ("Sol·licitud presentada"), or its code when it has none yet. */
export function auditActionLabel(action: string, locale: Locale): string {
  return AUDIT_ACTION_LABELS[action]?.[locale] ?? action;
}

/** The words of a subject type ("Entitat"), or its code. */
export function auditSubjectTypeLabel(subjectType: string, locale: Locale): string {
  return AUDIT_SUBJECT_TYPE_LABELS[subjectType]?.[locale] ?? subjectType;
}
