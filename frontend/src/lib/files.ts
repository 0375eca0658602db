// Reading files the user picks, for the bindings that take them (photos as base64).

/** Reads a file as base64 (without the data-URL prefix), for Catalog.SavePhoto and the like. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
