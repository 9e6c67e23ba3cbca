import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../../api/problem';
import { Loading } from '../../../../components/States';
import { problemMessage } from '../../../../lib/problem';
import { ROUTES } from '../../../../routes';
import { useMe } from '../../../auth/hooks/use-me';
import { useVerifyEmail } from '../../hooks/use-entities';

/** Confirms the address of the e-mailed link once, and says how it went. */
export function VerifyEmail({ token }: { token: string }) {
  const { t } = useTranslation();
  const verify = useVerifyEmail();
  const signedIn = !!useMe().data;
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify]);

  const next = signedIn ? (
    <Link className="button button-primary" to={ROUTES.home}>
      {t('common.backHome')}
    </Link>
  ) : (
    <Link className="button button-primary" to={ROUTES.login}>
      {t('portal.register.signIn')}
    </Link>
  );

  if (!token) {
    return (
      <div className="alert alert-error" role="alert">
        <p>{t('portal.verify.missingToken')}</p>
      </div>
    );
  }
  if (verify.isSuccess) {
    return (
      <div className="alert alert-success" role="status">
        <p>
          <strong>{t('portal.verify.done')}</strong>
        </p>
        <p>{t('portal.verify.doneNext')}</p>
        <p>{next}</p>
      </div>
    );
  }
  if (verify.isError) {
    const invalid =
      isApiError(verify.error) &&
      (verify.error.code === 'INVALID_TOKEN' || verify.error.status === 400 || verify.error.status === 404);
    return (
      <div className="alert alert-error" role="alert">
        <p>
          <strong>{invalid ? t('portal.verify.invalid') : problemMessage(t, verify.error)}</strong>
        </p>
        {invalid && <p>{t('portal.verify.invalidHelp')}</p>}
        {!invalid && (
          <button type="button" className="button button-secondary" onClick={() => verify.mutate(token)}>
            {t('common.retry')}
          </button>
        )}
        <p>{next}</p>
      </div>
    );
  }
  return <Loading label={t('portal.verify.checking')} />;
}
