import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DOCUMENT_BYTES } from '@cofinanca/domain';
import { isApiError } from '../../../../api/problem';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { QueryStates, StatusNotice } from '../../../../components/States';
import { useFormat } from '../../../../i18n/format';
import { problemMessage } from '../../../../lib/problem';
import { applicationsApi } from '../../api/applications-api';
import type { ApplicationDocument, Call } from '../../../../api/types';
import { useApplicationDocuments, useRemoveDocument, useUploadDocument } from '../../hooks/use-applications';
import { useFileSize, useLocalized } from '../../../../lib/use-locale';
import { FormSection } from './form-kit';

/** The accept list of the file inputs (the API checks the content anyway). */
export const DOCUMENT_ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,' +
  'application/pdf,image/*';

/** A clear message for a failed upload: too large (413), a type refused after reading the content (415), or else. */
export function useUploadErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (isApiError(error) && error.status === 413) return t('portal.documents.tooLarge');
    if (isApiError(error) && error.status === 415) return t('portal.documents.unsupported');
    return problemMessage(t, error);
  };
}

/** The documents already uploaded of one type: name (a download link), size, SHA-256, and delete while allowed. */
export function DocumentRows({
  applicationId,
  documents,
  canDelete,
  onDelete,
  typeName,
  context,
}: {
  applicationId: string;
  documents: ApplicationDocument[];
  canDelete: boolean;
  onDelete?: (doc: ApplicationDocument) => void;
  /** Shows each document's type (a list of several types). */
  typeName?: (type: string) => string;
  /** What the documents are for, to tell their delete buttons apart (e.g. the required document's name). */
  context?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const fileSize = useFileSize();
  if (documents.length === 0) return <p className="muted">{t('portal.documents.none')}</p>;
  return (
    <ul className="portal-documents">
      {documents.map((d) => (
        <li key={d.id}>
          {typeName && <strong>{typeName(d.type)}:</strong>}
          <a href={applicationsApi.documentUrl(applicationId, d.id)} download={d.fileName}>
            {d.fileName}
          </a>{' '}
          <span className="muted">
            · {fileSize(d.sizeBytes)} · {fmt.instant(d.createdAt)} ·{' '}
            <abbr title={d.sha256}>
              SHA-256 <code>{d.sha256.slice(0, 12)}…</code>
            </abbr>
          </span>
          {d.locked && <span className="badge badge-muted">{t('portal.documents.locked')}</span>}
          {canDelete && !d.locked && onDelete && (
            <button
              type="button"
              className="button button-small button-danger-outline"
              aria-label={
                context
                  ? t('portal.documents.deleteLabelIn', { name: d.fileName, context })
                  : t('portal.documents.deleteLabel', { name: d.fileName })
              }
              onClick={() => onDelete(d)}
            >
              {t('common.delete')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A file input that uploads at once the chosen file as a document of `type`. */
export function DocumentUpload({
  applicationId,
  type,
  label,
  required,
  onUploaded,
}: {
  applicationId: string;
  type: string;
  label: string;
  required?: boolean;
  onUploaded?: (doc: ApplicationDocument) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadDocument(applicationId);
  const uploadError = useUploadErrorMessage();
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const choose = (file: File | undefined) => {
    setError('');
    setNotice('');
    if (!file) return;
    if (file.size > MAX_DOCUMENT_BYTES) {
      setError(t('portal.documents.tooLarge'));
      return;
    }
    upload.mutate(
      { type, file },
      {
        onSuccess: (doc) => {
          setNotice(t('portal.documents.uploaded', { name: doc.fileName }));
          if (input.current) input.current.value = '';
          onUploaded?.(doc);
        },
        onError: (e) => setError(uploadError(e)),
      },
    );
  };

  return (
    <div className={`field portal-upload${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <>
            <span className="required" aria-hidden="true">
              {' '}
              *
            </span>
            <span className="visually-hidden"> ({t('common.required')})</span>
          </>
        )}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('portal.documents.hint')}
      </p>
      <input
        ref={input}
        id={id}
        type="file"
        accept={DOCUMENT_ACCEPT}
        disabled={upload.isPending}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => choose(e.target.files?.[0])}
      />
      <p className={error ? 'field-error' : 'field-hint'} id={`${id}-error`} role="status" aria-live="polite">
        {upload.isPending ? t('portal.documents.uploading') : error || notice}
      </p>
    </div>
  );
}

/** 6. Documents: one slot per document the call asks for, and free attachments. */
export function DocumentsSection({ applicationId, call }: { applicationId: string; call: Call }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const documents = useApplicationDocuments(applicationId);
  const remove = useRemoveDocument(applicationId);
  const [deleting, setDeleting] = useState<ApplicationDocument | null>(null);
  const [notice, setNotice] = useState('');

  const slots = [
    ...call.requiredDocuments.map((d) => ({ type: d.code, label: localized(d.name), required: d.required })),
    { type: 'attachment', label: t('portal.documents.attachments'), required: false },
  ];

  return (
    <FormSection
      id="documents"
      title={t('portal.form.sections.documents')}
      intro={t('portal.documents.intro')}
    >
      <StatusNotice message={notice} />
      {remove.error ? (
        <p className="alert alert-error" role="alert">
          {problemMessage(t, remove.error)}
        </p>
      ) : null}
      <QueryStates query={documents} isEmpty={() => false} empty="">
        {(docs) => (
          <>
            {slots.map((slot) => (
              <div key={slot.type} className="portal-doc-slot">
                <h3>
                  {slot.label}{' '}
                  <span className={`badge ${slot.required ? 'badge-warning' : 'badge-muted'}`}>
                    {slot.required ? t('portal.call.documentRequired') : t('portal.call.documentOptional')}
                  </span>
                </h3>
                <DocumentRows
                  applicationId={applicationId}
                  documents={docs.filter((d) => d.type === slot.type)}
                  canDelete
                  onDelete={setDeleting}
                  context={slot.label}
                />
                <DocumentUpload
                  applicationId={applicationId}
                  type={slot.type}
                  label={t('portal.documents.uploadLabel', { name: slot.label })}
                />
              </div>
            ))}
          </>
        )}
      </QueryStates>
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={t('portal.documents.deleteTitle')}
        description={t('portal.documents.deleteBody', { name: deleting?.fileName ?? '' })}
        confirmLabel={t('portal.documents.deleteConfirm')}
        busy={remove.isPending}
        onConfirm={() => {
          if (!deleting) return;
          const doc = deleting;
          remove.mutate(doc.id, {
            onSuccess: () => setNotice(t('portal.documents.deleted', { name: doc.fileName })),
            onSettled: () => setDeleting(null),
          });
        }}
      />
    </FormSection>
  );
}
