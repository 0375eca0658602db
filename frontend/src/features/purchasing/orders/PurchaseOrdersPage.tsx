export function PurchaseOrdersPage() {
  return null;
}
