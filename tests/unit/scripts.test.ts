import { describe, expect, test } from 'vitest';
import {
  BUILT_IN_SCRIPT_KEYS,
  bestScript,
  builtInScripts,
  renderScript,
  salutation,
  searchObjections,
  type ScriptContext,
  type ScriptLocale,
} from '../../core/scripts';
import { DealerDeskDatabase, ScriptRepository } from '../../storage';

const LOCALES: ScriptLocale[] = ['zh_CN', 'en'];
const fullContext = (locale: ScriptLocale): ScriptContext => ({
  locale,
  customer: {
    name: '张伟',
    gender: 'male',
    needs: { series: '凌渡 L', brands: ['大众'] },
    deal: { won: { model: '凌渡 L 280TSI', deliveredAt: Date.parse('2026-11-20T10:00:00+08:00') } },
    ownedVehicle: { plate: '粤A12345', insuranceExpiresAt: Date.parse('2027-01-15T12:00:00+08:00') },
  },
  consultant: { name: '李娜', phone: '138 0013 8000' },
  store: { name: '城东大众 4S 店', brand: '大众' },
  now: Date.parse('2026-11-23T10:00:00+08:00'),
  callback: { planKey: 'holiday:national_day+mid_autumn:2027-10-01' },
});

describe('every built-in script', () => {
  test.each(LOCALES)('renders completely in %s when the card is filled in', (locale) => {
    const scripts = builtInScripts(locale);
    expect(scripts.map((script) => script.key)).toEqual([...BUILT_IN_SCRIPT_KEYS]);
    for (const script of scripts) {
      const rendered = renderScript(script.body, fullContext(locale));
      expect(rendered.missing, script.key).toEqual([]);
      expect(rendered.text, script.key).not.toMatch(/[{}]/);
      expect(script.title.length, script.key).toBeGreaterThan(2);
    }
  });

  test.each(LOCALES)('in %s shows every unknown value instead of leaving a blank', (locale) => {
    for (const script of builtInScripts(locale)) {
      const rendered = renderScript(script.body, { locale });
      for (const part of rendered.parts) if ('placeholder' in part) expect(rendered.text, script.key).toContain(part.token);
      expect(rendered.missing.length, script.key).toBeGreaterThan(0);
    }
  });

  test('is written in the language it is listed under', () => {
    for (const script of builtInScripts('en')) expect(script.body, script.key).not.toMatch(/[\u4e00-\u9fff]/);
    for (const script of builtInScripts('zh_CN')) expect(script.body, script.key).toMatch(/[\u4e00-\u9fff]/);
  });

  test('never coaches the customer on satisfaction surveys', () => {
    for (const locale of LOCALES) {
      for (const script of builtInScripts(locale)) {
        expect(`${script.title} ${script.body}`, script.key).not.toMatch(/满意度|调查|问卷|打分|评分|满分|十分|survey|questionnaire|rate us|rating|score/i);
      }
    }
  });
});

describe('placeholders', () => {
  test.each([
    ['张伟', 'male', 'zh_CN', '张先生'],
    ['王芳', 'female', 'zh_CN', '王女士'],
    ['欧阳娜娜', 'female', 'zh_CN', '欧阳女士'],
    ['司马光', 'male', 'zh_CN', '司马先生'],
    ['李雷', 'unknown', 'zh_CN', '李雷'],
    ['John Smith', 'male', 'en', 'Mr Smith'],
    ['Anna  Lee', 'female', 'en', 'Ms Lee'],
    ['张伟', 'male', 'en', 'Mr 张'],
    ['Anna Lee', 'unknown', 'en', 'Anna Lee'],
  ] as const)('%s (%s) is addressed in %s as %s', (name, gender, locale, expected) => {
    expect(salutation(name, gender, locale)).toBe(expected);
  });

  test('a missing value stays visible as its token and is listed', () => {
    const rendered = renderScript('{称呼}您好，您的{车型}该保养了。{顾问}', { locale: 'zh_CN', customer: { name: '王芳', gender: 'female' }, consultant: { name: '  ' } });
    expect(rendered.text).toBe('王女士您好，您的{车型}该保养了。{顾问}');
    expect(rendered.missing).toEqual(['model', 'consultant']);
  });

  test('Chinese and English tokens work in either language; unknown words are left as typed', () => {
    const rendered = renderScript('Hi {称呼}, your {model} ({车牌}) {优惠}', { locale: 'en', customer: { name: 'John Smith', gender: 'male', ownedVehicle: { model: 'ID.4', plate: 'B 123' } } });
    expect(rendered.text).toBe('Hi Mr Smith, your ID.4 (B 123) {优惠}');
    expect(rendered.missing).toEqual([]);
  });

  test('dates are written the way each language writes them', () => {
    expect(renderScript('{保险到期日}', fullContext('zh_CN')).text).toBe('2027年1月15日');
    expect(renderScript('{insurance_expiry}', fullContext('en')).text).toBe('January 15, 2027');
  });

  test('a holiday greeting names the holidays of the callback it answers, in the script’s language', () => {
    const greeting = (locale: ScriptLocale, planKey?: string) =>
      renderScript(builtInScripts(locale).find((script) => script.key === 'holiday_sms')!.body, { ...fullContext(locale), ...(planKey ? { callback: { planKey } } : { callback: {} }) });
    expect(greeting('zh_CN', 'holiday:spring_festival:2027-02-06').text).toMatch(/^张先生，春节快乐！/);
    expect(greeting('en', 'holiday:national_day+mid_autumn:2027-10-01').text).toMatch(/^Happy National Day and Mid-Autumn Festival, Mr 张!/);
    // Opened without a greeting to answer: the holiday stays visible as its token.
    expect(greeting('zh_CN').text).toMatch(/^张先生，\{节日\}快乐！/);
    expect(greeting('zh_CN').missing).toEqual(['holiday']);
  });

  test('the model comes from the deal, then the owned car, then the wished-for series', () => {
    expect(renderScript('{车型}', { locale: 'zh_CN', customer: { needs: { series: '途观 L' } } }).text).toBe('途观 L');
    expect(renderScript('{车型}', { locale: 'zh_CN', customer: { needs: { series: '途观 L' }, ownedVehicle: { model: '帕萨特' } } }).text).toBe('帕萨特');
  });
});

