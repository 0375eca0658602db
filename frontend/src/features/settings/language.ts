// The UI language lives in two places: localStorage (applied before the first paint) and the
// backend settings (the lasting choice, shared by every window of this install). On load the
// backend value wins; a change is written to both.
import { useCallback, useEffect } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyLanguage, isLanguage, type Language } from '../../i18n';
import { errorText } from '../../lib/backend';
import { useSaveSettings, useSettings } from './api';

/** Applies the language stored in the backend once the settings have loaded. */
export function useBackendLanguage(): void {
  const { data } = useSettings();
  const language = data?.language;
  useEffect(() => {
    if (isLanguage(language)) void applyLanguage(language);
  }, [language]);
}

/** Returns a function that switches the language and persists it (locally and in the backend). */
export function useChangeLanguage(): (lng: Language) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data } = useSettings();
  const save = useSaveSettings();
  const { mutate } = save;
  return useCallback(
    (lng: Language) => {
      void applyLanguage(lng);
      if (data && data.language !== lng) {
        mutate({ ...data, language: lng }, { onError: (err) => void message.error(errorText(t, err)) });
      }
    },
    [data, mutate, message, t],
  );
}
