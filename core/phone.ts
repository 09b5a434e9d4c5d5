import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';

/** What a consultant typed, understood as a phone number. */
export interface NormalisedPhone {
  /** E.164 form (`+8613800138000`), the key duplicates are detected by. */
  e164: string;
  /** Extension of a switchboard landline, if any. */
  extension?: string;
  kind: 'mobile' | 'landline' | 'service' | 'other';
  country: string;
  /** Last four digits of the subscriber number: what consultants search by. */
  tail: string;
}

export type PhoneProblem = 'empty' | 'invalid';

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
// 转 / 分机 / ext / x mark an extension; a trailing "-123" after a full landline does too.
const EXTENSION_WORD = /\s*(?:转|分机|;ext=|ext\.?|extension|x)\s*(\d{1,6})\s*$/i;
const CN_LANDLINE_DASH_EXTENSION = /^(\(?0\d{2,3}\)?[\s.-]*\d{7,8})[\s]*-[\s]*(\d{1,6})$/;

function cleanInput(raw: string): { body: string; extension?: string } {
  let body = raw
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[＋]/g, '+')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[—–－]/g, '-')
    .trim();
  let extension: string | undefined;
  const word = EXTENSION_WORD.exec(body);
  if (word) {
    extension = word[1];
    body = body.slice(0, word.index).trim();
  } else {
    const dash = CN_LANDLINE_DASH_EXTENSION.exec(body);
    if (dash?.[1] && dash[2]) {
      body = dash[1];
      extension = dash[2];
    }
  }
  // 0086 / 86 prefixes as typed in China.
  const compact = body.replace(/[\s().-]/g, '');
  if (/^0086\d{7,}$/.test(compact)) body = '+' + compact.slice(2);
  else if (/^86(1\d{10})$/.test(compact)) body = '+' + compact;
  return { body, extension };
}

function kindOf(phone: PhoneNumber): NormalisedPhone['kind'] {
  switch (phone.getType()) {
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
    case 'FIXED_LINE_OR_MOBILE':
      return phone.country === 'CN' ? 'landline' : 'other';
    case 'TOLL_FREE':
    case 'SHARED_COST':
    case 'UAN':
    case 'PREMIUM_RATE':
      return 'service';
    default:
      return 'other';
  }
}

/**
 * Understands a phone number as consultants type it: Chinese mobiles with or without +86/0086, spaces,
 * dashes or dots; landlines with area codes and extensions; 400/800 numbers; international numbers.
 * Numbers without a country code are read as Chinese.
 */
export function normalisePhone(raw: string, defaultCountry = 'CN'): NormalisedPhone | PhoneProblem {
  if (!raw || !raw.trim()) return 'empty';
  const { body, extension } = cleanInput(raw);
  if (!/\d/.test(body) || /[^\d\s+().-]/.test(body)) return 'invalid';
  const parsed = parsePhoneNumberFromString(body, defaultCountry as never);
  if (!parsed || !parsed.isValid()) return 'invalid';
  const national = String(parsed.nationalNumber);
  return {
    e164: parsed.number,
    extension: extension ?? parsed.ext,
    kind: kindOf(parsed),
    country: parsed.country ?? defaultCountry,
    tail: national.slice(-4),
  };
}

export function isValidPhone(raw: string): boolean {
  return typeof normalisePhone(raw) === 'object';
}

/** Same person's number typed two ways? Compares normalised forms (extensions ignored). */
export function samePhone(a: string, b: string): boolean {
  const x = normalisePhone(a);
  const y = normalisePhone(b);
  return typeof x === 'object' && typeof y === 'object' && x.e164 === y.e164;
}

/** Readable form for display: `138 0013 8000`, `010 6234 5678`, `+1 415 555 2671`. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === 'CN' ? parsed.formatNational() : parsed.formatInternational();
}
