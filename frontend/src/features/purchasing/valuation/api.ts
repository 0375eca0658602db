// Stock valuation data: the value of the stock on hand at landed cost (Purchasing façade). It
// follows purchases (costs, receipts), stock moves and the catalog's cost prices.
import { useQuery } from '@tanstack/react-query';
import { Purchasing, backendAvailable } from '../../../lib/backend';
import { useInvalidateOn } from '../../../lib/events';

export const valuationKey = ['purchasing', 'valuation'] as const;

export function useValuationEvents() {
  useInvalidateOn('purchasing:changed', [valuationKey]);
  useInvalidateOn('stock:changed', [valuationKey]);
  useInvalidateOn('catalog:changed', [valuationKey]);
  useInvalidateOn('settings:changed', [valuationKey]);
}

export function useStockValuation() {
  return useQuery({ queryKey: valuationKey, queryFn: () => Purchasing.StockValuation(), enabled: backendAvailable() });
}
