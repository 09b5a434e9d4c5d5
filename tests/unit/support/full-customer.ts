import type { CustomerInput } from '../../../storage';

const at = (month: number, day: number, hour = 0, minute = 0, second = 0): number => new Date(2026, month - 1, day, hour, minute, second).getTime();

/** A card with every field of the data model filled in (times on whole seconds, as spreadsheets keep them). */
export function fullCustomer(name = '欧阳娜娜', phone = '13812345678'): CustomerInput {
  return {
    name,
    gender: 'female',
    ageRange: '25to34',
    phones: [
      { number: phone, label: 'mobile', primary: true },
      { number: '010-62345678 转 801', label: 'mobile', primary: false },
    ],
    wechat: 'oyny_2026',
    city: '杭州',
    address: '西湖区文三路 100 号',
    qq: '123456789',
    email: 'nana@example.com',
    birthday: '06-15',
    source: { channel: 'dongchedi', site: '懂车帝', url: 'https://www.dongchedi.com/dealer/1', capturedAt: at(10, 3, 9, 15, 30), referrerId: 'ref-1' },
    stage: 'lost',
    grade: 'F',
    needs: {
      brands: ['吉利', '领克'],
      series: '星越L',
      trimPreferences: '全景天窗',
      colour: '白色',
      budgetMin: 150_000,
      budgetMax: 200_000,
      concerns: ['价格', '空间', '油耗'],
      purpose: '家庭',
      urgency: 'high',
      purchaseWindow: 'within15d',
      comparedModels: ['哈弗H6', '=CMD|calc'],
    },
    testDrives: [
      { model: '星越L 2.0T', at: at(10, 5, 14, 0, 5), feedback: '底盘稳 | 后排宽' },
      { model: '领克06', at: at(10, 9, 10, 30) },
    ],
    materialsGiven: ['配置单', '报价单'],
    decisionMaker: '丈夫',
    objections: ['价格偏高', '-5% 才考虑'],
    deal: {
      status: 'lost',
      won: { model: '星越L', trim: '尊贵型', colour: '白色', price: 178_800, orderedAt: at(10, 12), deliveredAt: at(10, 20, 16, 45), consultant: '李娜' },
      lost: { reason: '选择竞品', competitorModel: '比亚迪宋PLUS', approval: 'pending', requestedAt: at(10, 25, 11, 0), decidedAt: at(10, 26, 9, 0) },
    },
    ownedVehicle: {
      model: '帝豪',
      plate: '浙A·D12345',
      vin: 'LB37622Z0KX123456',
      purchasedAt: at(3, 1),
      mileageKm: 45_000,
      insuranceExpiresAt: at(12, 31),
      lastServiceAt: at(9, 1),
    },
    consultant: '李娜',
    tags: ['老客户', '@VIP'],
    notes: '=1+1 不是公式\n第二行备注',
  };
}
