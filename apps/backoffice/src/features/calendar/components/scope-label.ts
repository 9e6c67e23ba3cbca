import type { TFunction } from 'i18next';

/** National / Catalonia / Local (INE code) in the active language. */
export function scopeLabel(t: TFunction, scope: string): string {
  if (scope === 'national') return t('calendar.scopes.national');
  if (scope === 'catalonia') return t('calendar.scopes.catalonia');
  if (scope.startsWith('local:'))
    return t('calendar.scopes.localCode', { code: scope.slice('local:'.length) });
  return scope;
}
