// The resident ID number check, as backend/domain/residentid.go does it, so the form can say
// "checksum OK" (or what is wrong) while the user types. The backend checks again on save.

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

export type IdProblem = 'format' | 'birthDate' | 'checksum';

export function normalizeIdNumber(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/** The birth date (YYYY-MM-DD) of a valid number, or a problem. */
export function checkIdNumber(raw: string, now = new Date()): { ok: true; birthDate: string } | { ok: false; problem: IdProblem } {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth > now) {
    return { ok: false, problem: 'birthDate' };
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * weights[i];
  if (checkChars[sum % 11] !== id[17]) return { ok: false, problem: 'checksum' };
  return { ok: true, birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` };
}
