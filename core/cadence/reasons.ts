import { formatDate, getLocale, t, tIn, type Locale, type MessageKey } from '../i18n';
import { holidaysOfPlanKey } from './holidays';

/** What a reason line reads of a callback. */
export interface ReasonCallback {
  kind: string;
  planKey?: string;
  note?: string;
  snoozedUntil?: number;
}

/** Why this callback is due, in the consultant's language: "交车第 7 天：用车回访", "保险 2027年1月15日 到期，提前 45 天". */
export function callbackReason(callback: ReasonCallback, grade?: string): string {
  const key = callback.planKey ?? '';
  switch (callback.kind) {
    case 'first_contact':
      return t('cadence_reason_first_contact');
    case 'grade_cadence':
      return t('cadence_reason_grade', grade ?? '');
    case 'post_delivery': {
      const step = key.split(':')[1] ?? '';
      const message = `cadence_reason_post_delivery_${step}`;
      return t((message in REASON_STEPS ? message : 'cadence_reason_post_delivery') as MessageKey);
    }
    case 'first_service':
      return t('cadence_reason_first_service');
    case 'insurance_renewal': {
      const [, expiry, before] = key.split(':');
      const expiresAt = expiry ? Date.parse(`${expiry}T12:00:00`) : NaN;
      return Number.isNaN(expiresAt) ? t('cadence_reason_insurance_plain') : t('cadence_reason_insurance', formatDate(expiresAt), (before ?? '').replace('d', ''));
    }
    case 'birthday':
      return t('cadence_reason_birthday');
    case 'holiday': {
      const named = holidayNames(key);
      const date = Date.parse(`${key.split(':')[2] ?? ''}T12:00:00`);
      if (named === undefined || Number.isNaN(date)) return t('cadence_reason_holiday');
      return t('cadence_reason_holiday_named', named, formatDate(date));
    }
    case 'dormant_owner':
      return t('cadence_reason_dormant');
    default:
      return callback.note?.trim() ? t('cadence_reason_manual_note', callback.note.trim()) : t('cadence_reason_manual');
  }
}

const REASON_STEPS: Record<string, true> = {
  cadence_reason_post_delivery_eve: true,
  cadence_reason_post_delivery_2h_sms: true,
  cadence_reason_post_delivery_2h_call: true,
  cadence_reason_post_delivery_2d_sms: true,
  cadence_reason_post_delivery_7d_call: true,
  cadence_reason_post_delivery_1m_call: true,
  cadence_reason_post_delivery_3m_call: true,
  cadence_reason_post_delivery_6m_call: true,
};

/** The holidays a greeting's plan key covers, named in `locale`: `国庆节、中秋节`; none for another key. */
export function holidayNames(planKey: string | undefined, locale: Locale = getLocale()): string | undefined {
  const names = holidaysOfPlanKey(planKey).map((id) => tIn(locale, `cadence_holiday_${id}`));
  return names.length ? names.reduce((list, name) => tIn(locale, 'cadence_holiday_and', list, name)) : undefined;
}
