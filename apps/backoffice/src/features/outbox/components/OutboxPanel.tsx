import { zodResolver } from '@hookform/resolvers/zod';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage, OutboxQuery } from '../../../api/types';
import { SelectField, TextField } from '../../../components/Field';
import { DataTable, FilterForm, PagedList } from '../../../components/List';
import { ModalDialog } from '../../../components/ModalDialog';
import { useFormat } from '../../../i18n/format';
import { useListQuery } from '../../../lib/use-list-query';
import { useOutbox } from '../hooks/use-outbox';
import { OUTBOX_STATUSES, outboxFiltersSchema, type OutboxFilters } from '../schemas/outbox-schemas';

const STATUS_BADGE = { pending: 'badge-warning', sent: 'badge-success', failed: 'badge-danger' } as const;

export function OutboxPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useListQuery<OutboxQuery>({ page: 1, pageSize: 25 });
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const messages = useOutbox(list.query);
  const { register, handleSubmit, reset } = useForm<OutboxFilters>({
    resolver: zodResolver(outboxFiltersSchema),
    defaultValues: { to: '', status: '' },
  });

  return (
    <>
      <FilterForm
        label={t('outbox.filtersLabel')}
        noValidate
        onSubmit={handleSubmit(({ to, status }) =>
          list.applyFilters({ to: to || undefined, status: status || undefined }),
        )}
        onClear={() => {
          reset({ to: '', status: '' });
          list.clearFilters();
        }}
      >
        <TextField label={t('outbox.to')} type="search" {...register('to')} />
        <SelectField label={t('outbox.status')} {...register('status')}>
          <option value="">{t('outbox.anyStatus')}</option>
          {OUTBOX_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`outbox.statuses.${status}`)}
            </option>
          ))}
        </SelectField>
      </FilterForm>

      <PagedList query={messages} empty={t('outbox.empty')} paging={list.pageProps}>
        {(data) => (
          <DataTable caption={t('outbox.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('outbox.createdAt')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.status')}</th>
                <th scope="col">{t('outbox.attempts')}</th>
                <th scope="col">{t('outbox.sentAt')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((message) => (
                <tr key={message.id}>
                  <td>
                    <time dateTime={message.createdAt}>{fmt.instant(message.createdAt)}</time>
                  </td>
                  <td>{message.to}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => setOpen(message)}>
                      {message.subject}
                    </button>
                  </td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[message.status] ?? 'badge-muted'}`}>
                      {t(`outbox.statuses.${message.status}`, { defaultValue: message.status })}
                    </span>
                  </td>
                  <td>{fmt.number(message.attempts)}</td>
                  <td>{message.sentAt ? fmt.instant(message.sentAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </PagedList>

      <ModalDialog
        open={!!open}
        onOpenChange={(o) => !o && setOpen(null)}
        size="wide"
        title={open?.subject}
        description={t('outbox.messageTo', { to: open?.to ?? '' })}
      >
        {open && (
          <>
            <dl className="meta-list">
              <dt>{t('outbox.status')}</dt>
              <dd>{t(`outbox.statuses.${open.status}`, { defaultValue: open.status })}</dd>
              <dt>{t('outbox.language')}</dt>
              <dd>{t(`language.${open.locale}`, { defaultValue: open.locale })}</dd>
              <dt>{t('outbox.createdAt')}</dt>
              <dd>{fmt.instant(open.createdAt)}</dd>
              <dt>{t('outbox.sentAt')}</dt>
              <dd>{open.sentAt ? fmt.instant(open.sentAt) : '—'}</dd>
              <dt>{t('outbox.attempts')}</dt>
              <dd>{fmt.number(open.attempts)}</dd>
              {open.lastError && (
                <>
                  <dt>{t('outbox.lastError')}</dt>
                  <dd>{open.lastError}</dd>
                </>
              )}
            </dl>
            <h3>{t('outbox.text')}</h3>
            <pre className="message-text" tabIndex={0} aria-label={t('outbox.text')}>
              {open.text}
            </pre>
          </>
        )}
        <div className="dialog-actions">
          <Dialog.Close asChild>
            <button type="button" className="button button-secondary">
              {t('common.close')}
            </button>
          </Dialog.Close>
        </div>
      </ModalDialog>
    </>
  );
}
