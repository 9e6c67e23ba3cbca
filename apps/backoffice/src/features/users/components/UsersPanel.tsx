import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, isRole } from '@cofinanca/contracts';
import { queryKeys } from '../../../api/query-keys';
import type { User, UserListQuery } from '../../../api/types';
import { Pagination } from '../../../components/Pagination';
import { SortHeader } from '../../../components/SortHeader';
import { QueryStates } from '../../../components/States';
import { useFormat } from '../../../i18n/format';
import { useCan } from '../../auth/hooks/use-permissions';
import { usersApi } from '../api/users-api';
import { useUsers } from '../hooks/use-users';
import { UserCreateDialog } from './UserCreateDialog';
import { UserEditDialog } from './UserEditDialog';

type ActiveFilter = '' | 'true' | 'false';

export function UsersPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const canManage = useCan('users.manage');
  const ids = { q: useId(), role: useId(), active: useId() };

  const [query, setQuery] = useState<UserListQuery>({ page: 1, pageSize: 25, sort: '-createdAt' });
  const [draft, setDraft] = useState<{ q: string; role: string; active: ActiveFilter }>({
    q: '',
    role: '',
    active: '',
  });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [notice, setNotice] = useState('');
  const users = useUsers(query);

  const applyFilters = (e: FormEvent) => {
    e.preventDefault();
    setQuery((q) => ({
      ...q,
      page: 1,
      q: draft.q.trim() || undefined,
      role: isRole(draft.role) ? draft.role : undefined,
      active: draft.active === '' ? undefined : draft.active === 'true',
    }));
  };
  const clearFilters = () => {
    setDraft({ q: '', role: '', active: '' });
    setQuery((q) => ({ page: 1, pageSize: q.pageSize, sort: q.sort }));
  };

  return (
    <>
      <div className="toolbar">
        <form className="filters" onSubmit={applyFilters} role="search" aria-label={t('users.filtersLabel')}>
          <div className="field">
            <label htmlFor={ids.q}>{t('users.search')}</label>
            <input
              id={ids.q}
              type="search"
              value={draft.q}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.role}>{t('users.role')}</label>
            <select
              id={ids.role}
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value })}
            >
              <option value="">{t('users.anyRole')}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.active}>{t('users.status')}</label>
            <select
              id={ids.active}
              value={draft.active}
              onChange={(e) => setDraft({ ...draft, active: e.target.value as ActiveFilter })}
            >
              <option value="">{t('users.anyStatus')}</option>
              <option value="true">{t('users.active')}</option>
              <option value="false">{t('users.inactive')}</option>
            </select>
          </div>
          <div className="filters-actions">
            <button type="submit" className="button button-primary">
              {t('common.filter')}
            </button>
            <button type="button" className="button button-secondary" onClick={clearFilters}>
              {t('common.clearFilters')}
            </button>
          </div>
        </form>
        <div className="toolbar-actions">
          <a className="button button-secondary" href={usersApi.exportUrl(query)} download>
            {t('common.exportCsv')}
          </a>
          {canManage && (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              {t('users.new')}
            </button>
          )}
        </div>
      </div>

      <p className={notice ? 'alert alert-success' : 'visually-hidden'} role="status" aria-live="polite">
        {notice}
      </p>

      <QueryStates query={users} isEmpty={(d) => d.items.length === 0} empty={t('users.empty')}>
        {(data) => (
          <>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('users.caption')}</caption>
                <thead>
                  <tr>
                    <SortHeader
                      field="name"
                      label={t('users.name')}
                      sort={query.sort ?? ''}
                      onSort={(sort) => setQuery({ ...query, sort, page: 1 })}
                    />
                    <SortHeader
                      field="email"
                      label={t('users.email')}
                      sort={query.sort ?? ''}
                      onSort={(sort) => setQuery({ ...query, sort, page: 1 })}
                    />
                    <th scope="col">{t('users.roles')}</th>
                    <th scope="col">{t('users.locale')}</th>
                    <th scope="col">{t('users.status')}</th>
                    <SortHeader
                      field="createdAt"
                      label={t('users.createdAt')}
                      sort={query.sort ?? ''}
                      onSort={(sort) => setQuery({ ...query, sort, page: 1 })}
                    />
                    {canManage && (
                      <th scope="col">
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((user) => (
                    <tr key={user.id}>
                      <td>{user.name}</td>
                      <td>{user.email}</td>
                      <td>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</td>
                      <td>{t(`language.${user.locale}`)}</td>
                      <td>
                        <span className={`badge ${user.active ? 'badge-success' : 'badge-muted'}`}>
                          {user.active ? t('users.active') : t('users.inactive')}
                        </span>
                        {user.active && user.passwordSet === false && (
                          <span className="badge badge-warning">{t('users.invitationPending')}</span>
                        )}
                      </td>
                      <td>{fmt.instant(user.createdAt)}</td>
                      {canManage && (
                        <td>
                          <button
                            type="button"
                            className="button button-small button-secondary"
                            onClick={() => setEditing(user)}
                            aria-label={t('users.editLabel', { name: user.name })}
                          >
                            {t('common.edit')}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={query.page}
              pageSize={query.pageSize}
              total={data.total}
              onPageChange={(page) => setQuery({ ...query, page })}
              onPageSizeChange={(pageSize) => setQuery({ ...query, pageSize, page: 1 })}
            />
          </>
        )}
      </QueryStates>

      <UserCreateDialog
        open={creating}
        onOpenChange={setCreating}
        onCreated={(user, invited) => {
          setCreating(false);
          setNotice(
            invited
              ? t('users.createdInvited', { email: user.email })
              : t('users.created', { email: user.email }),
          );
        }}
      />
      <UserEditDialog
        user={editing}
        onOpenChange={(open) => !open && setEditing(null)}
        onSaved={(user) => {
          setEditing(null);
          setNotice(t('users.updated', { email: user.email }));
        }}
        onReload={() => {
          setEditing(null);
          void queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
        }}
      />
    </>
  );
}
