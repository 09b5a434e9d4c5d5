import type { CallbackInput, CallbackKind, CustomerInput, FollowUpInput, FollowUpMethod, Grade, SourceChannel, Stage } from '../../storage';
import { SeededRandom } from './random';

// A dealership's book as consultants keep it: common surnames far more often than rare ones, mobiles
// typed in the ways people type them, grades and stages in plausible proportions, dates over two years.

const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 71], ['张', 68], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 23], ['赵', 21], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 15], ['马', 13], ['朱', 13], ['胡', 12], ['郭', 11], ['何', 10], ['高', 10], ['林', 10], ['罗', 9],
  ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 5], ['曹', 5],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 4], ['袁', 4], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['欧阳', 1], ['司马', 0.3], ['诸葛', 0.2], ['上官', 0.2],
];
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅晨宇浩然子涵欣怡思远嘉豪雨萱佳琪俊杰文博一鸣梓轩诗雨天佑晓东海波春燕立新淑珍凤英志强亚楠永刚金凤';
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '199'];
const LANDLINE_AREAS = ['010', '021', '020', '0755', '028', '0571', '027', '025'];
const GRADE_WEIGHTS: readonly (readonly [Grade, number])[] = [['H', 5], ['A', 15], ['B', 25], ['C', 35], ['O', 8], ['F', 12]];
const CHANNELS: readonly (readonly [SourceChannel, number])[] = [
  ['autohome', 28], ['dongchedi', 22], ['yiche', 12], ['walk_in', 14], ['phone_in', 6], ['referral_friend', 5],
  ['referral_owner', 4], ['social_media', 5], ['auto_show', 2], ['other_portal', 1], ['other', 1],
];
const MODELS: readonly (readonly [string, string])[] = [
  ['大众', '朗逸'], ['大众', '帕萨特'], ['丰田', '凯美瑞'], ['丰田', 'RAV4荣放'], ['本田', '雅阁'], ['本田', 'CR-V'],
  ['日产', '轩逸'], ['比亚迪', '秦PLUS'], ['比亚迪', '宋PLUS'], ['吉利', '星越L'], ['长安', 'CS75 PLUS'], ['特斯拉', 'Model Y'],
  ['理想', 'L6'], ['别克', '君越'], ['奥迪', 'A4L'], ['宝马', '3系'], ['奔驰', 'C级'], ['哈弗', 'H6'],
];
const CONCERNS = ['价格', '油耗', '空间', '安全', '保值率', '续航', '售后', '配置', '外观', '品牌'];
const CONSULTANTS = ['陈晓东', '李静', '王海波', '赵立新', '孙悦', '周文博', '吴佳琪', '郑浩然', '刘春燕', '黄俊杰', '徐一鸣', '何思远', '马雨萱', '朱天佑', '胡嘉豪', '郭欣怡', '高志强', '林亚楠', '罗永刚', '梁诗雨'];
const TAGS = ['置换', '贷款', '全款', '二胎家庭', '首购', '增购', '企业用车', '网约车', '老客户介绍'];
const SUMMARIES = [
  '电话沟通，客户关注落地价，约周末到店', '发送车型配置表和优惠政策', '客户到店看车，试驾后较满意', '微信回复，正在和竞品比较',
  '客户表示近期不急，下月再联系', '报价后客户嫌贵，需要申请额外优惠', '邀约参加周末团购活动', '客户家人也要一起来看车',
  '询问置换补贴和旧车评估', '确认贷款方案和首付比例',
];
const METHODS: readonly (readonly [FollowUpMethod, number])[] = [['call', 45], ['wechat', 30], ['sms', 10], ['store_visit', 8], ['test_drive', 5], ['email', 2]];
const DAY = 86_400_000;

export interface BookEntry {
  customer: CustomerInput & { id: string };
  followUps: FollowUpInput[];
  callbacks: CallbackInput[];
}

export interface BookOptions {
  seed?: number;
  /** The moment the book is "as of": due and overdue callbacks are placed around it. */
  now: number;
}

function name(random: SeededRandom): string {
  const surname = random.weighted(SURNAMES);
  const length = random.chance(0.7) ? 2 : 1;
  let given = '';
  for (let i = 0; i < length; i++) given += GIVEN[random.int(0, GIVEN.length - 1)];
  return surname + given;
}

/** A phone as a consultant or an import file has it: spaces, dashes, +86 or bare. */
function typedMobile(random: SeededRandom): string {
  const digits = random.pick(MOBILE_PREFIXES) + random.digits(8);
  switch (random.int(0, 3)) {
    case 0:
      return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
    case 1:
      return `+86 ${digits}`;
    case 2:
      return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
    default:
      return digits;
  }
}

function landline(random: SeededRandom): string {
  const area = random.pick(LANDLINE_AREAS);
  return `${area}-${random.int(5, 7)}${random.digits(7)}`;
}

