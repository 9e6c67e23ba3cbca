import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ROLES } from '@cofinanca/contracts';
import { useFieldMessage } from '../../../components/Field';

interface Props {
  registration: UseFormRegisterReturn<'roles'>;
  error?: string;
  idPrefix: string;
}

export function RoleCheckboxes({ registration, error, idPrefix }: Props) {
  const { t } = useTranslation();
  const message = useFieldMessage()(error);
  return (
    <fieldset
      className={`checkbox-group${message ? ' field-invalid' : ''}`}
      aria-describedby={message ? `${idPrefix}-roles-error` : undefined}
    >
      <legend>
        {t('users.roles')}
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
      </legend>
      <div className="checkbox-grid">
        {ROLES.map((role) => (
          <label key={role} className="checkbox" htmlFor={`${idPrefix}-role-${role}`}>
            <input id={`${idPrefix}-role-${role}`} type="checkbox" value={role} {...registration} />
            {t(`roles.${role}`)}
          </label>
        ))}
      </div>
      {message && (
        <p className="field-error" id={`${idPrefix}-roles-error`}>
          {message}
        </p>
      )}
    </fieldset>
  );
}
