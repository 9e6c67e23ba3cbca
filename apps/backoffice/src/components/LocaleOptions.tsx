import { useTranslation } from 'react-i18next';
import { LOCALES } from '@cofinanca/contracts';

/** The languages of the product as `<option>`s, each named in the current language and marked with its own `lang`. */
export function LocaleOptions() {
  const { t } = useTranslation();
  return (
    <>
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {t(`language.${locale}`)}
        </option>
      ))}
    </>
  );
}
