import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatIban } from '@cofinanca/domain';
import type { Entity, Member } from '../../../../api/types';
import { DataTable } from '../../../../components/List';
import { Pagination } from '../../../../components/Pagination';
import { QueryStates } from '../../../../components/States';
import { useFormat } from '../../../../i18n/format';
import { PageHeader } from '../../../../components/PageHeader';
import { ROUTES } from '../../../../routes';
import { useCan } from '../../../auth/hooks/use-permissions';
import { entitiesApi } from '../../api/entities-api';
import { useCountryName } from '../../../../lib/use-locale';
import { useEntity, useEntityHistory, useEntityMembers } from '../../hooks/use-entities';
import { EntityActions } from './EntityActions';
import { HistoryTimeline } from '../../../audit/components/HistoryTimeline';
import { StatusBadge } from '../../../../components/StatusBadge';

const iban = (value: string | null | undefined) => (value ? formatIban(value) : '—');

/** An entity's profile for officers: every field, its bank account, its users, the decisions and the history. */
export function EntityDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const entity = useEntity(id);
  return (
    <>
      <p className="office-back">
        <Link to={ROUTES.entities}>{t('office.entities.back')}</Link>
      </p>
      <PageHeader
        title={entity.data?.legalName ?? t('office.entities.profileTitle')}
        intro={entity.data ? t('office.entities.profileIntro', { nif: entity.data.nif }) : undefined}
      />
      <QueryStates query={entity} isEmpty={() => false} empty={null}>
        {(data) => <EntityProfile entity={data} />}
      </QueryStates>
    </>
  );
}

