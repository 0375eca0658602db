// Settings data: TanStack Query over the Settings façade.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Settings, backendAvailable, type SettingsDTO } from '../../lib/backend';

export const settingsQueryKey = ['settings'] as const;

export const baseCurrencies = ['CNY', 'JPY', 'KRW', 'EUR', 'USD', 'AUD', 'GBP', 'HKD'] as const;

export function useSettings() {
  return useQuery({
    queryKey: settingsQueryKey,
    queryFn: () => Settings.GetSettings(),
    enabled: backendAvailable(),
    staleTime: Infinity, // refreshed by the settings:changed event
  });
}

/** The team's base currency (CNY until settings say otherwise). */
export function useBaseCurrency(): string {
  return useSettings().data?.baseCurrency || 'CNY';
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (s: SettingsDTO) => Settings.SaveSettings(s),
    onSuccess: (saved) => queryClient.setQueryData(settingsQueryKey, saved),
  });
}
