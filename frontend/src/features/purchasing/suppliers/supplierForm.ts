// The supplier form's values and their conversion to the backend's SupplierInput, the kinds
// of supplier, and the common countries a team buys in with their usual currency.
import type { Supplier, SupplierInput } from '../../../lib/backend';

export const supplierKinds = ['shop', 'counter', 'online', 'wholesaler'] as const;

/** Countries offered first (any other two-letter code may be typed). */
export const commonCountries = ['JP', 'KR', 'FR', 'IT', 'DE', 'GB', 'US', 'AU', 'HK'] as const;

const countryCurrencies: Record<string, string> = {
  JP: 'JPY', KR: 'KRW', FR: 'EUR', IT: 'EUR', DE: 'EUR', ES: 'EUR', NL: 'EUR', GB: 'GBP', US: 'USD',
  AU: 'AUD', NZ: 'NZD', HK: 'HKD', TW: 'TWD', MO: 'MOP', SG: 'SGD', TH: 'THB', CA: 'CAD', CH: 'CHF', CN: 'CNY',
};

/** The currency people usually pay in, in a country ('' when not known). */
export function countryCurrency(country: string): string {
  return countryCurrencies[country.trim().toUpperCase()] ?? '';
}

/** A two-letter country code, as the backend wants it. */
export const countryPattern = /^[A-Za-z]{2}$/;

export interface SupplierFormValues {
  name: string;
  kind?: string;
  country?: string;
  city: string;
  currency?: string;
  contact: string;
  phone: string;
  email: string;
  website: string;
  address: string;
  leadDays: number | null;
  notes: string;
}

export const emptySupplier: SupplierFormValues = {
  name: '', kind: 'shop', country: undefined, city: '', currency: undefined, contact: '', phone: '', email: '', website: '',
  address: '', leadDays: null, notes: '',
};

/** The fields of the form, by the backend's names (server errors land on these). */
export const supplierFields = Object.keys(emptySupplier);

export function toFormValues(s: Supplier): SupplierFormValues {
  return {
    name: s.name, kind: s.kind || undefined, country: s.country || undefined, city: s.city, currency: s.currency || undefined,
    contact: s.contact, phone: s.phone, email: s.email, website: s.website, address: s.address,
    leadDays: s.leadDays || s.leadDays === 0 ? s.leadDays : null, notes: s.notes,
  };
}

export function toSupplierInput(v: SupplierFormValues): SupplierInput {
  const s = (x: string | undefined) => (x ?? '').trim();
  return {
    name: s(v.name), kind: v.kind ?? '', country: s(v.country).toUpperCase(), city: s(v.city),
    currency: s(v.currency).toUpperCase(), contact: s(v.contact), phone: s(v.phone), email: s(v.email),
    website: s(v.website), address: s(v.address), leadDays: v.leadDays ?? 0, notes: v.notes ?? '',
  };
}
