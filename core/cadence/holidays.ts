/**
 * The holidays a dealership greets its customers on (节日问候). 清明 is a day of mourning, not of
 * greetings, so it is not here. Lunar holidays are a table of Gregorian dates: the planner runs for
 * every customer of a large book, so nothing is converted at run time.
 */

export const HOLIDAY_IDS = ['new_year', 'spring_festival', 'labour_day', 'dragon_boat', 'mid_autumn', 'national_day'] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];

/** The years the table covers; past the last one no holiday is planned (extend the lunar table). */
export const HOLIDAY_FIRST_YEAR = 2024;
export const HOLIDAY_LAST_YEAR = 2040;

const FIXED: Partial<Record<HolidayId, string>> = { new_year: '01-01', labour_day: '05-01', national_day: '10-01' };

/**
 * 春节 (1st of the 1st lunar month), 端午 (5/5), 中秋 (8/15), one `MM-DD` per year from 2024. Each
 * month start was checked against the new moon computed in Beijing time (Meeus, Astronomical
 * Algorithms ch. 49): ICU's Chinese calendar puts 春节 2027 and 2030 a day off, whose new moons fall
 * within minutes of midnight (2027-02-06 23:56 and 2030-02-03 00:07 Beijing time).
 */
const LUNAR: Partial<Record<HolidayId, readonly string[]>> = {
  spring_festival: [
    '02-10', '01-29', '02-17', '02-06', '01-26', '02-13', '02-03', '01-23', '02-11',
    '01-31', '02-19', '02-08', '01-28', '02-15', '02-04', '01-24', '02-12',
  ],
  dragon_boat: [
    '06-10', '05-31', '06-19', '06-09', '05-28', '06-16', '06-05', '06-24', '06-12',
    '06-01', '06-20', '06-10', '05-30', '06-18', '06-07', '05-27', '06-14',
  ],
  mid_autumn: [
    '09-17', '10-06', '09-25', '09-15', '10-03', '09-22', '09-12', '10-01', '09-19',
    '09-08', '09-27', '09-16', '10-04', '09-24', '09-13', '10-02', '09-20',
  ],
};

/** One holiday on one calendar date. */
export interface HolidayDate {
  id: HolidayId;
  /** `YYYY-MM-DD`: the date a greeting is for, wherever the consultant is. */
  date: string;
  year: number;
  month: number;
  day: number;
  /** Days since 1970-01-01 of that calendar date: compares dates without time zones. */
  dayNumber: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 of a calendar date (`month` 1–12). */
export function civilDayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY;
}

function buildCalendar(): readonly HolidayDate[] {
  const dates: HolidayDate[] = [];
  for (let year = HOLIDAY_FIRST_YEAR; year <= HOLIDAY_LAST_YEAR; year++) {
    for (const id of HOLIDAY_IDS) {
      const monthDay = FIXED[id] ?? LUNAR[id]?.[year - HOLIDAY_FIRST_YEAR];
      if (!monthDay) continue;
      const month = Number(monthDay.slice(0, 2));
      const day = Number(monthDay.slice(3, 5));
      dates.push(Object.freeze({ id, date: `${year}-${monthDay}`, year, month, day, dayNumber: civilDayNumber(year, month, day) }));
    }
  }
  return Object.freeze(dates.sort((a, b) => a.dayNumber - b.dayNumber || HOLIDAY_IDS.indexOf(a.id) - HOLIDAY_IDS.indexOf(b.id)));
}

/** Every greeting day of the covered years, in date order (two holidays on one date keep both). */
export const HOLIDAY_CALENDAR: readonly HolidayDate[] = /* @__PURE__ */ buildCalendar();

/** Index of the first calendar entry on or after `dayNumber`. */
function firstFrom(dayNumber: number): number {
  let low = 0;
  let high = HOLIDAY_CALENDAR.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (HOLIDAY_CALENDAR[middle]!.dayNumber < dayNumber) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Holidays this close after an earlier greeted one share its greeting: 国庆 and 中秋 often fall in
 * the same week (2025: 1 and 6 October), and nobody wants two greetings from a dealer in one week.
 */
export const HOLIDAY_SHARED_GREETING_DAYS = 7;

/** One greeting: the first holiday's date, naming every enabled holiday it covers. */
export interface HolidayGreeting {
  /** `holiday:<id>[+<id>]:<YYYY-MM-DD>`: one callback per greeting, ever. */
  planKey: string;
  ids: readonly HolidayId[];
  /** The first holiday's date. */
  date: string;
  year: number;
  month: number;
  day: number;
  dayNumber: number;
}

let lastQuery: { dayNumber: number; enabled: readonly HolidayId[]; greeting: HolidayGreeting | undefined } | undefined;

/**
 * The next greeting on or after the calendar day `dayNumber` (today's holiday counts), among the
 * `enabled` holidays. A holiday that shares an earlier one's greeting is never greeted on its own.
 * Every customer of a re-plan asks the same question: the last answer is kept.
 */
export function nextHolidayGreeting(dayNumber: number, enabled: readonly HolidayId[] = HOLIDAY_IDS): HolidayGreeting | undefined {
  if (lastQuery && lastQuery.dayNumber === dayNumber && lastQuery.enabled === enabled) return lastQuery.greeting;
  const greeting = findGreeting(dayNumber, enabled);
  lastQuery = { dayNumber, enabled, greeting };
  return greeting;
}

function findGreeting(dayNumber: number, enabled: readonly HolidayId[]): HolidayGreeting | undefined {
  const isEnabled = (holiday: HolidayDate) => enabled.includes(holiday.id);
  for (let index = firstFrom(dayNumber); index < HOLIDAY_CALENDAR.length; index++) {
    const first = HOLIDAY_CALENDAR[index]!;
    if (!isEnabled(first) || sharesEarlierGreeting(index, isEnabled)) continue;
    const ids: HolidayId[] = [first.id];
    for (let next = index + 1; next < HOLIDAY_CALENDAR.length; next++) {
      const holiday = HOLIDAY_CALENDAR[next]!;
      if (holiday.dayNumber - first.dayNumber > HOLIDAY_SHARED_GREETING_DAYS) break;
      if (isEnabled(holiday) && !ids.includes(holiday.id)) ids.push(holiday.id);
    }
    const { date, year, month, day } = first;
    return { planKey: `holiday:${ids.join('+')}:${date}`, ids, date, year, month, day, dayNumber: first.dayNumber };
  }
  return undefined;
}

/** Whether an enabled holiday shortly before the one at `index` already greets for it. */
function sharesEarlierGreeting(index: number, isEnabled: (holiday: HolidayDate) => boolean): boolean {
  const { dayNumber } = HOLIDAY_CALENDAR[index]!;
  for (let earlier = index - 1; earlier >= 0; earlier--) {
    const holiday = HOLIDAY_CALENDAR[earlier]!;
    if (dayNumber - holiday.dayNumber > HOLIDAY_SHARED_GREETING_DAYS) return false;
    if (isEnabled(holiday)) return true;
  }
  return false;
}

/** The holidays a plan key greets for (`holiday:national_day+mid_autumn:2025-10-01`), known ones only. */
export function holidaysOfPlanKey(planKey: string | undefined): HolidayId[] {
  const ids = planKey?.split(':')[1]?.split('+') ?? [];
  return ids.filter((id): id is HolidayId => (HOLIDAY_IDS as readonly string[]).includes(id));
}