describe('choosing a script', () => {
  const zh = builtInScripts('zh_CN');
  test.each([
    [{ callback: { kind: 'post_delivery', planKey: 'post_delivery:7d_call' }, stage: 'owner', grade: 'O' }, 'delivery_7d_call'],
    [{ callback: { kind: 'post_delivery', planKey: 'post_delivery:2h_sms' }, stage: 'owner', grade: 'O' }, 'delivery_2h_sms'],
    [{ callback: { kind: 'grade_cadence', planKey: 'grade_cadence:1' }, stage: 'intent', grade: 'H' }, 'grade_h_call'],
    [{ callback: { kind: 'first_contact', planKey: 'first_contact' }, stage: 'potential', grade: 'C' }, 'first_contact_call'],
    [{ callback: { kind: 'insurance_renewal', planKey: 'insurance:2027-01-15:45d' }, stage: 'owner', grade: 'O' }, 'insurance_renewal_call'],
    [{ stage: 'lost', grade: 'F' }, 'reactivate_lost_call'],
  ])('%o → %s', (context, key) => {
    expect(bestScript(zh, context)?.id).toBe(`builtin:${key}:zh_CN`);
  });

  test('the objection library is searchable by words of the objection', () => {
    expect(searchObjections(zh, '朋友').map((s) => s.id)).toEqual(['builtin:insurance_objection_friend:zh_CN']);
    // Scripts naming the objection come before those merely mentioning the word.
    const price = searchObjections(builtInScripts('en'), 'price').map((s) => s.id);
    expect(price.slice(0, 1)).toEqual(['builtin:insurance_objection_price:en']);
    expect(price).toContain('builtin:objection_car_price:en');
    expect(searchObjections(zh, '')).toHaveLength(5);
  });
});

describe('the user’s library', () => {
  test('built-ins can be edited, switched off and reset; own scripts added and deleted', async () => {
    const db = new DealerDeskDatabase('scripts-library');
    const scripts = new ScriptRepository(db);
    const id = 'builtin:birthday_sms:zh_CN';
    const original = (await scripts.effective('zh_CN')).find((s) => s.id === id)!;

    expect((await scripts.save(id, { ...original, body: '{称呼}，生日快乐！' })).ok).toBe(true);
    expect((await scripts.effective('zh_CN')).find((s) => s.id === id)?.body).toBe('{称呼}，生日快乐！');
    await scripts.setEnabled(id, false, 'zh_CN');
    expect((await scripts.effective('zh_CN')).find((s) => s.id === id)).toMatchObject({ enabled: false, body: '{称呼}，生日快乐！' });
    await scripts.reset(id);
    expect((await scripts.effective('zh_CN')).find((s) => s.id === id)).toMatchObject({ enabled: true, body: original.body });

    const own = await scripts.create({ title: '团购活动邀约', channel: 'wechat', body: '{称呼}，本周末团购会……', locale: 'zh_CN' });
    if (!own.ok) throw new Error('refused');
    expect((await scripts.effective('zh_CN')).at(-1)?.title).toBe('团购活动邀约');
    expect((await scripts.effective('en')).some((s) => s.id === own.value.id)).toBe(false);
    expect(await scripts.remove(id)).toBe(false);
    expect(await scripts.remove(own.value.id)).toBe(true);
    expect((await scripts.create({ title: '', channel: 'sms', body: '' })).ok).toBe(false);
    db.close();
    await db.delete();
  });
});
