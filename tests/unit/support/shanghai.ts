import { DEFAULT_CADENCE, DEFAULT_FOLLOW_UP_RULES, type PlanSettings } from '../../../core/cadence';

export const SHANGHAI = 'Asia/Shanghai';

/** The planner's settings of a dealership in Shanghai: defaults, a 09:00–20:00 day, quiet 21:00–08:30. */
export const shanghaiPlanSettings: PlanSettings = {
  cadence: { ...DEFAULT_CADENCE },
  ...DEFAULT_FOLLOW_UP_RULES,
  workingHours: { start: '09:00', end: '20:00' },
  quietHours: { start: '21:00', end: '08:30' },
  timeZone: SHANGHAI,
};

/** `2026-11-23 10:00` (or `2026-11-23`, midnight) read as Shanghai wall-clock time (UTC+8, no daylight saving). */
export function sh(local: string): number {
  const [date, time = '00:00'] = local.split(' ');
  return Date.parse(`${date}T${time}:00+08:00`);
}
