import { pinyin } from 'pinyin-pro';
import type { Customer } from './schemas/customer';

/**
 * Values computed on write so that search is an index lookup, never per-keystroke pinyin work:
 * `张三` → initials `zs`, pinyin `zhangsan`; phones → E.164 numbers and their last four digits.
 */
export interface CustomerSearchKeys {
  phoneNumbers: string[];
  phoneTails: string[];
  nameInitials: string;
  namePinyin: string;
}

export type CustomerRecord = Customer & CustomerSearchKeys;

export function nameKeys(name: string): Pick<CustomerSearchKeys, 'nameInitials' | 'namePinyin'> {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .flatMap((part) => part.split(/[\s·.\-_]+/))
    .map((part) => part.toLowerCase().replace(/[^a-z0-9ü]/g, ''))
    .filter(Boolean);
  return {
    nameInitials: syllables.map((syllable) => syllable[0]).join(''),
    namePinyin: syllables.join(''),
  };
}

/** E.164 without the extension: `+861062345678;ext=801` → `+861062345678`. */
export function phoneKey(stored: string): string {
  return stored.split(';')[0] ?? stored;
}

export function phoneKeys(phones: readonly { number: string }[]): Pick<CustomerSearchKeys, 'phoneNumbers' | 'phoneTails'> {
  const phoneNumbers = [...new Set(phones.map((phone) => phoneKey(phone.number)))];
  return { phoneNumbers, phoneTails: [...new Set(phoneNumbers.map((number) => number.slice(-4)))] };
}

export function searchKeys(customer: Pick<Customer, 'name' | 'phones'>): CustomerSearchKeys {
  return { ...phoneKeys(customer.phones), ...nameKeys(customer.name) };
}
