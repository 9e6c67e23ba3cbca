import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '../../../../components/FormAlert';
import { useFormat } from '../../../../i18n/format';
import { pathTo, ROUTES } from '../../../../routes';
import type { Call } from '../../../../api/types';
import { callWindow, WindowBadge } from '../../../calls/components/portal/OpenCalls';
import { useApplications, useCreateApplication } from '../../hooks/use-applications';

/** The way to apply to a published call: start an application, or continue the entity's draft. */
export function ApplyToCall({ call }: { call: Call }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const create = useCreateApplication();
  const drafts = useApplications({
    page: 1,
    pageSize: 10,
    callId: call.id,
    status: 'draft',
    sort: '-createdAt',
  });
  const state = callWindow(call);
  const draft = drafts.data?.items[0];

  const start = () =>
    create.mutate(call.id, { onSuccess: (app) => navigate(pathTo(ROUTES.application, app.id)) });

  return (
    <section className="card" aria-labelledby="call-apply-title">
      <h2 id="call-apply-title">{t('portal.call.applyTitle')}</h2>
      <p>
        <WindowBadge call={call} />{' '}
        {call.opensAt && call.closesAt
          ? t('portal.call.window', {
              opensAt: fmt.instant(call.opensAt),
              closesAt: fmt.instant(call.closesAt),
            })
          : null}
      </p>
      <FormAlert error={create.error} />
      {state === 'open' ? (
        <div className="form-actions">
          {draft ? (
            <>
              <Link className="button button-primary" to={pathTo(ROUTES.application, draft.id)}>
                {t('portal.call.continueDraft')}
              </Link>
              <span>
                {t('portal.call.draftExists', { title: draft.title || t('portal.applications.untitled') })}
              </span>
              <button
                type="button"
                className="button button-secondary"
                disabled={create.isPending}
                onClick={start}
              >
                {t('portal.call.startAnother')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button-primary"
              disabled={create.isPending}
              onClick={start}
            >
              {create.isPending ? t('portal.call.starting') : t('portal.call.start')}
            </button>
          )}
        </div>
      ) : (
        <p>{state === 'upcoming' ? t('portal.call.notYetOpen') : t('portal.call.isClosed')}</p>
      )}
    </section>
  );
}
