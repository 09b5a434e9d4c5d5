/** The words of the customer card: shared by storage's schemas and the components' pickers. */

export const GENDERS = ['male', 'female', 'unknown'] as const;
export const AGE_RANGES = ['under25', '25to34', '35to44', '45to54', '55plus'] as const;
export const SOURCE_CHANNELS = [
  'walk_in',
  'phone_in',
  'referral_friend',
  'referral_owner',
  'autohome',
  'yiche',
  'dongchedi',
  'other_portal',
  'social_media',
  'auto_show',
  'other',
] as const;
/** 潜在 → 意向 → 保有; 战败 = lost; 流失 = dormant. */
export const STAGES = ['potential', 'intent', 'owner', 'lost', 'dormant'] as const;
/** H/A/B/C by purchase window, O = ordered, F = lost. */
export const GRADES = ['H', 'A', 'B', 'C', 'O', 'F'] as const;
export const PHONE_LABELS = ['mobile', 'work', 'home', 'other'] as const;
export const URGENCIES = ['high', 'medium', 'low'] as const;
export const PURCHASE_WINDOWS = ['within7d', 'within15d', 'within30d', 'within90d', 'later'] as const;
export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export const LOST_APPROVALS = ['pending', 'approved', 'returned'] as const;

export type Grade = (typeof GRADES)[number];
export type Stage = (typeof STAGES)[number];
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];
export type Gender = (typeof GENDERS)[number];
export type PurchaseWindow = (typeof PURCHASE_WINDOWS)[number];
