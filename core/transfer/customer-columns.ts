import zhCN from '../../public/_locales/zh_CN/messages.json';
import en from '../../public/_locales/en/messages.json';
import { t, type MessageKey } from '../i18n';
import { LEAD_SITES } from '../lead-sites';
import { formatPhone } from '../phone';
import {
  AGE_RANGES,
  DEAL_STATUSES,
  GENDERS,
  GRADES,
  LOST_APPROVALS,
  PURCHASE_WINDOWS,
  SOURCE_CHANNELS,
  STAGES,
  URGENCIES,
} from '../vocabulary';
import { cellText, formatCellTime, parseAmount, parseBudget, parseCellTime, parseList, unneutralise, type CellValue } from './cells';

type Plain = Record<string, unknown>;
type Catalogue = Record<string, { message: string } | undefined>;
const CATALOGUES: Catalogue[] = [zhCN, en];

/** How a column's cell becomes a field of the card and back. */
type Kind = 'text' | 'list' | 'time' | 'amount' | 'enum' | 'phone' | 'otherPhones' | 'testDrives';

export interface CustomerColumn {
  /** Stable name (also accepted as a header). */
  key: string;
  /** Header label, in the user's language on export; both languages are recognised on import. */
  label: MessageKey;
  /** Where in the card the value lives (dotted path). */
  path: string;
  kind: Kind;
  /** Other headers people use for it (compared without case, spaces or punctuation). */
  aliases?: readonly string[];
  /** For enums: the allowed values and the prefix of their label keys. */
  values?: readonly string[];
  prefix?: string;
  /** Extra words for enum values, e.g. 展厅 → walk_in. */
  synonyms?: Record<string, string>;
  /** Left out of exports unless asked for (the deal price). */
  confidential?: boolean;
}

const CHANNEL_SYNONYMS: Record<string, string> = {
  展厅: 'walk_in',
  自然到店: 'walk_in',
  到店: 'walk_in',
  来电: 'phone_in',
  电话: 'phone_in',
  转介绍: 'referral_friend',
  朋友推荐: 'referral_friend',
  老客户介绍: 'referral_owner',
  车主推荐: 'referral_owner',
  车展: 'auto_show',
  抖音: 'social_media',
  微信: 'social_media',
  小红书: 'social_media',
  社交媒体: 'social_media',
  网络: 'other_portal',
  ...Object.fromEntries(LEAD_SITES.flatMap((site) => [[site.name, site.channel], [site.id, site.channel], ...site.domains.map((domain) => [domain, site.channel])])),
};

