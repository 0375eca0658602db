// The column-mapping step's logic: which header of the file holds each field. It mirrors the
// Go side (backend/orderimport: importer.HeaderKey, SaveMapping's checks) so the form can say
// what is wrong before anything is sent; the Go side checks again.
import type { ErrorParams } from '../../../lib/backend';

/** Field name (order_no, title, …) → the file's column header. */
export type Mapping = Record<string, string>;

/** A header as the importer compares it: width-folded, lower case, without spaces, _ - *. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').trim().toLowerCase().replace(/[\s_\-*]/g, '');
}

/**
 * The mapping limited to the columns this file has, each naming the file's own spelling of
 * the header. A preset or saved mapping may name columns a particular export lacks (Taobao's
 * 宝贝单价 …): those fields are left unmapped, as the importer would ignore them anyway.
 */
export function fitMapping(mapping: Mapping | null | undefined, headers: string[]): Mapping {
  const byKey = new Map(headers.map((h) => [headerKey(h), h]));
  const out: Mapping = {};
  for (const [field, header] of Object.entries(mapping ?? {})) {
    const h = byKey.get(headerKey(header ?? ''));
    if (h) out[field] = h;
  }
  return out;
}

/** The mapping without its empty choices, as the bindings take it. */
export function cleanMapping(mapping: Mapping): Mapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, h]) => h && h.trim() !== ''));
}

export interface MappingProblem {
  field: string;
  /** i18n key (the Go side's keys for the same checks) */
  key: string;
  params?: ErrorParams;
}

/** What keeps the mapping from being used: no order number, no product column, a column twice. */
export function mappingProblems(mapping: Mapping, fieldOrder: string[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const m = cleanMapping(mapping);
  if (!m.order_no) problems.push({ field: 'order_no', key: 'importing.mapping.orderNoRequired' });
  if (!m.title && !m.sku && !m.barcode) problems.push({ field: 'title', key: 'importing.mapping.productRequired' });
  const used = new Map<string, string>();
  for (const field of fieldOrder) {
    const h = m[field];
    if (!h) continue;
    const first = used.get(headerKey(h));
    if (first) problems.push({ field, key: 'importing.mapping.headerTwice', params: { header: h, field: first } });
    else used.set(headerKey(h), field);
  }
  return problems;
}
