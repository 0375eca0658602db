export function SuppliersPage() {
  return null;
}