function EntityProfile({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const country = useCountryName();
  const canManage = useCan('entities.manage');
  const members = useEntityMembers(entity.id);
  const verified = members.data?.some((m) => m.active && m.emailVerified);
  const a = entity.address;
  const r = entity.legalRepresentative;

  return (
    <>
      <p className="office-status-line">
        <StatusBadge kind="entity" status={entity.status} />
        {entity.statusReason && (
          <span>
            {t('grants.entityField.statusReason')}: {entity.statusReason}
          </span>
        )}
      </p>

      {canManage && (
        <EntityActions entity={entity} emailVerified={members.isSuccess ? !!verified : undefined} />
      )}

      <div className="office-grid">
        <section className="card" aria-labelledby="entity-data">
          <h2 id="entity-data">{t('office.entities.dataTitle')}</h2>
          <dl className="meta-list">
            <dt>{t('grants.entityField.legalName')}</dt>
            <dd>{entity.legalName}</dd>
            <dt>{t('grants.entityField.nif')}</dt>
            <dd>{entity.nif}</dd>
            <dt>{t('grants.entityField.registryNumber')}</dt>
            <dd>{entity.registryNumber || '—'}</dd>
            <dt>{t('grants.entityField.foundedOn')}</dt>
            <dd>{entity.foundedOn ? fmt.date(entity.foundedOn) : '—'}</dd>
            <dt>{t('grants.entityField.email')}</dt>
            <dd>
              <a href={`mailto:${entity.email}`}>{entity.email}</a>
            </dd>
            <dt>{t('grants.entityField.phone')}</dt>
            <dd>{entity.phone || '—'}</dd>
            <dt>{t('grants.entityField.website')}</dt>
            <dd>
              {entity.website ? (
                <a href={entity.website} rel="noopener noreferrer" target="_blank">
                  {entity.website}
                </a>
              ) : (
                '—'
              )}
            </dd>
            <dt>{t('grants.entityField.createdAt')}</dt>
            <dd>{fmt.instant(entity.createdAt)}</dd>
            <dt>{t('office.entities.privacyAcceptedAt')}</dt>
            <dd>{entity.privacyAcceptedAt ? fmt.instant(entity.privacyAcceptedAt) : '—'}</dd>
            <dt>{t('office.entities.validatedAt')}</dt>
            <dd>{entity.validatedAt ? fmt.instant(entity.validatedAt) : '—'}</dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="entity-address">
          <h2 id="entity-address">{t('grants.entityField.address')}</h2>
          <dl className="meta-list">
            <dt>{t('grants.entityField.street')}</dt>
            <dd>{a.street}</dd>
            <dt>{t('grants.entityField.number')}</dt>
            <dd>{a.number || '—'}</dd>
            <dt>{t('grants.entityField.postcode')}</dt>
            <dd>{a.postcode}</dd>
            <dt>{t('grants.entityField.town')}</dt>
            <dd>{a.town}</dd>
            <dt>{t('grants.entityField.municipalityCode')}</dt>
            <dd>{a.municipalityCode}</dd>
            <dt>{t('grants.entityField.province')}</dt>
            <dd>{a.province}</dd>
            <dt>{t('grants.entityField.countryCode')}</dt>
            <dd>{country(a.countryCode)}</dd>
          </dl>
          <h3>{t('grants.entityField.legalRepresentative')}</h3>
          <dl className="meta-list">
            <dt>{t('grants.entityField.representativeName')}</dt>
            <dd>{r.name}</dd>
            <dt>{t('grants.entityField.representativeIdNumber')}</dt>
            <dd>{r.idNumber}</dd>
            <dt>{t('grants.entityField.representativePosition')}</dt>
            <dd>{r.position}</dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="entity-bank">
          <h2 id="entity-bank">{t('office.entities.bankTitle')}</h2>
          <dl className="meta-list">
            <dt>{t('grants.entityField.iban')}</dt>
            <dd className="office-mono">{iban(entity.iban)}</dd>
            <dt>{t('grants.entityField.ibanStatus')}</dt>
            <dd>
              <StatusBadge kind="iban" status={entity.ibanStatus} />
            </dd>
            {entity.ibanStatus === 'pending' && entity.status !== 'pending_validation' && (
              <>
                <dt>{t('office.entities.validatedIban')}</dt>
                <dd className={entity.validatedIban ? 'office-mono' : undefined}>
                  {entity.validatedIban ? iban(entity.validatedIban) : t('office.entities.noValidatedIban')}
                </dd>
                <dt>{t('office.entities.certificate')}</dt>
                <dd>
                  {entity.ibanCertificateId ? (
                    <a href={entitiesApi.documentUrl(entity.id, entity.ibanCertificateId)} download>
                      {t('office.entities.downloadCertificate')}
                    </a>
                  ) : (
                    t('office.entities.noCertificate')
                  )}
                </dd>
              </>
            )}
          </dl>
          {entity.ibanStatus === 'pending' && entity.status === 'active' && (
            <p className="office-note">{t('office.entities.ibanPendingNote')}</p>
          )}
        </section>
      </div>

      <section aria-labelledby="entity-members">
        <h2 id="entity-members">{t('office.entities.membersTitle')}</h2>
        <QueryStates query={members} isEmpty={(d) => d.length === 0} empty={t('office.entities.noMembers')}>
          {(list) => <MembersTable members={list} />}
        </QueryStates>
      </section>

      <EntityHistory id={entity.id} />
    </>
  );
}

function MembersTable({ members }: { members: Member[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <DataTable caption={t('office.entities.membersCaption')}>
      <thead>
        <tr>
          <th scope="col">{t('users.name')}</th>
          <th scope="col">{t('users.email')}</th>
          <th scope="col">{t('office.entities.emailVerified')}</th>
          <th scope="col">{t('users.status')}</th>
          <th scope="col">{t('users.createdAt')}</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.id}>
            <td>{m.name}</td>
            <td>{m.email}</td>
            <td>
              <span className={`badge ${m.emailVerified ? 'badge-success' : 'badge-warning'}`}>
                {m.emailVerified ? t('office.entities.verified') : t('office.entities.notVerified')}
              </span>
            </td>
            <td>
              <span className={`badge ${m.active ? 'badge-success' : 'badge-muted'}`}>
                {m.active ? t('users.active') : t('office.entities.removedMember')}
              </span>
              {m.active && !m.passwordSet && (
                <span className="badge badge-warning">{t('users.invitationPending')}</span>
              )}
            </td>
            <td>{fmt.instant(m.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function EntityHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const history = useEntityHistory(id, page, pageSize);
  return (
    <section aria-labelledby="entity-history">
      <h2 id="entity-history">{t('office.entities.historyTitle')}</h2>
      <QueryStates query={history} isEmpty={(d) => d.items.length === 0} empty={t('office.common.noHistory')}>
        {(data) => (
          <>
            <HistoryTimeline events={data.items} label={t('office.entities.historyTitle')} />
            <Pagination
              page={page}
              pageSize={pageSize}
              total={data.total}
              onPageChange={setPage}
              onPageSizeChange={(size) => {
                setPageSize(size);
                setPage(1);
              }}
            />
          </>
        )}
      </QueryStates>
    </section>
  );
}