/** Every field of the customer card, in the order of the card. */
export const CUSTOMER_COLUMNS: readonly CustomerColumn[] = [
  { key: 'name', label: 'field_name', path: 'name', kind: 'text', aliases: ['客户姓名', '客户名称', '客户', '名字', '联系人', 'customer', 'customername', 'fullname'] },
  { key: 'gender', label: 'field_gender', path: 'gender', kind: 'enum', values: GENDERS, prefix: 'gender_', aliases: ['sex'], synonyms: { 男: 'male', 女: 'female', m: 'male', f: 'female', 先生: 'male', 女士: 'female' } },
  { key: 'ageRange', label: 'field_ageRange', path: 'ageRange', kind: 'enum', values: AGE_RANGES, prefix: 'dashboard_age_', aliases: ['年龄', 'age'] },
  { key: 'phone', label: 'field_phone', path: 'phones.0', kind: 'phone', aliases: ['手机', '手机号', '手机号码', '联系电话', '电话号码', '联系方式', 'mobile', 'phonenumber', 'tel', 'telephone', 'cell', 'mobilephone'] },
  { key: 'phone2', label: 'field_phone2', path: 'phones', kind: 'otherPhones', aliases: ['其他电话', '备用手机', '座机', '固定电话', 'phone2', 'otherphone', 'altphone', 'secondphone', 'landline'] },
  { key: 'wechat', label: 'field_wechat', path: 'wechat', kind: 'text', aliases: ['微信号', 'weixin', 'wechatid', 'wx'] },
  { key: 'city', label: 'field_city', path: 'city', kind: 'text', aliases: ['所在城市', '城市', '地区', 'city'] },
  { key: 'address', label: 'field_address', path: 'address', kind: 'text', aliases: ['地址', '联系地址', '住址', 'address'] },
  { key: 'qq', label: 'field_qq', path: 'qq', kind: 'text', aliases: ['qq号'] },
  { key: 'email', label: 'field_email', path: 'email', kind: 'text', aliases: ['电子邮件', '电子邮箱', 'e-mail', 'mail'] },
  { key: 'birthday', label: 'field_birthday', path: 'birthday', kind: 'text', aliases: ['出生日期', 'dateofbirth', 'dob'] },
  { key: 'channel', label: 'field_source_channel', path: 'source.channel', kind: 'enum', values: SOURCE_CHANNELS, prefix: 'channel_', aliases: ['来源', '客户来源', '渠道', '线索来源', 'source', 'leadsource', 'channel'], synonyms: CHANNEL_SYNONYMS },
  { key: 'site', label: 'field_source_site', path: 'source.site', kind: 'text', aliases: ['网站', 'site'] },
  { key: 'url', label: 'field_source_url', path: 'source.url', kind: 'text', aliases: ['网址', 'url', 'link'] },
  { key: 'capturedAt', label: 'dashboard_field_captured_at', path: 'source.capturedAt', kind: 'time', aliases: ['首次接触日期', '建档日期', '登记日期', 'leaddate', 'captured'] },
  { key: 'referrerId', label: 'export_field_referrer', path: 'source.referrerId', kind: 'text', aliases: ['referrer'] },
  { key: 'stage', label: 'field_stage', path: 'stage', kind: 'enum', values: STAGES, prefix: 'stage_', aliases: ['客户类型', '客户状态', '状态', 'status', 'type'], synonyms: { 潜在客户: 'potential', 意向客户: 'intent', 保有客户: 'owner', 战败客户: 'lost', 流失客户: 'dormant' } },
  { key: 'grade', label: 'field_grade', path: 'grade', kind: 'enum', values: GRADES, prefix: 'grade_', aliases: ['客户级别', '等级', '意向级别', 'level', 'rating'], synonyms: Object.fromEntries(GRADES.flatMap((grade) => [[`${grade}级`, grade], [grade.toLowerCase(), grade]])) },
  { key: 'brands', label: 'field_needs_brands', path: 'needs.brands', kind: 'list', aliases: ['品牌', 'brand', 'brands'] },
  { key: 'series', label: 'field_needs_series', path: 'needs.series', kind: 'text', aliases: ['意向车型', '车型', '车系', '关注车型', 'model', 'vehicle', 'modelofinterest'] },
  { key: 'trimPreferences', label: 'field_needs_trimPreferences', path: 'needs.trimPreferences', kind: 'text', aliases: ['配置', 'trim'] },
  { key: 'colour', label: 'field_needs_colour', path: 'needs.colour', kind: 'text', aliases: ['颜色', '颜色偏好', 'color', 'colour'] },
  { key: 'budgetMin', label: 'field_needs_budgetMin', path: 'needs.budgetMin', kind: 'amount', aliases: ['最低预算', '预算下限', 'budgetmin', 'minbudget'] },
  { key: 'budgetMax', label: 'field_needs_budgetMax', path: 'needs.budgetMax', kind: 'amount', aliases: ['预算', '购车预算', '最高预算', '预算上限', 'budget', 'budgetmax', 'maxbudget'] },
  { key: 'concerns', label: 'field_needs_concerns', path: 'needs.concerns', kind: 'list', aliases: ['主要关注点', '关注点', 'concerns'] },
  { key: 'purpose', label: 'field_needs_purpose', path: 'needs.purpose', kind: 'text', aliases: ['购车用途', '用途', 'purpose', 'use'] },
  { key: 'urgency', label: 'field_needs_urgency', path: 'needs.urgency', kind: 'enum', values: URGENCIES, prefix: 'dashboard_urgency_', aliases: ['紧急程度', '购车紧急程度', 'urgency'], synonyms: { 近期: 'high', 中期: 'medium', 远期: 'low' } },
  { key: 'purchaseWindow', label: 'field_needs_purchaseWindow', path: 'needs.purchaseWindow', kind: 'enum', values: PURCHASE_WINDOWS, prefix: 'window_', aliases: ['预计购车时间', '购车时间', 'purchasewindow', 'expectedpurchase'] },
  { key: 'comparedModels', label: 'field_needs_comparedModels', path: 'needs.comparedModels', kind: 'list', aliases: ['对比车型', '竞品', 'compared', 'comparedmodels'] },
  { key: 'testDrives', label: 'field_testDrives', path: 'testDrives', kind: 'testDrives', aliases: ['试驾', '试驾记录', 'testdrive', 'testdrives'] },
  { key: 'materialsGiven', label: 'field_materialsGiven', path: 'materialsGiven', kind: 'list', aliases: ['已提供资料', '资料', 'materials'] },
  { key: 'decisionMaker', label: 'field_decisionMaker', path: 'decisionMaker', kind: 'text', aliases: ['决策人', 'decisionmaker'] },
  { key: 'objections', label: 'field_objections', path: 'objections', kind: 'list', aliases: ['异议', '主要顾虑', '顾虑', 'objections'] },
  { key: 'dealStatus', label: 'field_deal_status', path: 'deal.status', kind: 'enum', values: DEAL_STATUSES, prefix: 'dashboard_deal_', aliases: ['成交状态', 'dealstatus'], synonyms: { 未成交: 'open', 已成交: 'won', 成交: 'won', 已战败: 'lost', 战败: 'lost' } },
  { key: 'wonModel', label: 'field_deal_won_model', path: 'deal.won.model', kind: 'text', aliases: ['成交车型', 'modelbought'] },
  { key: 'wonTrim', label: 'dashboard_field_won_trim', path: 'deal.won.trim', kind: 'text', aliases: ['成交配置'] },
  { key: 'wonColour', label: 'dashboard_field_won_colour', path: 'deal.won.colour', kind: 'text', aliases: ['成交颜色'] },
  { key: 'wonPrice', label: 'field_deal_won_price', path: 'deal.won.price', kind: 'amount', aliases: ['成交价格', '成交价', 'price', 'dealprice'], confidential: true },
  { key: 'orderedAt', label: 'dashboard_field_ordered_at', path: 'deal.won.orderedAt', kind: 'time', aliases: ['订车日期', '订单日期', 'orderdate', 'ordered'] },
  { key: 'deliveredAt', label: 'dashboard_field_delivered_at', path: 'deal.won.deliveredAt', kind: 'time', aliases: ['交车日期', '提车日期', 'deliverydate', 'delivered'] },
  { key: 'wonConsultant', label: 'dashboard_field_won_consultant', path: 'deal.won.consultant', kind: 'text', aliases: ['成交顾问'] },
  { key: 'lostReason', label: 'field_deal_lost_reason', path: 'deal.lost.reason', kind: 'text', aliases: ['战败原因', '流失原因', 'lostreason'] },
  { key: 'lostCompetitor', label: 'field_deal_lost_competitorModel', path: 'deal.lost.competitorModel', kind: 'text', aliases: ['战败车型', 'competitor', 'competitormodel'] },
  { key: 'lostApproval', label: 'export_field_lost_approval', path: 'deal.lost.approval', kind: 'enum', values: LOST_APPROVALS, prefix: 'approval_state_', aliases: ['战败审批', 'approval'] },
  { key: 'lostRequestedAt', label: 'export_field_lost_requested_at', path: 'deal.lost.requestedAt', kind: 'time', aliases: ['战败申请时间'] },
  { key: 'lostDecidedAt', label: 'export_field_lost_decided_at', path: 'deal.lost.decidedAt', kind: 'time', aliases: ['审批时间'] },
  { key: 'vehicleModel', label: 'export_field_owned_model', path: 'ownedVehicle.model', kind: 'text', aliases: ['保有车型', '现有车型', '已购车型', 'ownedmodel', 'currentvehicle'] },
  { key: 'plate', label: 'field_ownedVehicle_plate', path: 'ownedVehicle.plate', kind: 'text', aliases: ['车牌', '车牌号', '车牌号码', 'plate', 'licenseplate', 'registration'] },
  { key: 'vin', label: 'field_ownedVehicle_vin', path: 'ownedVehicle.vin', kind: 'text', aliases: ['车架号', '车辆识别代号', 'vin'] },
  { key: 'purchasedAt', label: 'dashboard_field_purchased_at', path: 'ownedVehicle.purchasedAt', kind: 'time', aliases: ['购车日期', 'purchasedate'] },
  { key: 'mileageKm', label: 'field_ownedVehicle_mileageKm', path: 'ownedVehicle.mileageKm', kind: 'amount', aliases: ['里程', '行驶里程', 'mileage', 'odometer'] },
  { key: 'insuranceExpiresAt', label: 'field_ownedVehicle_insuranceExpiresAt', path: 'ownedVehicle.insuranceExpiresAt', kind: 'time', aliases: ['保险到期', '保险到期日', 'insuranceexpiry'] },
  { key: 'lastServiceAt', label: 'dashboard_field_last_service', path: 'ownedVehicle.lastServiceAt', kind: 'time', aliases: ['上次保养', '上次保养日期', 'lastservice'] },
  { key: 'consultant', label: 'field_consultant', path: 'consultant', kind: 'text', aliases: ['销售顾问', '顾问', '跟进人', '负责人', '客户经理', 'salesrep', 'salesperson', 'owner', 'consultant'] },
  { key: 'tags', label: 'field_tags', path: 'tags', kind: 'list', aliases: ['标签', 'tags', 'labels'] },
  { key: 'notes', label: 'field_notes', path: 'notes', kind: 'text', aliases: ['备注', '说明', '沟通内容', 'notes', 'remarks', 'comment', 'comments', 'memo'] },
];

