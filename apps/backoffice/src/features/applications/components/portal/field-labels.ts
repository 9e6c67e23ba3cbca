import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../../../api/types';
import { useLocalized } from '../../../../lib/use-locale';

const ROW_FIELDS: Record<string, Record<string, string>> = {
  budgetLines: {
    code: 'budgetLineCode',
    category: 'budgetLineCategory',
    description: 'budgetLineDescription',
    amount: 'budgetLineAmount',
    requestedAmount: 'budgetLineRequested',
  },
  cofunding: { funder: 'cofundingFunder', amount: 'cofundingAmount', status: 'cofundingStatus' },
  sectors: { code: 'sectorCode', percent: 'sectorPercent' },
  sdgs: { goal: 'sdgGoal', targets: 'sdgTargets' },
  policyMarkers: { code: 'policyMarker', significance: 'significance' },
  locations: {},
  partnerEntityIds: {},
};

const NESTED: Record<string, string> = {
  'counterpart.name': 'counterpartName',
  'counterpart.countryCode': 'counterpartCountry',
  'counterpart.description': 'counterpartDescription',
  callId: 'call',
  entityId: 'entity',
};

/** A field path of the form or of the API's errors, named for people: "Partides del pressupost 2 · Import". */
export function useFieldLabel(call: Call | undefined) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return useCallback(
    (path: string): string => {
      if (path.startsWith('documents.')) {
        const code = path.slice('documents.'.length);
        const doc = call?.requiredDocuments.find((d) => d.code === code);
        return doc ? localized(doc.name) : code;
      }
      if (NESTED[path]) return t(`grants.field.${NESTED[path]}`);
      const row = /^(\w+)\[(\d+)\](?:\.(\w+))?$/.exec(path);
      if (row && ROW_FIELDS[row[1]]) {
        const [, list, index, field] = row;
        const fieldKey = field ? ROW_FIELDS[list][field] : undefined;
        const base = `${t(`grants.field.${list}`)} ${Number(index) + 1}`;
        return fieldKey ? `${base} · ${t(`grants.field.${fieldKey}`)}` : base;
      }
      const beneficiaries =
        /^beneficiaries\.(direct|indirect)(?:\.byAge\.([\d+-]+))?(?:\.(women|men|other))?$/.exec(path);
      if (beneficiaries) {
        const [, group, band, sex] = beneficiaries;
        return [
          t(`grants.beneficiaryGroup.${group}`),
          band ? t(`grants.ageBand.${band}`) : '',
          sex ? t(`grants.sex.${sex}`) : '',
        ]
          .filter(Boolean)
          .join(' · ');
      }
      return t(`grants.field.${path}`, { defaultValue: path });
    },
    [call, localized, t],
  );
}
