import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { queryKeys } from '../../../api/query-keys';
import { applicationsApi } from '../api/applications-api';
import type { Application, UpdateApplicationRequest } from '../../../api/types';
import type { ApplicationFormValues } from '../schemas/application-form';
import { AutosaveController } from '../schemas/autosave';

/**
 * The autosaving form state of one application (see schemas/autosave.ts). The controller is created once per
 * mounted form; leaving the page saves what is pending at once (and the browser's storage keeps it anyway).
 */
export function useAutosave(
  application: Application,
  toValues: (app: Application) => ApplicationFormValues,
  onLocked: () => void,
) {
  const queryClient = useQueryClient();
  const [controller] = useState(() => {
    const remember = (app: Application) => {
      queryClient.setQueryData(queryKeys.applications.detail(app.id), app);
      return app;
    };
    return new AutosaveController({
      application,
      toValues,
      save: (id: string, body: UpdateApplicationRequest) => applicationsApi.update(id, body).then(remember),
      load: (id: string) => applicationsApi.get(id).then(remember),
      onLocked,
    });
  });
  const state = useSyncExternalStore(controller.subscribe, controller.getState);

  useEffect(() => {
    const online = () => controller.retryNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      void controller.flush();
    };
  }, [controller]);

  return { state, controller };
}
