// Order import data: TanStack Query over the OrderImport façade. The fields, presets and the
// watched folder are queries; the pending files of that folder refetch whenever the backend
// reports a change of the list ("import:pending"). The steps of an import (stageFile in lib/files, preview,
// import) are plain calls: their results belong to one import screen, not to a cache.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { OrderImport, backendAvailable } from '../../../lib/backend';
import { useInvalidateOn } from '../../../lib/events';
import { orderKeys } from '../api';
import type { Mapping } from './mapping';

export const importKeys = {
  all: ['orderImport'] as const,
  fields: ['orderImport', 'fields'] as const,
  folder: ['orderImport', 'folder'] as const,
  pending: ['orderImport', 'pending'] as const,
};

export function useImportFields() {
  return useQuery({ queryKey: importKeys.fields, queryFn: () => OrderImport.Fields(), enabled: backendAvailable(), staleTime: Infinity });
}

export function useWatchFolder() {
  return useQuery({ queryKey: importKeys.folder, queryFn: () => OrderImport.WatchFolder(), enabled: backendAvailable() });
}

/** The watched folder's files waiting to be imported; live while mounted. */
export function usePendingFiles() {
  useInvalidateOn('import:pending', [importKeys.pending]);
  return useQuery({ queryKey: importKeys.pending, queryFn: () => OrderImport.PendingFiles(), enabled: backendAvailable() });
}

/** Sets ('' = clears) the watched folder; the pending list follows. */
export function useSetWatchFolder() {
  const queryClient = useQueryClient();
  return async (folder: string) => {
    await OrderImport.SetWatchFolder(folder);
    await queryClient.invalidateQueries({ queryKey: importKeys.folder });
    await queryClient.invalidateQueries({ queryKey: importKeys.pending });
  };
}


/** What importing would do ('' channel = detect it from the headers; {} mapping = saved or preset). */
export function previewImport(path: string, channel: string, mapping: Mapping) {
  return OrderImport.Preview(path, channel, mapping);
}

export function saveMapping(channel: string, mapping: Mapping) {
  return OrderImport.SaveMapping(channel, mapping);
}

/** Imports the file, then refreshes the order screens and the pending list at once (events do too). */
export function useRunImport() {
  const queryClient = useQueryClient();
  return async (req: { path: string; channel: string; mapping: Mapping; productMap: Record<string, string>; skipBad: boolean }) => {
    const res = await OrderImport.Import(req.path, req.channel, req.mapping, req.productMap, req.skipBad);
    void queryClient.invalidateQueries({ queryKey: orderKeys.all });
    void queryClient.invalidateQueries({ queryKey: importKeys.pending });
    return res;
  };
}
