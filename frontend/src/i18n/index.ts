// i18n setup. Chinese first: zh-CN is the default and the fallback; English is the other
// supported language. Every visible string goes through t('…'); zh-CN.json and en.json must
// have identical key sets (checked by keys.test.ts).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN.json';
import en from './en.json';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

const storageKey = 'daigoudesk.language';

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (languages as readonly string[]).includes(v);
}

/** The language remembered in this browser profile, if any. */
export function storedLanguage(): Language | undefined {
  try {
    const v = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Switches the UI language and remembers it locally (the backend copy is saved by the caller). */
export async function applyLanguage(lng: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(storageKey, lng);
  } catch {
    // private mode or no storage: the choice still applies to this session
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: en },
  },
  lng: storedLanguage() ?? defaultLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  interpolation: { escapeValue: false }, // React escapes
});

export default i18n;
