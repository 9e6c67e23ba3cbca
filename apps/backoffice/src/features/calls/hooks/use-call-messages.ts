import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessage, type FieldRule } from '../../../lib/problem';
import { describePath, type CallForm } from '../schemas/call-form';
import type { FieldProblem } from '../schemas/call-schemas';

/** Translations of the editor's messages: zod problems, the domain's checklist and the API's field errors. */
export function useCallMessages() {
  const { t } = useTranslation();

  const problem = useCallback(
    (p: FieldProblem) => t(p.key, { ...(p.values ?? {}), defaultValue: p.key }),
    [t],
  );

  /** A rule of `callCompletenessErrors` or of the API (the same codes), in the active language. */
  const check = useCallback((rule: FieldRule) => fieldMessage(rule, t), [t]);

  /** A readable name of an API path: "Barem › Bloc 2 (B) › Criteri 1 (B1) › Punts màxims". */
  const pathLabel = useCallback(
    (path: string, form: CallForm) => {
      if (path === 'rubric.blocks' || path === 'rubric') return t('grants.callField.rubric');
      const info = describePath(path);
      const parts: string[] = [];
      const language = info.language ? ` (${t(`office.languages.${info.language}`)})` : '';
      if (info.block !== undefined) {
        const block = form.rubric.blocks[info.block];
        parts.push(t('office.editor.blockN', { n: info.block + 1, code: block?.code || '…' }));
        if (info.criterion !== undefined) {
          const criterion = block?.criteria[info.criterion];
          parts.push(t('office.editor.criterionN', { n: info.criterion + 1, code: criterion?.code || '…' }));
        }
      }
      if (info.document !== undefined) parts.push(t('office.editor.documentN', { n: info.document + 1 }));
      if (info.band !== undefined) parts.push(t('office.editor.bandN', { n: info.band + 1 }));
      const nested = info.block !== undefined || info.document !== undefined || info.band !== undefined;
      const field = nested
        ? t(`office.editor.itemField.${info.field}`, { defaultValue: info.field })
        : t(`grants.callField.${info.field}`, { defaultValue: info.field });
      parts.push(`${field}${language}`);
      return parts.join(' › ');
    },
    [t],
  );

  return { problem, check, pathLabel };
}