/** Header text reduced for comparison: no case, spaces, punctuation, `*` marks or `(必填)`. */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*_:：./\\\-—#]+/g, '');
}

function labelsOf(key: string): string[] {
  return CATALOGUES.map((catalogue) => catalogue[key]?.message).filter((label): label is string => !!label);
}

// Our own labels win over other columns' aliases, so an export always reads back column for column.
const NAMES = new Map<string, string>();
for (const names of [(column: CustomerColumn) => [column.key, ...labelsOf(column.label)], (column: CustomerColumn) => column.aliases ?? []]) {
  for (const column of CUSTOMER_COLUMNS) {
    for (const name of names(column)) {
      const key = headerKey(name);
      if (!NAMES.has(key)) NAMES.set(key, column.key);
    }
  }
}

/**
 * Which card field each header most likely holds (`undefined`: leave the column out). Exact names in
 * Chinese or English first, then a header containing a known name (`客户手机号码` → phone); a field is
 * given to one column only.
 */
export function guessColumns(headers: readonly string[]): (string | undefined)[] {
  const taken = new Set<string>();
  const exact = headers.map((header) => {
    const key = NAMES.get(headerKey(header));
    if (key && !taken.has(key)) {
      taken.add(key);
      return key;
    }
    return undefined;
  });
  const names = [...NAMES.entries()].filter(([name]) => name.length >= 2).sort((a, b) => b[0].length - a[0].length);
  return exact.map((guess, index) => {
    if (guess) return guess;
    const header = headerKey(headers[index] ?? '');
    if (!header) return undefined;
    const found = names.find(([name, key]) => !taken.has(key) && header.includes(name));
    if (found) taken.add(found[1]);
    return found?.[1];
  });
}

