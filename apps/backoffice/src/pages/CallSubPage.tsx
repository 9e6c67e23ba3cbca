import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Call } from '../api/types';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, Loading } from '../components/States';
import { useCall } from '../features/calls/hooks/use-calls';
import { localised } from '../lib/localised';
import { pathTo } from '../routes';

interface Props {
  /** Where the back link leads (a route taking the call's id) and its words (given `{ code }`). */
  back: { route: `${string}:id${string}`; label: string };
  /** The i18n keys of the title (given `{ code }`) and of the intro that follows the call's title. */
  title: string;
  intro: string;
  children: (call: Call) => ReactNode;
}

/**
 * The shell of a page about one call (`/calls/:id/…`): the call loaded, a back link, the header with the call's code
 * and title; the content gets the call.
 */
export function CallSubPage({ back, title, intro, children }: Props) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const call = useCall(id);
  if (call.isPending) return <Loading />;
  if (call.isError || !call.data)
    return <ErrorState error={call.error} onRetry={() => void call.refetch()} />;
  const code = call.data.code;
  return (
    <>
      <p>
        <Link to={pathTo(back.route, id)}>{t(back.label, { code })}</Link>
      </p>
      <PageHeader title={t(title, { code })} intro={`${localised(call.data.title)} · ${t(intro)}`} />
      {children(call.data)}
    </>
  );
}
