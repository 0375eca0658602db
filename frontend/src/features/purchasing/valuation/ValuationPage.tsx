export function ValuationPage() {
  return null;
}