export const columnByKey = new Map(CUSTOMER_COLUMNS.map((column) => [column.key, column]));

function getPath(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Plain)[key] : undefined), object);
}

function setPath(target: Plain, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Plain = target;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = /^\d+$/.test(keys[keys.indexOf(key) + 1] ?? '') ? [] : {};
    node = node[key] as Plain;
  }
  node[keys[keys.length - 1]!] = value;
}

/** One line per test drive: `2026-11-03 14:05:00 | 星越L | 喜欢底盘`. */
function formatTestDrives(drives: unknown): string {
  if (!Array.isArray(drives)) return '';
  return drives
    .map((drive: Plain) => [formatCellTime(drive.at as number), String(drive.model ?? ''), String(drive.feedback ?? '')].join(' | ').replace(/ \| $/, ''))
    .join('\n');
}

function parseTestDrives(text: string): Plain[] | 'invalid' {
  const drives: Plain[] = [];
  for (const line of text.split(/\r?\n/).filter((line) => line.trim())) {
    const [when = '', model = '', ...feedback] = line.split('|');
    const at = parseCellTime(when.trim());
    if (at === 'invalid' || at === undefined || !model.trim()) return 'invalid';
    const rest = feedback.join('|').trim();
    drives.push(rest ? { model: model.trim(), at, feedback: rest } : { model: model.trim(), at });
  }
  return drives;
}

/** A stored phone as people type it: `13812345678`, `01062345678 转801`, `+1 415 555 2671`. */
function phoneCell(stored: string): string {
  const [number = '', extension] = stored.split(';ext=');
  const shown = formatPhone(number).replace(/\s+/g, number.startsWith('+86') ? '' : ' ');
  return extension ? `${shown} 转${extension}` : shown;
}

/** The text a cell shows for a card's field (labels in the user's language). */
export function cellOf(column: CustomerColumn, card: unknown): string {
  const value = getPath(card, column.kind === 'phone' ? `${column.path}.number` : column.path);
  if (value === undefined || value === null) return '';
  switch (column.kind) {
    case 'phone':
      return phoneCell(String(value));
    case 'otherPhones':
      return (value as { number: string }[])
        .slice(1)
        .map((phone) => phoneCell(phone.number))
        .join(', ');
    case 'list':
      return (value as string[]).join(', ');
    case 'time':
      return formatCellTime(value as number);
    case 'enum':
      return t(`${column.prefix}${String(value)}` as MessageKey);
    case 'testDrives':
      return formatTestDrives(value);
    default:
      return String(value);
  }
}

