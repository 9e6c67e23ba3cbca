import { useTranslation } from 'react-i18next';
import type { ApplicationDocument, Requirement } from '../../../../api/types';
import { useFormat } from '../../../../i18n/format';
import { applicationsApi } from '../../api/applications-api';
import { StatusBadge } from '../../../../components/StatusBadge';

/** The correction requests of an application: what was asked, when, by when, and the entity's answer. */
export function RequirementsList({
  applicationId,
  requirements,
  documents,
}: {
  applicationId: string;
  requirements: Requirement[];
  documents: ApplicationDocument[];
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <ol className="office-items office-requirements">
      {requirements.map((r, i) => (
        <li key={r.id} className="office-item">
          <h3>
            {t('office.requirements.itemTitle', { n: i + 1, date: fmt.date(r.notifiedOn) })}{' '}
            <StatusBadge kind="requirement" status={r.status} />
          </h3>
          <dl className="meta-list">
            <dt>{t('office.requirements.notifiedOn')}</dt>
            <dd>{fmt.longDate(r.notifiedOn)}</dd>
            <dt>{t('office.requirements.dueDate')}</dt>
            <dd>
              <strong>{fmt.longDate(r.dueDate)}</strong>
            </dd>
          </dl>
          <h4>{t('office.requirements.items')}</h4>
          <ol>
            {r.items.map((item, j) => (
              <li key={j} className="office-prewrap">
                {item.description}
              </li>
            ))}
          </ol>
          <h4>{t('office.requirements.answer')}</h4>
          {r.respondedAt ? (
            <>
              <p className="muted">
                {t('office.requirements.answeredAt', { at: fmt.instant(r.respondedAt) })}
                {r.respondedAt.slice(0, 10) > r.dueDate && (
                  <span className="badge badge-warning">{t('office.requirements.late')}</span>
                )}
              </p>
              <p className="office-prewrap office-quote">{r.responseMessage}</p>
              {r.responseDocumentIds.length > 0 && (
                <ul>
                  {r.responseDocumentIds.map((docId) => {
                    const doc = documents.find((d) => d.id === docId);
                    return (
                      <li key={docId}>
                        <a href={applicationsApi.documentUrl(applicationId, docId)} download={doc?.fileName}>
                          {doc?.fileName ?? t('office.requirements.document')}
                        </a>
                        {doc && (
                          <>
                            {' '}
                            <code className="office-hash">{doc.sha256}</code>
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </>
          ) : (
            <p className="muted">{t('office.requirements.noAnswer')}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
