/**
 * The words of every field rule (libs/domain FIELD_ERROR_CODES) in Catalan, Spanish and English, with `{param}`
 * placeholders, and the renderer the problem filter uses to answer in the caller's language.
 */
import {
  DEFAULT_LOCALE,
  isLocale,
  type FieldError,
  type FieldErrorCode,
  type FieldErrorParams,
  type FieldIssues,
  type Locale,
} from '@cofinanca/contracts';

export const FIELD_MESSAGES: Readonly<Record<FieldErrorCode, Readonly<Record<Locale, string>>>> = {
  REQUIRED: { ca: 'És obligatori.', es: 'Es obligatorio.', en: 'Is required.' },
  UNKNOWN_FIELD: {
    ca: 'No és un camp conegut.',
    es: 'No es un campo conocido.',
    en: 'Is not a known field.',
  },
  NOT_STRING: { ca: 'Ha de ser un text.', es: 'Debe ser un texto.', en: 'Must be a text.' },
  NOT_NUMBER: { ca: 'Ha de ser un nombre.', es: 'Debe ser un número.', en: 'Must be a number.' },
  NOT_INTEGER: {
    ca: 'Ha de ser un nombre enter.',
    es: 'Debe ser un número entero.',
    en: 'Must be a whole number.',
  },
  NOT_BOOLEAN: { ca: 'Ha de ser sí o no.', es: 'Debe ser sí o no.', en: 'Must be yes or no.' },
  NOT_ARRAY: { ca: 'Ha de ser una llista.', es: 'Debe ser una lista.', en: 'Must be a list.' },
  NOT_OBJECT: { ca: 'Ha de ser un objecte.', es: 'Debe ser un objeto.', en: 'Must be an object.' },
  TOO_SHORT: {
    ca: 'Ha de tenir com a mínim {min} caràcters.',
    es: 'Debe tener al menos {min} caracteres.',
    en: 'Must be at least {min} characters long.',
  },
  TOO_LONG: {
    ca: 'Ha de tenir com a màxim {max} caràcters.',
    es: 'Debe tener como máximo {max} caracteres.',
    en: 'Must be at most {max} characters long.',
  },
  TOO_FEW: {
    ca: "El nombre d'elements ha de ser com a mínim {min}.",
    es: 'El número de elementos debe ser como mínimo {min}.',
    en: 'The number of items must be at least {min}.',
  },
  TOO_MANY: {
    ca: "El nombre d'elements ha de ser com a màxim {max}.",
    es: 'El número de elementos debe ser como máximo {max}.',
    en: 'The number of items must be at most {max}.',
  },
  TOO_DEEP: {
    ca: 'Ha de tenir com a màxim {max} nivells de niuament.',
    es: 'Debe tener como máximo {max} niveles de anidamiento.',
    en: 'Must be nested at most {max} levels deep.',
  },
  TOO_SMALL: {
    ca: 'Ha de ser com a mínim {min}.',
    es: 'Debe ser como mínimo {min}.',
    en: 'Must be at least {min}.',
  },
  TOO_LARGE: {
    ca: 'Ha de ser com a màxim {max}.',
    es: 'Debe ser como máximo {max}.',
    en: 'Must be at most {max}.',
  },
  NOT_POSITIVE: {
    ca: 'Ha de ser més gran que 0.',
    es: 'Debe ser mayor que 0.',
    en: 'Must be greater than 0.',
  },
  NOT_UNIQUE: {
    ca: 'No es pot repetir.',
    es: 'No se puede repetir.',
    en: 'Must not repeat.',
  },
  ONE_OF: {
    ca: "Ha de ser un d'aquests valors: {values}.",
    es: 'Debe ser uno de estos valores: {values}.',
    en: 'Must be one of: {values}.',
  },
  RESERVED: {
    ca: "No pot ser cap d'aquests valors, reservats per la plataforma: {values}.",
    es: 'No puede ser ninguno de estos valores, reservados por la plataforma: {values}.',
    en: 'Must not be any of these values, reserved by the platform: {values}.',
  },
  INVALID_FORMAT: {
    ca: 'No té el format esperat.',
    es: 'No tiene el formato esperado.',
    en: 'Does not have the expected format.',
  },
  INVALID_UUID: {
    ca: 'No és un identificador vàlid.',
    es: 'No es un identificador válido.',
    en: 'Is not a valid identifier.',
  },
  INVALID_EMAIL: {
    ca: 'No és una adreça electrònica vàlida.',
    es: 'No es una dirección de correo electrónico válida.',
    en: 'Is not a valid e-mail address.',
  },
  INVALID_URL: {
    ca: 'Ha de ser una adreça web que comenci per http:// o https://.',
    es: 'Debe ser una dirección web que empiece por http:// o https://.',
    en: 'Must be a web address starting with http:// or https://.',
  },
  INVALID_PHONE: {
    ca: 'No és un número de telèfon vàlid.',
    es: 'No es un número de teléfono válido.',
    en: 'Is not a valid telephone number.',
  },
  INVALID_DATE: {
    ca: 'Ha de ser una data real (AAAA-MM-DD).',
    es: 'Debe ser una fecha real (AAAA-MM-DD).',
    en: 'Must be a real date (YYYY-MM-DD).',
  },
  INVALID_INSTANT: {
    ca: 'Ha de ser una data i hora amb zona horària, p. ex. 2026-03-02T09:00:00+01:00.',
    es: 'Debe ser una fecha y hora con zona horaria, p. ej. 2026-03-02T09:00:00+01:00.',
    en: 'Must be a date and time with a time zone, e.g. 2026-03-02T09:00:00+01:00.',
  },
  INVALID_CHARACTERS: {
    ca: 'Conté caràcters no permesos (un caràcter nul o un text mal codificat).',
    es: 'Contiene caracteres no permitidos (un carácter nulo o un texto mal codificado).',
    en: 'Contains characters that are not allowed (a NUL character or badly encoded text).',
  },
  INVALID_SORT: {
    ca: "Ha de ser un d'aquests camps, amb un - al davant per a l'ordre invers: {values}.",
    es: 'Debe ser uno de estos campos, con un - delante para el orden inverso: {values}.',
    en: 'Must be one of these fields, with a leading - for reverse order: {values}.',
  },
  INVALID_CODE: {
    ca: "Ha de tenir d'1 a {max} caràcters, entre lletres, xifres i {symbols}.",
    es: 'Debe tener de 1 a {max} caracteres, entre letras, cifras y {symbols}.',
    en: 'Must be 1 to {max} characters: letters, digits or {symbols}.',
  },
  MUST_ACCEPT: {
    ca: 'Cal acceptar-ho per continuar.',
    es: 'Hay que aceptarlo para continuar.',
    en: 'Must be accepted to continue.',
  },
  MAX_DECIMALS: {
    ca: 'Ha de ser un import amb {max} decimals com a màxim, p. ex. 12000.00.',
    es: 'Debe ser un importe con {max} decimales como máximo, p. ej. 12000.00.',
    en: 'Must be an amount with at most {max} decimals, e.g. 12000.00.',
  },
  INVALID_PERCENT: {
    ca: 'Ha de ser un percentatge de 0 a 100 amb dos decimals com a màxim.',
    es: 'Debe ser un porcentaje de 0 a 100 con dos decimales como máximo.',
    en: 'Must be a percentage from 0 to 100 with at most two decimals.',
  },
  INVALID_POINTS: {
    ca: 'Ha de ser una puntuació de com a mínim {min}, amb dos decimals com a màxim.',
    es: 'Debe ser una puntuación de al menos {min}, con dos decimales como máximo.',
    en: 'Must be a score of at least {min}, with at most two decimals.',
  },
  NOT_BEFORE: {
    ca: 'No pot ser anterior a {min}.',
    es: 'No puede ser anterior a {min}.',
    en: 'Must not be before {min}.',
  },
  NOT_AFTER: {
    ca: 'No pot ser posterior a {max}.',
    es: 'No puede ser posterior a {max}.',
    en: 'Must not be after {max}.',
  },
  MUST_BE_AFTER: {
    ca: 'Ha de ser posterior a {min}.',
    es: 'Debe ser posterior a {min}.',
    en: 'Must be later than {min}.',
  },
  IN_THE_FUTURE: {
    ca: 'No pot ser una data futura.',
    es: 'No puede ser una fecha futura.',
    en: 'Must not be in the future.',
  },
  IN_THE_PAST: {
    ca: 'Ha de ser una data futura.',
    es: 'Debe ser una fecha futura.',
    en: 'Must be in the future.',
  },
  NOT_PASSED: {
    ca: 'El termini venç el {date} i encara no ha passat.',
    es: 'El plazo vence el {date} y todavía no ha pasado.',
    en: 'The time limit ends on {date} and has not passed yet.',
  },
  INVALID_NIF: {
    ca: "No és un NIF vàlid d'una persona jurídica.",
    es: 'No es un NIF válido de una persona jurídica.',
    en: 'Is not a valid NIF of a legal person.',
  },
  INVALID_PERSONAL_ID: {
    ca: 'No és un DNI o NIE vàlid.',
    es: 'No es un DNI o NIE válido.',
    en: 'Is not a valid DNI or NIE.',
  },
  INVALID_IBAN: { ca: 'No és un IBAN vàlid.', es: 'No es un IBAN válido.', en: 'Is not a valid IBAN.' },
  INVALID_POSTCODE: {
    ca: 'No és un codi postal de la província del municipi.',
    es: 'No es un código postal de la provincia del municipio.',
    en: "Is not a postcode of the municipality's province.",
  },
  INVALID_MUNICIPALITY: {
    ca: "No és un codi de municipi de l'INE de 5 xifres.",
    es: 'No es un código de municipio del INE de 5 cifras.',
    en: 'Is not a 5-digit INE municipality code.',
  },
  INVALID_HOLIDAY_SCOPE: {
    ca: "Ha de ser estatal, de Catalunya o local (codi de municipi de l'INE).",
    es: 'Debe ser estatal, de Cataluña o local (código de municipio del INE).',
    en: 'Must be national, Catalonia or local (an INE municipality code).',
  },
  INVALID_SECTOR: {
    ca: 'No és un codi de sector CAD.',
    es: 'No es un código de sector CAD.',
    en: 'Is not a DAC sector code.',
  },
  INVALID_COUNTRY: {
    ca: 'No és un codi de país ISO 3166-1.',
    es: 'No es un código de país ISO 3166-1.',
    en: 'Is not an ISO 3166-1 country code.',
  },
  INVALID_POLICY_MARKER: {
    ca: 'No és un marcador de política del CAD.',
    es: 'No es un marcador de política del CAD.',
    en: 'Is not a DAC policy marker.',
  },
  SDG_TARGET_MISMATCH: {
    ca: "Cada meta ha de ser de l'objectiu triat, p. ex. 5.2 per a l'objectiu 5.",
    es: 'Cada meta debe ser del objetivo elegido, p. ej. 5.2 para el objetivo 5.',
    en: 'Every target must belong to the chosen goal, e.g. 5.2 for goal 5.',
  },
  EXCEEDS_BUDGET: {
    ca: 'No pot superar el pressupost de la convocatòria ({max}).',
    es: 'No puede superar el presupuesto de la convocatoria ({max}).',
    en: "Must not exceed the call's budget ({max}).",
  },
  EXCEEDS_BLOCK_TOTAL: {
    ca: 'No pot superar el total del bloc ({max}).',
    es: 'No puede superar el total del bloque ({max}).',
    en: "Must not exceed the block's total ({max}).",
  },
  EXCEEDS_RUBRIC_TOTAL: {
    ca: 'No pot superar el total del barem ({max}).',
    es: 'No puede superar el total del baremo ({max}).',
    en: "Must not exceed the rubric's total ({max}).",
  },
  CALL_CLOSED: {
    ca: 'La convocatòria es va tancar el {closesAt}.',
    es: 'La convocatoria se cerró el {closesAt}.',
    en: 'The call closed on {closesAt}.',
  },
  CALL_NOT_OPEN: {
    ca: 'La convocatòria no està oberta a sol·licituds.',
    es: 'La convocatoria no está abierta a solicitudes.',
    en: 'The call is not open for applications.',
  },
  ENTITY_NOT_VALIDATED: {
    ca: "L'entitat encara no està validada.",
    es: 'La entidad todavía no está validada.',
    en: 'The entity is not validated yet.',
  },
  PENDING_JUSTIFICATION: {
    ca: "L'entitat té una subvenció anterior pendent de justificar.",
    es: 'La entidad tiene una subvención anterior pendiente de justificar.',
    en: 'The entity has an earlier grant pending justification.',
  },
  EXECUTION_TOO_LONG: {
    ca: "No pot ser posterior a {max} ({months} mesos des de l'inici).",
    es: 'No puede ser posterior a {max} ({months} meses desde el inicio).',
    en: 'Must not be after {max} ({months} months from the start).',
  },
  EXCEEDS_CAP: {
    ca: "No pot superar l'import màxim per sol·licitud ({max}).",
    es: 'No puede superar el importe máximo por solicitud ({max}).',
    en: 'Must not exceed the maximum per application ({max}).',
  },
  EXCEEDS_COFINANCING: {
    ca: 'No pot superar el {percent} % del cost total.',
    es: 'No puede superar el {percent} % del coste total.',
    en: 'Must not exceed {percent} % of the total cost.',
  },
  EXCEEDS_LINE_AMOUNT: {
    ca: "No pot superar l'import de la partida ({max}).",
    es: 'No puede superar el importe de la partida ({max}).',
    en: "Must not exceed the line's amount ({max}).",
  },
  LINES_TOTAL_MISMATCH: {
    ca: 'Ha de ser igual a la suma de les partides ({expected}).',
    es: 'Debe ser igual a la suma de las partidas ({expected}).',
    en: 'Must equal the sum of the budget lines ({expected}).',
  },
  LINES_REQUESTED_MISMATCH: {
    ca: 'Ha de ser igual a la suma dels imports sol·licitats de les partides ({expected}).',
    es: 'Debe ser igual a la suma de los importes solicitados de las partidas ({expected}).',
    en: "Must equal the sum of the lines' requested amounts ({expected}).",
  },
  FUNDING_MISMATCH: {
    ca: "L'import sol·licitat, el cofinançament i l'aportació pròpia ({funding}) han de sumar el cost total ({totalCost}).",
    es: 'El importe solicitado, la cofinanciación y la aportación propia ({funding}) deben sumar el coste total ({totalCost}).',
    en: 'The requested amount, co-funding and own contribution ({funding}) must add up to the total cost ({totalCost}).',
  },
  SECTORS_NOT_100: {
    ca: 'Els percentatges dels sectors han de sumar 100 (ara sumen {total}).',
    es: 'Los porcentajes de los sectores deben sumar 100 (ahora suman {total}).',
    en: 'The sector percentages must add up to 100 (now {total}).',
  },
  GENDER_MARKER_REQUIRED: {
    ca: "El marcador d'igualtat de gènere ({marker}) ha de tenir rellevància 1 o 2.",
    es: 'El marcador de igualdad de género ({marker}) debe tener relevancia 1 o 2.',
    en: 'The gender equality marker ({marker}) must have significance 1 or 2.',
  },
  NOT_OWN_ENTITY: {
    ca: 'Només podeu sol·licitar per a la vostra entitat.',
    es: 'Solo puede solicitar para su propia entidad.',
    en: 'You can only apply for your own entity.',
  },
  UNKNOWN_ENTITY: {
    ca: 'No és una entitat registrada.',
    es: 'No es una entidad registrada.',
    en: 'Is not a registered entity.',
  },
  UNKNOWN_APPLICATION: {
    ca: "No és una sol·licitud d'aquesta convocatòria.",
    es: 'No es una solicitud de esta convocatoria.',
    en: 'Is not an application of this call.',
  },
  NOT_EVALUATOR: {
    ca: "No és un usuari actiu amb el rol d'avaluador.",
    es: 'No es un usuario activo con el rol de evaluador.',
    en: 'Is not an active user with the evaluator role.',
  },
  CONFLICT_OF_INTEREST: {
    ca: "El seu registre d'interessos hi mostra un vincle: {entity}.",
    es: 'Su registro de intereses muestra un vínculo: {entity}.',
    en: 'Their register of interests shows a link: {entity}.',
  },
  NOT_ENOUGH_EVALUATORS: {
    ca: "Li calen {needed} avaluadors més i només {available} ho poden ser sense conflicte d'interessos.",
    es: 'Necesita {needed} evaluadores más y solo {available} pueden serlo sin conflicto de intereses.',
    en: 'It needs {needed} more evaluators and only {available} can be one without a conflict of interest.',
  },
  SAME_AS_APPLICANT: {
    ca: 'Ha de ser una entitat diferent de la sol·licitant.',
    es: 'Debe ser una entidad distinta de la solicitante.',
    en: 'Must be another entity than the applicant.',
  },
  ENTITY_NOT_ACTIVE: {
    ca: 'No és una entitat registrada activa.',
    es: 'No es una entidad registrada activa.',
    en: 'Is not an active registered entity.',
  },
  UNKNOWN_DOCUMENT: {
    ca: "No és un document d'aquest expedient.",
    es: 'No es un documento de este expediente.',
    en: 'Is not a document of this record.',
  },
  ALREADY_PRESENTED: {
    ca: 'Ja es va presentar abans: pugeu de nou el document esmenat.',
    es: 'Ya se presentó antes: suba de nuevo el documento corregido.',
    en: 'Was presented before: upload the corrected document anew.',
  },
  FILE_EMPTY: {
    ca: 'Cal un fitxer que no sigui buit.',
    es: 'Hace falta un archivo que no esté vacío.',
    en: 'A non-empty file is required.',
  },
  FILE_TOO_LARGE: {
    ca: 'El fitxer no pot superar {max}.',
    es: 'El archivo no puede superar {max}.',
    en: 'The file must be at most {max}.',
  },
  FILE_TYPE: {
    ca: 'Ha de ser un PDF, una imatge o un document ofimàtic.',
    es: 'Debe ser un PDF, una imagen o un documento ofimático.',
    en: 'Must be a PDF, an image or an office document.',
  },
  TAKEN: {
    ca: 'Aquest valor ja està en ús.',
    es: 'Este valor ya está en uso.',
    en: 'This value is already in use.',
  },
  NOT_CURRENT_VERSION: {
    ca: 'No és la versió actual: algú altre ha canviat el registre.',
    es: 'No es la versión actual: otra persona ha cambiado el registro.',
    en: 'Is not the current version: someone else changed the record.',
  },
  WRONG_STATE: {
    ca: "L'estat actual ({status}) no ho permet.",
    es: 'El estado actual ({status}) no lo permite.',
    en: 'The current state ({status}) does not allow it.',
  },
  INCORRECT: { ca: 'No és correcte.', es: 'No es correcto.', en: 'Is not correct.' },
  INVALID_TOKEN: {
    ca: "L'enllaç és desconegut, ja s'ha fet servir o ha caducat.",
    es: 'El enlace es desconocido, ya se ha usado o ha caducado.',
    en: 'The link is unknown, used or expired.',
  },
  ACCOUNT_INACTIVE: {
    ca: 'El compte no està actiu.',
    es: 'La cuenta no está activa.',
    en: 'The account is not active.',
  },
  STAFF_ONLY: {
    ca: 'Només el personal tècnic el pot corregir.',
    es: 'Solo el personal técnico lo puede corregir.',
    en: 'Only an officer can correct it.',
  },
  ONLY_WITH_NEW_IBAN: {
    ca: 'Només va amb un IBAN nou.',
    es: 'Solo va con un IBAN nuevo.',
    en: 'Goes only with a new IBAN.',
  },
  IBAN_CERTIFICATE_REQUIRED: {
    ca: 'Un IBAN nou necessita el certificat de titularitat bancària, pujat abans.',
    es: 'Un IBAN nuevo necesita el certificado de titularidad bancaria, subido antes.',
    en: 'A new IBAN needs the bank-ownership certificate, uploaded first.',
  },
  ENTITY_USERS_ONLY: {
    ca: "Només un usuari d'entitat pertany a una entitat.",
    es: 'Solo un usuario de entidad pertenece a una entidad.',
    en: 'Only an entity user belongs to an entity.',
  },
  LAST_ACTIVE_USER: {
    ca: "Deixaria l'entitat sense cap usuari actiu.",
    es: 'Dejaría la entidad sin ningún usuario activo.',
    en: 'Would leave the entity without an active user.',
  },
  LAST_ADMIN: {
    ca: 'Deixaria la plataforma sense cap administrador actiu.',
    es: 'Dejaría la plataforma sin ningún administrador activo.',
    en: 'Would leave no active administrator.',
  },
  WRONG_YEAR: {
    ca: "La data no és de l'any {year}.",
    es: 'La fecha no es del año {year}.',
    en: 'The date is not in {year}.',
  },
  NO_CALENDAR: {
    ca: "El calendari de festius de {year} encara no s'ha introduït.",
    es: 'El calendario de festivos de {year} aún no se ha introducido.',
    en: 'The holiday calendar of {year} has not been entered yet.',
  },
  INVALID: { ca: 'No és vàlid.', es: 'No es válido.', en: 'Is not valid.' },
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DECIMAL = /^-?\d+\.\d+$/;

/** A parameter as a person of the locale reads it: dates dd/mm/yyyy, instants in Europe/Madrid, decimal comma. */
export function formatParam(value: string | number, locale: Locale): string {
  const text = String(value);
  if (ISO_DATE.test(text)) {
    const [y, m, d] = text.split('-');
    return `${d}/${m}/${y}`;
  }
  if (ISO_INSTANT.test(text)) {
    const formatted = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Madrid',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(text));
    return formatted.replace(',', '');
  }
  if (locale !== 'en' && (DECIMAL.test(text) || (typeof value === 'number' && !Number.isInteger(value)))) {
    return text.replace('.', ',');
  }
  return text;
}

/** The message of one rule in one language, its `{param}`s filled in (an unknown one is left as written). */
export function fieldMessage(code: FieldErrorCode, locale: Locale, params?: FieldErrorParams): string {
  const template = (FIELD_MESSAGES[code] ?? FIELD_MESSAGES.INVALID)[locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && params[name] !== undefined ? formatParam(params[name], locale) : whole,
  );
}

/** The coded issues of an exception as problem+json `errors`, in one language. */
export function renderFieldErrors(issues: FieldIssues, locale: Locale): Record<string, FieldError[]> {
  // Object.fromEntries makes own properties, a `__proto__` path included (an assignment would set the prototype).
  return Object.fromEntries(
    Object.entries(issues).map(([path, list]) => [
      path,
      list.map(({ code, params }) => ({
        code,
        message: fieldMessage(code, locale, params),
        ...(params && Object.keys(params).length ? { params } : {}),
      })),
    ]),
  );
}

/**
 * The best of ca/es/en for an `Accept-Language` header (RFC 9110 quality values; `ca-ES` counts as `ca`), else
 * Catalan.
 */
export function negotiateLocale(header: string | string[] | undefined | null): Locale {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranges = value
    .split(',')
    .map((part, index) => {
      const [tag, ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { language: (tag ?? '').trim().toLowerCase().split('-')[0] ?? '', quality, index };
    })
    .filter((r) => r.language && Number.isFinite(r.quality) && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    if (isLocale(range.language)) return range.language;
  }
  return DEFAULT_LOCALE;
}

/** The caller's language: the signed-in user's locale, else `Accept-Language`, else Catalan. */
export function callerLocale(req: {
  user?: unknown;
  headers?: Record<string, string | string[] | undefined>;
}): Locale {
  const locale = (req.user as { locale?: unknown } | undefined)?.locale;
  if (isLocale(locale)) return locale;
  return negotiateLocale(req.headers?.['accept-language']);
}
