import { describe, expect, test } from 'vitest';
import { formatDate, messageKeys, setLocale, t } from '../../core/i18n';

describe('i18n', () => {
  test('Chinese and English carry exactly the same messages', () => {
    expect(messageKeys('en').sort()).toEqual(messageKeys('zh_CN').sort());
  });

  test('no message is left empty or untranslated placeholder text', () => {
    for (const locale of ['zh_CN', 'en'] as const) {
      setLocale(locale);
      for (const key of messageKeys(locale)) expect(t(key as never).trim(), `${locale}:${key}`).not.toBe('');
    }
    setLocale('zh_CN');
  });

  test('substitutions and dates follow the chosen language', () => {
    setLocale('en');
    expect(t('form_has_errors', 2)).toBe('2 field(s) need fixing; nothing was saved.');
    expect(formatDate(Date.UTC(2026, 10, 23, 12))).toBe('Nov 23, 2026');
    setLocale('zh_CN');
    expect(t('form_has_errors', 2)).toBe('有 2 处需要修改，尚未保存。');
    expect(formatDate(Date.UTC(2026, 10, 23, 12))).toBe('2026年11月23日');
  });
});
