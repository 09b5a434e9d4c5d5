/**
 * Light phone spotting for the content script: regexes only (no libphonenumber, which is large).
 * The sidebar normalises and validates what is found here with core/phone.
 */

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/** Full-width digits and every dash-like character made plain, so `138—0013—8000` reads as a phone. */
export function plainDigits(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(DASHES, '-')
    .replace(/\uFF08/g, '(')
    .replace(/\uFF09/g, ')')
    .replace(/\uFF0B/g, '+');
}

const SEP = String.raw`[ \u00a0.-]?`;
const PATTERNS = [
  // Chinese mobile, optionally +86 / 0086.
  String.raw`(?:(?:\+|00)86${SEP})?1[3-9]\d${SEP}\d{4}${SEP}\d{4}`,
  // 400 / 800 service numbers.
  String.raw`[48]00${SEP}\d{3}${SEP}\d{4}`,
  // Chinese landline with area code, optional extension.
  String.raw`(?:(?:\+|00)86${SEP})?\(?0\d{2,3}\)?${SEP}\d{3,4}${SEP}\d{4}(?:\s*(?:转|-|ext\.?)\s*\d{1,5})?`,
  // North American: (415) 555-2671, 415-555-2671, +1 415 555 2671.
  String.raw`(?:\+?1${SEP})?\(?[2-9]\d{2}\)?${SEP}[2-9]\d{2}[ .-]\d{4}`,
  // Anything else written internationally.
  String.raw`\+[1-9]\d{0,2}[ \u00a0.-]?(?:\(?\d{1,4}\)?[ \u00a0.-]?){2,5}\d{2,4}`,
];
const PHONE = new RegExp(String.raw`(?<![\w+/#=-])(?:${PATTERNS.join('|')})(?![\w/-]|\.\d)`, 'g');
// A number right after one of these words is an id, a date or a code, not a phone.
const NOT_A_PHONE_BEFORE = /(?:编号|单号|订单|序号|流水|车架|VIN|ID|No\.?|#|时间|日期|价格|售价|报价|里程|Date|Time|Order|Stock|SKU|Ref)\s*[:：]?\s*$/i;

export interface PhoneMatch {
  /** As written, with dashes made plain. */
  text: string;
  digits: string;
  index: number;
}

export function digitsOf(text: string): string {
  return plainDigits(text).replace(/\D/g, '');
}

/** Phone-like numbers in a piece of visible text. */
export function findPhones(raw: string): PhoneMatch[] {
  if (!/\d{3}|[\uFF10-\uFF19]/.test(raw)) return [];
  const text = plainDigits(raw);
  const found: PhoneMatch[] = [];
  for (const match of text.matchAll(PHONE)) {
    const before = text.slice(Math.max(0, match.index - 12), match.index);
    if (NOT_A_PHONE_BEFORE.test(before)) continue;
    const digits = digitsOf(match[0]);
    if (digits.length < 7 || digits.length > 15) continue;
    // 1111111 / 0000000: placeholders, not numbers.
    if (/^(\d)\1+$/.test(digits.slice(-7))) continue;
    found.push({ text: match[0].trim(), digits, index: match.index });
  }
  return found;
}

/** One phone from a labelled value or link (`tel:`), or nothing when it is not a number ("无", "—"). */
export function phoneFromValue(raw: string): string | undefined {
  const text = plainDigits(raw).trim();
  const digits = text.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  if (!/^[\d\s()+.;,=a-z转-]+$/i.test(text)) return findPhones(text)[0]?.text;
  return text;
}

// Lists compare every row's phone with every structured phone: the same few strings, many times.
const MAIN_DIGITS = new Map<string, string>();

/** The digits of the number itself, without an extension (`转 21`, `ext. 4`, `,21`). */
function mainDigits(text: string): string {
  let digits = MAIN_DIGITS.get(text);
  if (digits === undefined) {
    digits = digitsOf(plainDigits(text).split(/转|分机|ext|[,;]|\sx\s?\d/i)[0] ?? '');
    if (MAIN_DIGITS.size > 2000) MAIN_DIGITS.clear();
    MAIN_DIGITS.set(text, digits);
  }
  return digits;
}

/** Same number? Compares the trailing digits (country prefixes differ in how pages write them). */
export function samePhoneDigits(a: string, b: string): boolean {
  const x = mainDigits(a);
  const y = mainDigits(b);
  const n = Math.min(x.length, y.length, 10);
  return n >= 7 && x.slice(-n) === y.slice(-n);
}
