import { holidayNames } from '../cadence/reasons';
import type { ScriptLocale } from './library';

/** What a script may mention, each with the tokens users can type in either language. */
export const PLACEHOLDERS = {
  salutation: ['称呼', 'salutation'],
  consultant: ['顾问', 'consultant'],
  consultantPhone: ['顾问电话', 'consultant_phone'],
  store: ['门店', 'store'],
  brand: ['品牌', 'brand'],
  model: ['车型', 'model'],
  plate: ['车牌', 'plate'],
  deliveryDate: ['交车日期', 'delivery_date'],
  insuranceExpiry: ['保险到期日', 'insurance_expiry'],
  today: ['今天', 'today'],
  holiday: ['节日', 'holiday'],
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

const BY_TOKEN = new Map<string, PlaceholderName>(
  (Object.entries(PLACEHOLDERS) as [PlaceholderName, readonly string[]][]).flatMap(([name, tokens]) => tokens.map((token) => [token, name] as const)),
);

/** The token shown for a placeholder in a language: `{车型}` / `{model}`. */
export function placeholderToken(name: PlaceholderName, locale: ScriptLocale): string {
  return `{${PLACEHOLDERS[name][locale === 'zh_CN' ? 0 : 1]}}`;
}

/** What rendering reads: the customer card, the consultant's profile and the store (storage's types fit). */
export interface ScriptContext {
  locale: ScriptLocale;
  customer?: {
    name?: string;
    gender?: 'male' | 'female' | 'unknown';
    needs?: { series?: string; brands?: string[] };
    deal?: { won?: { model?: string; deliveredAt?: number } };
    ownedVehicle?: { model?: string; plate?: string; insuranceExpiresAt?: number };
  };
  consultant?: { name?: string; phone?: string };
  store?: { name?: string; brand?: string };
  now?: number;
  /** The callback being worked on: a holiday greeting's plan key names the holiday (in the interface language). */
  callback?: { planKey?: string };
}

export type ScriptPart = { text: string } | { placeholder: PlaceholderName; token: string; value?: string };

export interface RenderedScript {
  /** Ready to copy; a value we do not know keeps its `{token}` so it is seen and filled in, never left blank. */
  text: string;
  parts: ScriptPart[];
  /** Placeholders without a value, in order of first use. */
  missing: PlaceholderName[];
}

// Two-character surnames: 欧阳娜娜 is Ms 欧阳, not Ms 欧.
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门', '轩辕', '呼延', '申屠', '太史', '澹台', '万俟', '闻人', '赫连',
]);

function isHan(text: string): boolean {
  return /^[\u3400-\u9fff\uf900-\ufaff]+$/u.test(text);
}

function surnameOf(name: string): string {
  if (isHan(name)) return name.length >= 3 && COMPOUND_SURNAMES.has(name.slice(0, 2)) ? name.slice(0, 2) : name.slice(0, 1);
  const words = name.split(/\s+/);
  return words[words.length - 1] ?? name;
}

/**
 * How to address the customer: 张先生 / 王女士 / Mr Smith / Ms Wang from name and gender. With the
 * gender unknown we use the full name rather than guess.
 */
export function salutation(name: string | undefined, gender: string | undefined, locale: ScriptLocale): string | undefined {
  const trimmed = name?.trim().replace(/\s+/g, ' ');
  if (!trimmed) return undefined;
  if (gender !== 'male' && gender !== 'female') return trimmed;
  const surname = surnameOf(trimmed);
  if (locale === 'zh_CN') return `${surname}${gender === 'male' ? '先生' : '女士'}`;
  return `${gender === 'male' ? 'Mr' : 'Ms'} ${surname}`;
}

const dayFormats = new Map<ScriptLocale, Intl.DateTimeFormat>();

function formatDay(at: number | undefined, locale: ScriptLocale): string | undefined {
  if (at === undefined) return undefined;
  let format = dayFormats.get(locale);
  if (!format) dayFormats.set(locale, (format = new Intl.DateTimeFormat(locale === 'zh_CN' ? 'zh-CN' : 'en-US', { dateStyle: 'long' })));
  return format.format(at);
}

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function placeholderValues(context: ScriptContext): Record<PlaceholderName, string | undefined> {
  const { customer, consultant, store, locale } = context;
  return {
    salutation: salutation(customer?.name, customer?.gender, locale),
    consultant: present(consultant?.name),
    consultantPhone: present(consultant?.phone),
    store: present(store?.name),
    brand: present(store?.brand) ?? present(customer?.needs?.brands?.[0]),
    model: present(customer?.deal?.won?.model) ?? present(customer?.ownedVehicle?.model) ?? present(customer?.needs?.series),
    plate: present(customer?.ownedVehicle?.plate),
    deliveryDate: formatDay(customer?.deal?.won?.deliveredAt, locale),
    insuranceExpiry: formatDay(customer?.ownedVehicle?.insuranceExpiresAt, locale),
    today: formatDay(context.now ?? Date.now(), locale),
    holiday: holidayNames(context.callback?.planKey, locale),
  };
}

/** Fills a script's placeholders; unknown `{words}` are left as typed. */
export function renderScript(body: string, context: ScriptContext): RenderedScript {
  const values = placeholderValues(context);
  const parts: ScriptPart[] = [];
  const missing: PlaceholderName[] = [];
  let text = '';
  let last = 0;
  for (const match of body.matchAll(/\{([^{}\s]{1,24})\}/gu)) {
    const name = BY_TOKEN.get(match[1]!);
    if (!name) continue;
    if (match.index > last) parts.push({ text: body.slice(last, match.index) });
    const value = values[name];
    if (value === undefined && !missing.includes(name)) missing.push(name);
    parts.push(value === undefined ? { placeholder: name, token: match[0] } : { placeholder: name, token: match[0], value });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  for (const part of parts) text += 'text' in part ? part.text : (part.value ?? part.token);
  return { text, parts, missing };
}
