// Opening web pages (a carrier's tracking page) outside the app: in the system browser through
// the Wails runtime when it is there, else in a new browser tab (a plain browser, the e2e tests).
import { BrowserOpenURL } from '../../wailsjs/runtime/runtime';
import { runtimeAvailable } from './events';

export function openExternal(url: string): void {
  if (runtimeAvailable()) {
    try {
      BrowserOpenURL(url);
      return;
    } catch {
      // fall through to a tab
    }
  }
  window.open(url, '_blank', 'noopener');
}
