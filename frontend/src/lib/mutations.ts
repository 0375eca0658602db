// Mutations shared by feature data modules.
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * A mutation that refreshes the queries under each of keys (prefix match) when it succeeds
 * (the backend's change events do too; this is instant).
 */
export function useInvalidatingMutation<I, R>(fn: (input: I) => Promise<R>, keys: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    },
  });
}
