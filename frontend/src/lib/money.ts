// Money is integer minor units plus an ISO currency code (backend/domain/money.go). These
// helpers convert between minor units and the decimal a person types, and format for display.

/** Minor-unit digits per currency; mirrors domain.Currencies. */
export const currencyDigits: Record<string, number> = {
  CNY: 2, JPY: 0, KRW: 0, EUR: 2, USD: 2, AUD: 2, GBP: 2, HKD: 2,
  NZD: 2, CAD: 2, CHF: 2, SGD: 2, TWD: 0, MOP: 2, THB: 2,
};

export const currencies = Object.keys(currencyDigits);

export function digitsOf(currency: string): number {
  return currencyDigits[currency] ?? 2;
}

/** 1280.5 CNY → 128050; 1280 JPY → 1280. Rounds to the currency's precision. */
export function toMinor(amount: number | null | undefined, currency: string): number {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return 0;
  return Math.round(amount * 10 ** digitsOf(currency));
}

/** 128050 CNY → 1280.5 */
export function fromMinor(minor: number, currency: string): number {
  return minor / 10 ** digitsOf(currency);
}

/** A localized amount with its currency ("¥1,280.50", "JP¥1,280"); empty for no currency. */
export function formatMoney(minor: number, currency: string, locale = 'zh-CN'): string {
  if (!currency) return minor ? String(minor) : '';
  const digits = digitsOf(currency);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(fromMinor(minor, currency));
  } catch {
    return `${fromMinor(minor, currency).toFixed(digits)} ${currency}`;
  }
}
