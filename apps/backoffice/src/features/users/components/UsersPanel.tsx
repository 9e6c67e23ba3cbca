import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, isRole } from '@cofinanca/contracts';
import { queryKeys } from '../../../api/query-keys';
import type { User, UserListQuery } from '../../../api/types';
import { SelectField, TextField } from '../../../components/Field';
import { DataTable, ExportLinks, FilterForm, ListToolbar, PagedList } from '../../../components/List';
import { SortHeader } from '../../../components/SortHeader';
import { StatusNotice } from '../../../components/States';
import { useFormat } from '../../../i18n/format';
import { useListFilters } from '../../../lib/use-list-query';
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
  const list = useListFilters<UserListQuery, { q: string; role: string; active: ActiveFilter }>(
    { page: 1, pageSize: 25, sort: '-createdAt' },
    {
      draft: { q: '', role: '', active: '' },
      toFilters: (draft) => ({
        q: draft.q.trim() || undefined,
        role: isRole(draft.role) ? draft.role : undefined,
        active: draft.active === '' ? undefined : draft.active === 'true',
      }),
    },
  );
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [notice, setNotice] = useState('');
  const users = useUsers(list.query);

  return (
    <>
      <ListToolbar
        actions={
          <>
            <ExportLinks url={(format) => usersApi.exportUrl(list.query, format)} />
            {canManage && (
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                {t('users.new')}
              </button>
            )}
          </>
        }
      >
        <FilterForm label={t('users.filtersLabel')} onSubmit={list.apply} onClear={list.clear}>
          <TextField label={t('users.search')} type="search" {...list.bind('q')} />
          <SelectField label={t('users.role')} {...list.bind('role')}>
            <option value="">{t('users.anyRole')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('users.status')} {...list.bind('active')}>
            <option value="">{t('users.anyStatus')}</option>
            <option value="true">{t('users.active')}</option>
            <option value="false">{t('users.inactive')}</option>
          </SelectField>
        </FilterForm>
      </ListToolbar>

      <StatusNotice message={notice} />

      <PagedList query={users} empty={t('users.empty')} paging={list.pageProps}>
        {(data) => (
          <DataTable caption={t('users.caption')}>
            <thead>
              <tr>
                <SortHeader field="name" label={t('users.name')} {...list.sortProps} />
                <SortHeader field="email" label={t('users.email')} {...list.sortProps} />
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.locale')}</th>
                <th scope="col">{t('users.status')}</th>
                <SortHeader field="createdAt" label={t('users.createdAt')} {...list.sortProps} />
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
          </DataTable>
        )}
      </PagedList>

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
