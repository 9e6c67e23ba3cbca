import { ACTIVE_LABELS, LANGUAGE_LABELS, ROLE_LABELS, type Columns } from '../../common/export';
import type { UserEntity } from './user.entity';

/** The columns of the users export (CSV and XLSX). */
export const USER_COLUMNS: Columns<UserEntity> = [
  {
    key: 'email',
    header: { ca: 'Adreça electrònica', es: 'Correo electrónico', en: 'E-mail address' },
    type: 'text',
    value: (u) => u.email,
    width: 32,
  },
  {
    key: 'name',
    header: { ca: 'Nom', es: 'Nombre', en: 'Name' },
    type: 'text',
    value: (u) => u.name,
    width: 28,
  },
  {
    key: 'roles',
    header: { ca: 'Rols', es: 'Roles', en: 'Roles' },
    type: 'status',
    value: (u) => u.roles,
    labels: ROLE_LABELS,
    width: 28,
  },
  {
    key: 'locale',
    header: { ca: 'Idioma', es: 'Idioma', en: 'Language' },
    type: 'status',
    value: (u) => u.locale,
    labels: LANGUAGE_LABELS,
  },
  {
    key: 'active',
    header: { ca: 'Estat', es: 'Estado', en: 'Status' },
    type: 'status',
    value: (u) => String(u.active),
    labels: ACTIVE_LABELS,
  },
  {
    key: 'createdAt',
    header: { ca: "Data d'alta", es: 'Fecha de alta', en: 'Created' },
    type: 'instant',
    value: (u) => u.createdAt,
  },
];
