// Reading files the user picks, for the bindings that take them (photos as base64).
import { OrderImport } from './backend';

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

/**
 * Sends a file the user picked or dropped (an order export, a product list) to the app, which
 * keeps a copy in the data folder; returns the copy's path for the import calls.
 */
export async function stageFile(file: File): Promise<string> {
  return OrderImport.Stage(file.name, await readBase64(file));
}
