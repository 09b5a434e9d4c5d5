import { describe, expect, test } from 'vitest';
import { formatPhone, normalisePhone, samePhone } from '../../core/phone';

// [as typed, E.164 expected (null = rejected), kind, extension]
const VALID: [string, string, string, string?][] = [
  ['13800138000', '+8613800138000', 'mobile'],
  ['138 0013 8000', '+8613800138000', 'mobile'],
  ['138-0013-8000', '+8613800138000', 'mobile'],
  ['138.0013.8000', '+8613800138000', 'mobile'],
  ['+86 138 0013 8000', '+8613800138000', 'mobile'],
  ['+8613800138000', '+8613800138000', 'mobile'],
  ['0086 13800138000', '+8613800138000', 'mobile'],
  ['0086-138-0013-8000', '+8613800138000', 'mobile'],
  ['8613800138000', '+8613800138000', 'mobile'],
  ['(+86) 186 0001 2345', '+8618600012345', 'mobile'],
  ['１３９１２３４５６７８', '+8613912345678', 'mobile'],
  ['199 8888 6666', '+8619988886666', 'mobile'],
  ['177—1234—5678', '+8617712345678', 'mobile'],
  ['010-62345678', '+861062345678', 'landline'],
  ['(010) 6234 5678', '+861062345678', 'landline'],
  ['010 6234 5678 转 801', '+861062345678', 'landline', '801'],
  ['010-62345678-801', '+861062345678', 'landline', '801'],
  ['021-5555 6666 ext. 123', '+862155556666', 'landline', '123'],
  ['0755-8888 9999', '+8675588889999', 'landline'],
  ['0571 8765 4321', '+8657187654321', 'landline'],
  ['+86 10 6234 5678', '+861062345678', 'landline'],
  ['400-810-8888', '+864008108888', 'service'],
  ['400 810 8888', '+864008108888', 'service'],
  ['800-810-8888', '+868008108888', 'service'],
  ['+1 (415) 555-2671', '+14155552671', 'other'],
  ['+44 20 7946 0958', '+442079460958', 'other'],
  ['+49 30 901820', '+4930901820', 'other'],
  ['+852 9123 4567', '+85291234567', 'mobile'],
  ['+886 912 345 678', '+886912345678', 'mobile'],
];

const INVALID = [
  '1380013800', // one digit short
  '138001380001', // one digit long
  '12345',
  '95588', // bank short code: not a customer's phone
  '无',
  '—',
  'abc',
  '138 0013 8000 abc',
  '20261123091200', // a timestamp
  '00000000000',
  '+86 000 0000 0000',
];

describe('normalisePhone', () => {
  test.each(VALID)('%s → %s', (typed, e164, kind, extension) => {
    const phone = normalisePhone(typed);
    expect(phone).toMatchObject({ e164, kind });
    if (typeof phone === 'object') expect(phone.extension).toBe(extension);
  });

  test.each(INVALID)('%s is rejected', (typed) => {
    expect(normalisePhone(typed)).toBe('invalid');
  });

  test('empty input is told apart from a wrong number', () => {
    expect(normalisePhone('')).toBe('empty');
    expect(normalisePhone('   ')).toBe('empty');
  });

  test('the tail is the last four digits consultants search by', () => {
    expect(normalisePhone('138 0013 8000')).toMatchObject({ tail: '8000' });
  });

  test('the same number typed two ways is the same phone', () => {
    expect(samePhone('138 0013 8000', '+86 13800138000')).toBe(true);
    expect(samePhone('138 0013 8000', '138 0013 8001')).toBe(false);
  });

  test('numbers read back the way consultants write them', () => {
    expect(formatPhone('+8613800138000')).toBe('138 0013 8000');
    expect(formatPhone('+14155552671')).toBe('+1 415 555 2671');
  });
});