function enumValue(column: CustomerColumn, text: string): string | undefined {
  const wanted = text.trim();
  const lower = wanted.toLowerCase();
  for (const value of column.values ?? []) {
    if (value.toLowerCase() === lower) return value;
    if (labelsOf(`${column.prefix}${value}`).some((label) => label.toLowerCase() === lower)) return value;
  }
  return column.synonyms?.[wanted] ?? column.synonyms?.[lower];
}

/** A problem with one cell, before the card is validated as a whole. */
export interface CellProblem {
  column: string;
  message: string;
}

/**
 * Builds the card a row describes (the shape storage's `prepare` takes). Cells that cannot be read
 * are reported and left out, so storage's validation reports what is still missing.
 */
export function cardFromRow(row: readonly CellValue[], mapping: readonly (string | undefined)[]): { card: Plain; problems: CellProblem[] } {
  const card: Plain = { phones: [] };
  const problems: CellProblem[] = [];
  mapping.forEach((key, index) => {
    const column = key ? columnByKey.get(key) : undefined;
    const raw = row[index];
    if (!column || raw === undefined || raw === null || cellText(raw) === '') return;
    const text = unneutralise(cellText(raw));
    const problem = (message: MessageKey): void => void problems.push({ column: t(column.label), message: t(message, text) });
    switch (column.kind) {
      case 'phone':
        (card.phones as Plain[])[0] = { number: typeof raw === 'number' ? String(raw) : text, label: 'mobile', primary: true };
        break;
      case 'otherPhones': {
        const others = typeof raw === 'number' ? [String(raw)] : text.split(/[,，、;；/]/).map((item) => item.trim()).filter(Boolean);
        const phones = card.phones as (Plain | undefined)[];
        phones.length = Math.max(phones.length, 1);
        phones.splice(1, Infinity, ...others.map((number) => ({ number, label: 'mobile', primary: false })));
        break;
      }
      case 'list':
        setPath(card, column.path, parseList(text));
        break;
      case 'time': {
        const at = parseCellTime(raw instanceof Date || typeof raw === 'number' ? raw : text);
        if (at === 'invalid') problem('import_error_date');
        else if (at !== undefined) setPath(card, column.path, at);
        break;
      }
      case 'amount': {
        if (column.key === 'budgetMax' && typeof raw === 'string' && /[-–~～至到]/.test(text.slice(1))) {
          const budget = parseBudget(text);
          if (budget === 'invalid' || budget === undefined) problem('import_error_number');
          else {
            if (budget.min !== undefined) setPath(card, 'needs.budgetMin', budget.min);
            if (budget.max !== undefined) setPath(card, 'needs.budgetMax', budget.max);
          }
          break;
        }
        const amount = parseAmount(typeof raw === 'number' ? raw : text);
        if (amount === 'invalid') problem('import_error_number');
        else if (amount !== undefined) setPath(card, column.path, amount);
        break;
      }
      case 'enum': {
        const value = enumValue(column, text);
        if (value === undefined) problem('import_error_value');
        else setPath(card, column.path, value);
        break;
      }
      case 'testDrives': {
        const drives = parseTestDrives(text);
        if (drives === 'invalid') problem('import_error_test_drives');
        else setPath(card, column.path, drives);
        break;
      }
      default:
        setPath(card, column.path, text);
    }
  });
  card.phones = (card.phones as (Plain | undefined)[]).filter((phone) => phone !== undefined);
  const deal = card.deal as Plain | undefined;
  if (deal && !deal.status) deal.status = deal.won ? 'won' : deal.lost ? 'lost' : 'open';
  if (deal?.status === 'lost' && deal.lost && !(deal.lost as Plain).approval) (deal.lost as Plain).approval = 'pending';
  return { card, problems };
}

/** Header row and one row per card, for CSV or .xlsx. */
export function customerSheet(cards: readonly unknown[], { includePrice = false } = {}): string[][] {
  const columns = CUSTOMER_COLUMNS.filter((column) => includePrice || !column.confidential);
  return [columns.map((column) => t(column.label)), ...cards.map((card) => columns.map((column) => cellOf(column, card)))];
}
