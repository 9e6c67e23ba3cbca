import { useTranslation } from 'react-i18next';
import type { ApplicationDocument, Call } from '../../../../api/types';
import { useFormat } from '../../../../i18n/format';
import { applicationsApi } from '../../api/applications-api';
import { localised } from '../../../../lib/localised';
import { DataTable } from '../../../../components/List';

/** Sizes in the user's language: 1,5 MB. */
export function useFileSize() {
  const fmt = useFormat();
  const { t } = useTranslation();
  return (bytes: number) => {
    if (bytes < 1024) return t('office.units.bytes', { value: fmt.number(bytes) });
    if (bytes < 1024 * 1024)
      return t('office.units.kb', { value: fmt.number(Math.round(bytes / 102.4) / 10) });
    return t('office.units.mb', { value: fmt.number(Math.round(bytes / 104857.6) / 10) });
  };
}

/** The name of a document type: a required document of the call, or one of the platform's own types. */
export function useDocumentTypeName(call: Call | undefined) {
  const { t } = useTranslation();
  return (type: string) => {
    const required = call?.requiredDocuments.find((d) => d.code === type);
    if (required) return localised(required.name);
    return t(`grants.documentType.${type}`, { defaultValue: type });
  };
}

/** The documents of an application, each with its SHA-256 checksum and a download link. */
export function DocumentsTable({
  applicationId,
  documents,
  call,
  caption,
}: {
  applicationId: string;
  documents: ApplicationDocument[];
  call: Call | undefined;
  caption: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const size = useFileSize();
  const typeName = useDocumentTypeName(call);
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('office.documents.type')}</th>
          <th scope="col">{t('office.documents.file')}</th>
          <th scope="col">{t('office.documents.size')}</th>
          <th scope="col">{t('office.documents.uploadedAt')}</th>
          <th scope="col">{t('office.documents.sha256')}</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((doc) => (
          <tr key={doc.id}>
            <td>{typeName(doc.type)}</td>
            <td>
              <a href={applicationsApi.documentUrl(applicationId, doc.id)} download={doc.fileName}>
                {doc.fileName}
              </a>
              <span className="visually-hidden"> ({t('office.documents.download')})</span>
            </td>
            <td>{size(doc.sizeBytes)}</td>
            <td>{fmt.instant(doc.createdAt)}</td>
            <td>
              <code className="office-hash">{doc.sha256}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
