import type { Grade, Stage } from '../vocabulary';

/** The built-in scripts' keys: each language file must give every one a title and a body (the type checks it). */
export const BUILT_IN_SCRIPT_KEYS = [
  'first_contact_call',
  'first_contact_sms',
  'grade_h_call',
  'grade_a_call',
  'grade_b_call',
  'grade_c_call',
  'invite_test_drive',
  'invite_store_event',
  'delivery_eve_call',
  'delivery_2h_sms',
  'delivery_2h_call',
  'delivery_2d_sms',
  'delivery_7d_call',
  'delivery_1m_call',
  'delivery_3m_call',
  'delivery_6m_call',
  'first_service_call',
  'first_service_sms',
  'insurance_renewal_call',
  'insurance_objection_price',
  'insurance_objection_friend',
  'insurance_objection_why_dealer',
  'trade_in_ask',
  'referral_ask',
  'birthday_sms',
  'holiday_sms',
  'reactivate_lost_call',
  'dormant_owner_call',
  'objection_car_price',
  'objection_think_it_over',
] as const;

export type BuiltInScriptKey = (typeof BUILT_IN_SCRIPT_KEYS)[number];
export type ScriptLocale = 'zh_CN' | 'en';

export interface ScriptText {
  title: string;
  body: string;
}

/** When a built-in script fits, and what it is for; the words live in one file per language. */
export interface BuiltInScriptMeta {
  channel: 'call' | 'sms' | 'wechat';
  stages?: Stage[];
  grades?: Grade[];
  callbackKinds?: string[];
  /** Plan-key prefixes it answers, e.g. `post_delivery:7d_call`. */
  steps?: string[];
  /** Objection it handles (searchable in the objection library). */
  objection?: string;
}

const SELLING: Stage[] = ['potential', 'intent'];

export const BUILT_IN_SCRIPT_META: Record<BuiltInScriptKey, BuiltInScriptMeta> = {
  first_contact_call: { channel: 'call', stages: SELLING, callbackKinds: ['first_contact'] },
  first_contact_sms: { channel: 'sms', stages: SELLING, callbackKinds: ['first_contact'] },
  grade_h_call: { channel: 'call', grades: ['H'], callbackKinds: ['grade_cadence'] },
  grade_a_call: { channel: 'call', grades: ['A'], callbackKinds: ['grade_cadence'] },
  grade_b_call: { channel: 'call', grades: ['B'], callbackKinds: ['grade_cadence'] },
  grade_c_call: { channel: 'call', grades: ['C'], callbackKinds: ['grade_cadence'] },
  invite_test_drive: { channel: 'call', stages: SELLING, grades: ['H', 'A', 'B'] },
  invite_store_event: { channel: 'sms', stages: ['potential', 'intent', 'owner'] },
  delivery_eve_call: { channel: 'call', grades: ['O'], callbackKinds: ['post_delivery'], steps: ['post_delivery:eve'] },
  delivery_2h_sms: { channel: 'sms', callbackKinds: ['post_delivery'], steps: ['post_delivery:2h_sms'] },
  delivery_2h_call: { channel: 'call', callbackKinds: ['post_delivery'], steps: ['post_delivery:2h_call'] },
  delivery_2d_sms: { channel: 'sms', callbackKinds: ['post_delivery'], steps: ['post_delivery:2d_sms'] },
  delivery_7d_call: { channel: 'call', callbackKinds: ['post_delivery'], steps: ['post_delivery:7d_call'] },
  delivery_1m_call: { channel: 'call', callbackKinds: ['post_delivery'], steps: ['post_delivery:1m_call'] },
  delivery_3m_call: { channel: 'call', callbackKinds: ['post_delivery'], steps: ['post_delivery:3m_call'] },
  delivery_6m_call: { channel: 'call', callbackKinds: ['post_delivery'], steps: ['post_delivery:6m_call'] },
  first_service_call: { channel: 'call', stages: ['owner'], callbackKinds: ['first_service'] },
  first_service_sms: { channel: 'sms', stages: ['owner'], callbackKinds: ['first_service'] },
  insurance_renewal_call: { channel: 'call', stages: ['owner'], callbackKinds: ['insurance_renewal'] },
  insurance_objection_price: { channel: 'call', callbackKinds: ['insurance_renewal'], objection: 'insurance_price' },
  insurance_objection_friend: { channel: 'call', callbackKinds: ['insurance_renewal'], objection: 'insurance_friend' },
  insurance_objection_why_dealer: { channel: 'call', callbackKinds: ['insurance_renewal'], objection: 'insurance_why_dealer' },
  trade_in_ask: { channel: 'call', stages: ['owner', 'dormant'], callbackKinds: ['dormant_owner'] },
  referral_ask: { channel: 'call', stages: ['owner'], steps: ['post_delivery:1m_call', 'post_delivery:3m_call'] },
  birthday_sms: { channel: 'sms', callbackKinds: ['birthday'] },
  holiday_sms: { channel: 'sms', callbackKinds: ['holiday'] },
  reactivate_lost_call: { channel: 'call', stages: ['lost'], grades: ['F'] },
  dormant_owner_call: { channel: 'call', stages: ['dormant', 'owner'], callbackKinds: ['dormant_owner'] },
  objection_car_price: { channel: 'call', stages: SELLING, objection: 'car_price' },
  objection_think_it_over: { channel: 'call', stages: SELLING, objection: 'think_it_over' },
};

/** The stored id of a built-in script in one language: stable, so a user's edit can override it. */
export function builtInScriptId(key: BuiltInScriptKey, locale: ScriptLocale): string {
  return `builtin:${key}:${locale}`;
}
