// Sync data: TanStack Query over the Sync façade. The status refetches after every pass the
// backend reports ("sync:status", from the background sync or Sync now) and after a settings
// change (this laptop's name); the actions put the status they return into the cache at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Sync, backendAvailable, type SyncStatus } from '../../lib/backend';
import { useInvalidateOn } from '../../lib/events';

export const syncKeys = {
  status: ['sync', 'status'] as const,
};

/** The sync state, live while mounted. */
export function useSyncStatus() {
  useInvalidateOn('sync:status', [syncKeys.status]);
  useInvalidateOn('settings:changed', [syncKeys.status]);
  return useQuery({ queryKey: syncKeys.status, queryFn: () => Sync.Status(), enabled: backendAvailable() });
}

function useSetStatus() {
  const queryClient = useQueryClient();
  return (status: SyncStatus) => queryClient.setQueryData(syncKeys.status, status);
}

/** Chooses (joins) the shared folder; passphrase '' = none. */
export function useSetSyncFolder() {
  const setStatus = useSetStatus();
  return useMutation({
    mutationFn: ({ folder, passphrase }: { folder: string; passphrase: string }) => Sync.SetFolder(folder, passphrase),
    onSuccess: setStatus,
  });
}

/** Stops syncing this laptop (the folder stays as it is). */
export function useStopSyncing() {
  const setStatus = useSetStatus();
  return useMutation({ mutationFn: () => Sync.StopSyncing(), onSuccess: setStatus });
}

/** One pass now: send this laptop's changes, receive the others'. */
export function useSyncNow() {
  const setStatus = useSetStatus();
  return useMutation({ mutationFn: () => Sync.SyncNow(), onSuccess: (pass) => setStatus(pass.status) });
}

export function useChangePassphrase() {
  return useMutation({ mutationFn: (passphrase: string) => Sync.ChangePassphrase(passphrase) });
}

/** Records a person's answer to a sync conflict; it clears on every laptop once synced. */
export function useResolveFlag() {
  const setStatus = useSetStatus();
  return useMutation({
    mutationFn: ({ subject, kind, note }: { subject: string; kind: string; note: string }) => Sync.Resolve(subject, kind, note),
    onSuccess: setStatus,
  });
}
