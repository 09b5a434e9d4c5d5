import { describe, expect, test } from 'vitest';
import { setLocale } from '../../core/i18n';
import { customerInputSchema, type CustomerInput } from '../../storage/schemas/customer';
import { validate } from '../../storage/validation';

const FULL_CARD: CustomerInput = {
  name: '张伟',
  gender: 'male',
  ageRange: '35to44',
  phones: [{ number: '138 0013 8000', primary: true }, { number: '010-6234 5678 转 801', label: 'work' }],
  wechat: 'zhangwei_88',
  qq: '12345678',
  email: 'zhangwei@example.cn',
  birthday: '1985-06-18',
  source: { channel: 'autohome', url: 'https://dealer.autohome.com.cn/123/', site: '汽车之家', capturedAt: 1_763_800_000_000 },
  stage: 'intent',
  grade: 'A',
  needs: {
    brands: ['比亚迪'],
    series: '汉 EV',
    trimPreferences: '605KM 尊贵型',
    colour: '雪域白',
    budgetMin: 180_000,
    budgetMax: 230_000,
    concerns: ['续航', '安全', '价格'],
    purpose: '家用',
    urgency: 'high',
    purchaseWindow: 'within15d',
    comparedModels: ['特斯拉 Model 3'],
  },
  testDrives: [{ model: '汉 EV', at: 1_763_800_000_000, feedback: '加速满意，后排稍窄' }],
  materialsGiven: ['报价单', '金融方案'],
  decisionMaker: '本人和妻子',
  objections: ['价格偏高'],
  deal: { status: 'open' },
  ownedVehicle: { model: '大众 朗逸', plate: '京A12345', vin: 'lsvan4180c2123456', purchasedAt: 1_500_000_000_000, mileageKm: 98_000 },
  consultant: '李顾问',
  tags: ['置换'],
  notes: '周末方便到店',
};

function errorsOf(input: unknown) {
  const result = validate(customerInputSchema, input);
  return result.ok ? [] : result.errors;
}

describe('customer card schema', () => {
  test('a complete card of every module is accepted and normalised', () => {
    const result = validate(customerInputSchema, FULL_CARD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.phones.map((phone) => phone.number)).toEqual(['+8613800138000', '+861062345678;ext=801']);
    expect(result.value.ownedVehicle?.vin).toBe('LSVAN4180C2123456');
  });

  test('a minimal lead gets the defaults a new lead has', () => {
    const result = validate(customerInputSchema, { name: '李娜', phones: [{ number: '13912345678' }] });
    expect(result.ok && result.value).toMatchObject({ stage: 'potential', grade: 'C', gender: 'unknown', deal: { status: 'open' }, tags: [] });
  });

  test.each([
    ['name', { ...FULL_CARD, name: '  ' }, '姓名', '必填'],
    ['phones.0.number', { ...FULL_CARD, phones: [{ number: '138 0013 800' }] }, '电话（第 1 项）', '不是有效的电话号码'],
    ['phones.1.number', { ...FULL_CARD, phones: [{ number: '13800138000' }, { number: '无' }] }, '电话（第 2 项）', '不是有效的电话号码'],
    ['phones', { name: '王强', phones: [] }, '电话', '至少填写一种联系方式'],
    ['email', { ...FULL_CARD, email: 'not-an-email' }, '邮箱', '不是有效的邮箱地址'],
    ['qq', { ...FULL_CARD, qq: '12ab' }, 'QQ', 'QQ 号应为'],
    ['birthday', { ...FULL_CARD, birthday: '1985-13-01' }, '生日', 'MM-DD'],
    ['grade', { ...FULL_CARD, grade: 'Z' }, '级别', '不是可选的值'],
    ['stage', { ...FULL_CARD, stage: 'hot' }, '阶段', '不是可选的值'],
    ['source.url', { ...FULL_CARD, source: { channel: 'autohome', url: 'javascript:alert(1)' } }, '来源网址', 'http/https'],
    ['needs.budgetMax', { ...FULL_CARD, needs: { budgetMin: 300_000, budgetMax: 200_000 } }, '预算上限（元）', '不能低于下限'],
    ['deal.lost.reason', { ...FULL_CARD, deal: { status: 'lost' } }, '战败原因', '战败必须填写原因'],
    ['ownedVehicle.vin', { ...FULL_CARD, ownedVehicle: { vin: 'LSVAN4180C212345O' } }, '车架号（VIN）', '17 位'],
    ['testDrives.0.model', { ...FULL_CARD, testDrives: [{ model: '', at: 1 }] }, '试驾车型（第 1 项）', '必填'],
  ])('%s: a bad value is named with its field and reason', (path, input, field, message) => {
    const errors = errorsOf(input);
    const error = errors.find((candidate) => candidate.path === path);
    expect(error, JSON.stringify(errors)).toBeDefined();
    expect(error!.field).toBe(field);
    expect(error!.message).toContain(message);
  });

  test('every bad field is reported at once, not only the first', () => {
    const errors = errorsOf({ name: '', phones: [{ number: '123' }], email: 'x', grade: 'Z' });
    expect(errors.map((error) => error.path).sort()).toEqual(['email', 'grade', 'name', 'phones.0.number']);
  });

  test('errors speak the user’s language', () => {
    setLocale('en');
    try {
      const [error] = errorsOf({ ...FULL_CARD, phones: [{ number: '138 0013 800' }] });
      expect(error).toMatchObject({ field: 'Phone (#1)' });
      expect(error!.message).toContain('Not a valid phone number');
    } finally {
      setLocale('zh_CN');
    }
  });
});
