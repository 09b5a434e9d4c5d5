import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import zhCN from '../public/_locales/zh_CN/messages.json';
import en from '../public/_locales/en/messages.json';

/**
 * One translation source for every surface: the extension's _locales files. Components read them
 * through here (not chrome.i18n) so the kit works on any page and the language can follow Settings.
 */
export type MessageKey = keyof typeof zhCN;
export type Locale = 'zh_CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh_CN', 'en'];

type Catalogue = Record<string, { message: string } | undefined>;
const catalogues: Record<Locale, Catalogue> = { zh_CN: zhCN, en };
const DAYJS_LOCALE: Record<Locale, string> = { zh_CN: 'zh-cn', en: 'en' };

function detectLocale(): Locale {
  const lang = typeof navigator !== 'undefined' ? navigator.language : 'zh-CN';
  return /^en\b/i.test(lang ?? '') ? 'en' : 'zh_CN';
}

let current: Locale = detectLocale();
dayjs.locale(DAYJS_LOCALE[current]);
const listeners = new Set<(locale: Locale) => void>();

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  dayjs.locale(DAYJS_LOCALE[locale]);
  for (const listener of listeners) listener(locale);
}

/** Called when the language changes; returns the unsubscribe function. */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message in the current language, `$1`…`$9` replaced by `substitutions`. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return tIn(current, key, ...substitutions);
}

/** The message in `locale` whatever the interface language (a script is written in its own). */
export function tIn(locale: Locale, key: MessageKey, ...substitutions: (string | number)[]): string {
  const entry = catalogues[locale][key] ?? catalogues.zh_CN[key];
  if (!entry) return key;
  return entry.message.replace(/\$(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
}

export function hasMessage(key: string): key is MessageKey {
  return key in catalogues.zh_CN;
}

export function messageKeys(locale: Locale): string[] {
  return Object.keys(catalogues[locale]);
}

/** A date in the current language, e.g. `2026年11月23日 09:30` / `Nov 23, 2026 9:30 AM`. */
export function formatDateTime(at: number | Date): string {
  return dayjs(at).format(current === 'zh_CN' ? 'YYYY年M月D日 HH:mm' : 'MMM D, YYYY h:mm A');
}

export function formatDate(at: number | Date): string {
  return dayjs(at).format(current === 'zh_CN' ? 'YYYY年M月D日' : 'MMM D, YYYY');
}
