// Carrier evaluation over the Shipping façade; under 'shipping' so new tracking events (and
// parcels synced from other laptops) refresh it.
import { useQuery } from '@tanstack/react-query';
import { Shipping, backendAvailable } from '../../../lib/backend';

export function useEvaluation(from: string, to: string) {
  return useQuery({
    queryKey: ['shipping', 'evaluation', from, to] as const,
    queryFn: () => Shipping.Evaluate(from, to),
    enabled: backendAvailable(),
    placeholderData: (prev) => prev,
  });
}
