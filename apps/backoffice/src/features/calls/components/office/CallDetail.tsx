import { useTranslation } from 'react-i18next';
import { CALL_MACHINE } from '@cofinanca/domain';
import { Link } from 'react-router';
import type { Call } from '../../../../api/types';
import { QueryStates, StatusNotice } from '../../../../components/States';
import { PageHeader } from '../../../../components/PageHeader';
import { ROUTES } from '../../../../routes';
import { useCan } from '../../../auth/hooks/use-permissions';
import { useNotice } from '../../../../lib/use-notice';
import { useCall } from '../../hooks/use-calls';
import { CallEditor } from './CallEditor';
import { CallPublishedActions } from './CallPublishedActions';
import { CallView } from './CallView';
import { localised } from '../../../../lib/localised';
import { StatusBadge } from '../../../../components/StatusBadge';

/** A call: the editor for officers while it is a draft, read-only (with close and extend for officers) after. */
export function CallDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const call = useCall(id);
  const canManage = useCan('calls.manage');
  const { notice, setNotice, ref: noticeRef } = useNotice();
  const title = call.data
    ? `${call.data.code} · ${localised(call.data.title) || t('office.calls.untitled')}`
    : '';

  return (
    <>
      <p className="office-back">
        <Link to={ROUTES.calls}>{t('office.calls.back')}</Link>
      </p>
      <PageHeader
        title={title || t('office.calls.callTitle')}
        intro={
          call.data && CALL_MACHINE.isEditable(call.data.status, 'content') && canManage
            ? t('office.editor.intro')
            : undefined
        }
      />
      <StatusNotice ref={noticeRef} tabIndex={-1} message={notice} />
      <QueryStates query={call} isEmpty={() => false} empty={null}>
        {(data: Call) => (
          <>
            <p className="office-status-line">
              <StatusBadge kind="call" status={data.status} />
            </p>
            {canManage && CALL_MACHINE.isEditable(data.status, 'content') ? (
              <CallEditor
                key={data.id}
                call={data}
                onReload={async () => (await call.refetch()).data}
                onPublished={() => setNotice(t('office.editor.published'))}
              />
            ) : (
              <>
                {canManage && <CallPublishedActions call={data} onDone={setNotice} />}
                <CallView call={data} />
              </>
            )}
          </>
        )}
      </QueryStates>
    </>
  );
}
