import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../api/problem';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { SelectField, TextField } from '../../../../components/Field';
import { FormAlert } from '../../../../components/FormAlert';
import { DataTable } from '../../../../components/List';
import { DialogFormActions, ModalDialog } from '../../../../components/ModalDialog';
import { LocaleOptions } from '../../../../components/LocaleOptions';
import { QueryStates, StatusNotice } from '../../../../components/States';
import { currentLocale } from '../../../../i18n';
import { useFormat } from '../../../../i18n/format';
import { applyFieldErrors, problemMessage } from '../../../../lib/problem';
import { useMe } from '../../../auth/hooks/use-me';
import type { Member } from '../../../../api/types';
import { useInviteMember, useEntityMembers, useRemoveMember } from '../../hooks/use-entities';
import { inviteMemberSchema, toInviteRequest, type InviteMemberValues } from '../../schemas/entity-schemas';
import { useMessage } from '../../../../lib/use-locale';

/** The entity's users: who they are, invite a colleague, remove one who left (never the last). */
export function MembersPanel({ entityId, canEdit }: { entityId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe().data;
  const members = useEntityMembers(entityId);
  const remove = useRemoveMember(entityId);
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [notice, setNotice] = useState('');
  const [removeError, setRemoveError] = useState('');

  const confirmRemove = () => {
    if (!removing) return;
    const member = removing;
    setRemoveError('');
    remove.mutate(member.id, {
      onSuccess: () => {
        setRemoving(null);
        setNotice(t('portal.members.removed', { name: member.name }));
      },
      onError: (error) => {
        setRemoving(null);
        const last = isApiError(error) && error.code === 'INVALID_STATE' && 'userId' in error.fieldErrors;
        setRemoveError(last ? t('portal.members.lastMember') : problemMessage(t, error));
      },
    });
  };

  return (
    <section className="card" aria-labelledby="members-title">
      <div className="portal-section-head">
        <h2 id="members-title">{t('portal.members.title')}</h2>
        {canEdit && (
          <button type="button" className="button button-primary" onClick={() => setInviting(true)}>
            {t('portal.members.invite')}
          </button>
        )}
      </div>
      <p className="muted">{t('portal.members.intro')}</p>
      <StatusNotice message={notice} />
      {removeError && (
        <div className="alert alert-error" role="alert">
          <p>{removeError}</p>
        </div>
      )}
      <QueryStates query={members} isEmpty={(d) => d.length === 0} empty={t('portal.members.empty')}>
        {(list) => (
          <DataTable caption={t('portal.members.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('portal.members.name')}</th>
                <th scope="col">{t('portal.members.email')}</th>
                <th scope="col">{t('portal.members.language')}</th>
                <th scope="col">{t('portal.members.verified')}</th>
                <th scope="col">{t('portal.members.status')}</th>
                <th scope="col">{t('portal.members.since')}</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr key={m.id}>
                  <th scope="row" className="portal-row-head">
                    {m.name}
                    {m.id === me?.id && <span className="muted"> ({t('portal.members.you')})</span>}
                  </th>
                  <td>{m.email}</td>
                  <td>{t(`language.${m.locale}`)}</td>
                  <td>
                    <span className={`badge ${m.emailVerified ? 'badge-success' : 'badge-warning'}`}>
                      {m.emailVerified ? t('portal.members.verifiedYes') : t('portal.members.verifiedNo')}
                    </span>
                  </td>
                  <td>
                    <span className={`badge ${m.active ? 'badge-success' : 'badge-muted'}`}>
                      {m.active ? t('portal.members.active') : t('portal.members.removedStatus')}
                    </span>
                    {m.active && !m.passwordSet && (
                      <span className="badge badge-warning">{t('portal.members.invitationPending')}</span>
                    )}
                  </td>
                  <td>{fmt.date(m.createdAt)}</td>
                  {canEdit && (
                    <td>
                      {m.active && (
                        <button
                          type="button"
                          className="button button-small button-danger-outline"
                          aria-label={t('portal.members.removeLabel', { name: m.name })}
                          onClick={() => setRemoving(m)}
                        >
                          {t('portal.members.remove')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </QueryStates>

      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={t('portal.members.removeTitle', { name: removing?.name ?? '' })}
        description={t('portal.members.removeBody', {
          name: removing?.name ?? '',
          email: removing?.email ?? '',
        })}
        confirmLabel={t('portal.members.removeConfirm')}
        busy={remove.isPending}
        onConfirm={confirmRemove}
      />
      <InviteMemberDialog
        entityId={entityId}
        open={inviting}
        onOpenChange={setInviting}
        onInvited={(member) => {
          setInviting(false);
          setNotice(t('portal.members.invited', { email: member.email }));
        }}
      />
    </section>
  );
}

function InviteMemberDialog({
  entityId,
  open,
  onOpenChange,
  onInvited,
}: {
  entityId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onInvited: (member: Member) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('portal.members.inviteTitle')}
      description={t('portal.members.inviteIntro')}
    >
      {open && <InviteMemberForm entityId={entityId} onInvited={onInvited} />}
    </ModalDialog>
  );
}

function InviteMemberForm({
  entityId,
  onInvited,
}: {
  entityId: string;
  onInvited: (member: Member) => void;
}) {
  const { t } = useTranslation();
  const msg = useMessage();
  const invite = useInviteMember(entityId);
  const [extra, setExtra] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<InviteMemberValues>({
    resolver: zodResolver(inviteMemberSchema),
    defaultValues: { name: '', email: '', locale: currentLocale() },
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setExtra([]);
        try {
          onInvited(await invite.mutateAsync(toInviteRequest(values)));
        } catch (error) {
          setExtra(applyFieldErrors(error, setError, ['name', 'email', 'locale']));
          if (isApiError(error) && error.code === 'DUPLICATE') {
            setError(
              'email',
              { type: 'server', message: t('portal.members.duplicate') },
              { shouldFocus: true },
            );
          }
        }
      })}
    >
      <FormAlert error={invite.error} extra={extra} />
      <fieldset disabled={isSubmitting}>
        <legend className="visually-hidden">{t('portal.members.inviteTitle')}</legend>
        <TextField
          label={t('portal.members.name')}
          required
          autoComplete="off"
          error={msg(errors.name?.message)}
          {...register('name')}
        />
        <TextField
          label={t('portal.members.email')}
          type="email"
          required
          autoComplete="off"
          error={msg(errors.email?.message)}
          {...register('email')}
        />
        <SelectField
          label={t('portal.members.language')}
          error={msg(errors.locale?.message)}
          {...register('locale')}
        >
          <LocaleOptions />
        </SelectField>
        <DialogFormActions label={t('portal.members.inviteSubmit')} busy={isSubmitting} />
      </fieldset>
    </form>
  );
}
