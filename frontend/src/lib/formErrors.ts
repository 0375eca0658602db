// A rejected save as form errors. The backend names the bad field of each problem ("name",
// "lines[2].qty", "lines[0]"); an antd form addresses the same field by a name path
// (['lines', 2, 'qty']). Every form that saves through the backend (suppliers, purchase orders,
// receiving, costs, parcels, carriers) shares this mapping, and the reading of its text and
// number values.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { errorText, toAppError, type AppError } from './backend';

export type NamePath = (string | number)[];

/** "lines[2].qty" → ['lines', 2, 'qty']; "name" → ['name']; '' → []. */
export function fieldPath(field: string | undefined): NamePath {
  if (!field) return [];
  const path: NamePath = [];
  for (const part of field.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return [field];
    if (m[1]) path.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) path.push(Number(idx[1]));
  }
  return path;
}

/** Every problem of a rejected save: its details when the backend found several, else itself. */
export function problemsOf(err: unknown): AppError[] {
  const e = toAppError(err);
  return e.details.length > 0 ? e.details : [e];
}

export interface FieldError {
  name: NamePath;
  errors: string[];
}

/**
 * Splits the problems of a rejected save into errors on form fields and the rest.
 * place(path) gives the form field a problem's path belongs on, or undefined when the form
 * has no such field (the problem is then left for a message). Several problems on one field
 * are joined.
 */
export function splitErrors(
  t: TFunction,
  err: unknown,
  place: (path: NamePath) => NamePath | undefined,
): { fields: FieldError[]; rest: string[] } {
  const fields = new Map<string, FieldError>();
  const rest: string[] = [];
  for (const p of problemsOf(err)) {
    const text = errorText(t, p);
    const name = p.field ? place(fieldPath(p.field)) : undefined;
    if (!name) {
      rest.push(text);
      continue;
    }
    const key = JSON.stringify(name);
    const fe = fields.get(key) ?? { name, errors: [] };
    if (!fe.errors.includes(text)) fe.errors.push(text);
    fields.set(key, fe);
  }
  return { fields: [...fields.values()], rest };
}

/** A place function for a flat form: a top-level field in known, else nothing. */
export function topLevel(known: Iterable<string>): (path: NamePath) => NamePath | undefined {
  const set = new Set(known);
  return (path) => (path.length === 1 && typeof path[0] === 'string' && set.has(path[0]) ? path : undefined);
}

/** Shows the errors on their fields (scrolling to the first); returns the problems left over. */
export function showErrors(form: FormInstance, t: TFunction, err: unknown, place: (path: NamePath) => NamePath | undefined): string[] {
  const { fields, rest } = splitErrors(t, err, place);
  if (fields.length > 0) {
    form.setFields(fields);
    form.scrollToField(fields[0].name);
  }
  return rest;
}

/** A form's text value, trimmed ("" when empty). */
export const formText = (v: string | null | undefined) => (v ?? '').trim();

/** A form's number value as a whole number (0 when empty). */
export const formInt = (v: number | null | undefined) =>
  v === null || v === undefined || Number.isNaN(v) ? 0 : Math.round(v);
