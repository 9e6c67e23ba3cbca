import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { onUnauthorized } from '../api/client';
import { queryKeys } from '../api/query-keys';
import i18n from '../i18n';
import { createQueryClient } from './query-client';

/** A 401 anywhere ends the session in the app: the guard then sends the person to the sign-in page. */
function SessionWatcher({ queryClient }: { queryClient: QueryClient }) {
  useEffect(
    () =>
      onUnauthorized(() => {
        queryClient.cancelQueries();
        queryClient.setQueryData(queryKeys.me, null);
      }),
    [queryClient],
  );
  return null;
}

export function AppProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <SessionWatcher queryClient={client} />
        {children}
      </QueryClientProvider>
    </I18nextProvider>
  );
}
