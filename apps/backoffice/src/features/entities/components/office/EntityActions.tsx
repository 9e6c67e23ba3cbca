import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canValidateIban, entityTransition, type EntityState } from '@cofinanca/domain';
import { isApiError } from '../../../../api/problem';
import { queryKeys } from '../../../../api/query-keys';
import type { Entity } from '../../../../api/types';
import { useNotice } from '../../../../lib/use-notice';
import { useEntityAction, type EntityAction } from '../../hooks/use-entities';
import { ActionDialog } from '../../../../components/ActionDialog';
import { EntityEditDialog } from './EntityEditDialog';
import { StatusNotice } from '../../../../components/States';

interface ActionSpec {
  action: EntityAction;
  tone: 'primary' | 'danger';
  withReason: boolean;
}

const SPECS: ActionSpec[] = [
  { action: 'validate', tone: 'primary', withReason: false },
  { action: 'reject', tone: 'danger', withReason: true },
  { action: 'suspend', tone: 'danger', withReason: true },
  { action: 'reactivate', tone: 'primary', withReason: false },
  { action: 'validateIban', tone: 'primary', withReason: false },
];

function allowed(entity: Entity, action: EntityAction): boolean {
  if (action === 'validateIban') return canValidateIban(entity.status as EntityState, entity.ibanStatus);
  return entityTransition(entity.status as EntityState, action).ok;
}

/**
 * The officer's decisions on an entity, each behind a confirmation (and a reason where the entity is told why).
 * `emailVerified` is false when none of its users has verified the address yet: validating would be refused.
 */
export function EntityActions({ entity, emailVerified }: { entity: Entity; emailVerified?: boolean }) {
  const { t } = useTranslation();
  const mutation = useEntityAction(entity.id);
  const [open, setOpen] = useState<EntityAction | null>(null);
  const [editing, setEditing] = useState(false);
  const queryClient = useQueryClient();
  const { notice, setNotice, ref: noticeRef } = useNotice();
  const available = SPECS.filter((s) => allowed(entity, s.action));
  const current = SPECS.find((s) => s.action === open);
  const emailProblem = isApiError(mutation.error) && mutation.error.code === 'EMAIL_NOT_VERIFIED';

  return (
    <div className="office-actions">
      <h2 className="visually-hidden">{t('common.actions')}</h2>
      <StatusNotice ref={noticeRef} tabIndex={-1} message={notice} />
      <div className="toolbar-actions">
        {available.map((spec) => (
          <button
            key={spec.action}
            type="button"
            className={`button ${spec.tone === 'danger' ? 'button-danger-outline' : 'button-primary'}`}
            onClick={() => {
              mutation.reset();
              setNotice('');
              setOpen(spec.action);
            }}
          >
            {t(`office.entities.actions.${spec.action}.button`)}
          </button>
        ))}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setNotice('');
            setEditing(true);
          }}
        >
          {t('office.entities.edit')}
        </button>
      </div>
      <EntityEditDialog
        entity={entity}
        open={editing}
        onOpenChange={setEditing}
        onSaved={() => {
          setEditing(false);
          setNotice(t('office.entities.saved', { name: entity.legalName }));
        }}
        onReload={() => {
          setEditing(false);
          void queryClient.invalidateQueries({ queryKey: queryKeys.entities.detail(entity.id) });
        }}
      />
      {entity.status === 'pending_validation' && emailVerified === false && (
        <p className="office-note office-note-warning">{t('office.entities.emailNotVerifiedNote')}</p>
      )}
      {current && (
        <ActionDialog
          open
          onOpenChange={(o) => !o && setOpen(null)}
          title={t(`office.entities.actions.${current.action}.title`, { name: entity.legalName })}
          description={t(`office.entities.actions.${current.action}.description`)}
          confirmLabel={t(`office.entities.actions.${current.action}.confirm`)}
          tone={current.tone}
          reason={
            current.withReason
              ? { label: t('office.common.reasonLabel'), hint: t('office.common.reasonHint') }
              : undefined
          }
          error={mutation.error}
          busy={mutation.isPending}
          onConfirm={async (reason) => {
            await mutation.mutateAsync({ action: current.action, reason });
            setOpen(null);
            setNotice(t(`office.entities.actions.${current.action}.done`, { name: entity.legalName }));
          }}
        >
          {current.action === 'validate' && (emailProblem || emailVerified === false) && (
            <p className="office-note office-note-warning">{t('office.entities.emailNotVerifiedNote')}</p>
          )}
        </ActionDialog>
      )}
    </div>
  );
}
