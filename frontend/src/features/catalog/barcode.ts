// Client-side barcode check (EAN-13/JAN, UPC-A, EAN-8), the same rules as
// backend/domain/barcode.go, so the form can hint before saving. The server still decides.

export type BarcodeProblem =
  | { key: 'product.barcode.length'; params: { code: string } }
  | { key: 'product.barcode.digits'; params: { code: string } }
  | { key: 'product.barcode.check'; params: { code: string; expected: string } };

/** GS1 check digit for the digits before it: weights 3,1,3,1… from the right. */
export function checkDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? 3 * d : d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** undefined when code is empty or valid, else the problem (an i18n key with params). */
export function barcodeProblem(code: string): BarcodeProblem | undefined {
  if (code === '') return undefined;
  if (![8, 12, 13].includes(code.length)) return { key: 'product.barcode.length', params: { code } };
  if (!/^[0-9]+$/.test(code)) return { key: 'product.barcode.digits', params: { code } };
  const expected = checkDigit(code.slice(0, -1));
  if (code[code.length - 1] !== expected) return { key: 'product.barcode.check', params: { code, expected } };
  return undefined;
}