function stageFor(grade: Grade, random: SeededRandom): Stage {
  if (grade === 'O') return random.chance(0.5) ? 'owner' : 'intent';
  if (grade === 'F') return random.chance(0.8) ? 'lost' : 'dormant';
  return random.chance(0.6) ? 'intent' : 'potential';
}

/** One customer with 5 follow-ups and 1–3 callbacks; ids are seeded too. */
export function bookEntry(random: SeededRandom, now: number): BookEntry {
  const id = random.uuid();
  const grade = random.weighted(GRADE_WEIGHTS);
  const stage = stageFor(grade, random);
  const channel = random.weighted(CHANNELS);
  const createdAt = now - random.int(1, 730) * DAY - random.int(0, DAY - 1);
  const [brand, series] = random.pick(MODELS);
  const phones: NonNullable<CustomerInput['phones']> = [{ number: typedMobile(random), label: 'mobile', primary: true }];
  if (random.chance(0.12)) phones.push({ number: random.chance(0.6) ? typedMobile(random) : landline(random), label: 'work', primary: false });
  const budget = random.int(8, 40) * 10_000;
  const customer: BookEntry['customer'] = {
    id,
    name: name(random),
    gender: random.weighted([['male', 62], ['female', 33], ['unknown', 5]] as const),
    phones,
    ...(random.chance(0.55) ? { wechat: `wx_${random.digits(8)}` } : {}),
    source: { channel, capturedAt: createdAt, ...(['autohome', 'dongchedi', 'yiche'].includes(channel) ? { url: `https://dealer.example.com/lead/${random.digits(7)}` } : {}) },
    stage,
    grade,
    needs: {
      brands: [brand],
      series,
      budgetMin: budget,
      budgetMax: budget + random.int(1, 8) * 10_000,
      concerns: [random.pick(CONCERNS), random.pick(CONCERNS)].filter((c, i, all) => all.indexOf(c) === i),
      purchaseWindow: ({ H: 'within7d', A: 'within15d', B: 'within30d', C: 'within90d', O: 'within7d', F: 'later' } as const)[grade],
      comparedModels: random.chance(0.4) ? [random.pick(MODELS).join(' ')] : [],
    },
    deal:
      stage === 'owner'
        ? { status: 'won', won: { model: `${brand} ${series}`, price: budget, deliveredAt: createdAt + random.int(7, 60) * DAY } }
        : stage === 'lost'
          ? { status: 'lost', lost: { reason: '购买竞品', competitorModel: random.pick(MODELS).join(' '), approval: 'approved' } }
          : { status: 'open' },
    consultant: random.pick(CONSULTANTS),
    tags: random.chance(0.3) ? [random.pick(TAGS)] : [],
    ...(random.chance(0.3) ? { notes: '客户下班后方便接电话，周末可到店。' } : {}),
  };

  const followUps: FollowUpInput[] = [];
  const span = Math.max(now - createdAt, DAY);
  for (let i = 0; i < 5; i++) {
    followUps.push({
      customerId: id,
      at: createdAt + Math.floor((span * (i + random.next())) / 5),
      method: random.weighted(METHODS),
      summary: random.pick(SUMMARIES),
      attitude: random.pick(['positive', 'neutral', 'hesitant', 'negative'] as const),
      by: customer.consultant,
    });
  }

  const callbacks: CallbackInput[] = [];
  const count = random.int(1, 3);
  for (let i = 0; i < count; i++) {
    const status = random.weighted([['open', 60], ['done', 35], ['cancelled', 5]] as const);
    // Open ones: one in five is due today or overdue (up to a month late), the rest ahead.
    const dueAt =
      status !== 'open'
        ? createdAt + random.int(1, 30) * DAY
        : random.chance(0.2)
          ? now - random.int(0, 30 * DAY)
          : now + random.int(1, 90 * DAY);
    const kind: CallbackKind = random.weighted([['grade_cadence', 70], ['post_delivery', 10], ['insurance_renewal', 5], ['birthday', 5], ['manual', 10]] as const);
    callbacks.push({
      customerId: id,
      dueAt,
      kind,
      ...(kind === 'manual' ? {} : { planKey: `${kind}:${i}` }),
      status,
      ...(status === 'done' ? { doneAt: dueAt + random.int(0, 2 * DAY) } : {}),
    });
  }
  return { customer, followUps, callbacks };
}

/** `size` customers in a fixed order, `chunk` at a time, so 100k never sit in memory twice. */
export function* book(size: number, { seed = 6, now }: BookOptions, chunk = 2_000): Generator<BookEntry[]> {
  const random = new SeededRandom(seed);
  for (let start = 0; start < size; start += chunk) {
    const entries: BookEntry[] = [];
    for (let i = start; i < Math.min(size, start + chunk); i++) entries.push(bookEntry(random, now));
    yield entries;
  }
}
