/**
 * Wall-clock arithmetic in a named time zone, with nothing but `Intl`: a callback "on the 45th day
 * before expiry at 09:00" means 09:00 where the consultant works, whatever zone the machine is in.
 */

export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The machine's zone, used when the settings name none. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** How far `timeZone`'s wall clock is ahead of UTC at `at`, in ms, as `Intl` says (a few µs a call). */
function measuredOffset(at: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Zone offsets by UTC day: planning a 2,000-card import batch asks for the same few hundred days thousands of times. */
const offsets = new Map<string, Map<number, number>>();
const MAX_CACHED_DAYS = 20_000;

/**
 * The offset at `at`. A day whose first and last second have the same offset has it all day long
 * (zones change at most twice a year): it is remembered; a day with a change is measured each time.
 */
function offsetAt(at: number, timeZone: string): number {
  const day = Math.floor(at / DAY_MS);
  let days = offsets.get(timeZone);
  if (!days) offsets.set(timeZone, (days = new Map()));
  const known = days.get(day);
  if (known !== undefined) return known;
  const start = day * DAY_MS;
  const offset = measuredOffset(start, timeZone);
  if (measuredOffset(start + DAY_MS - 1000, timeZone) !== offset) return measuredOffset(at, timeZone);
  if (days.size >= MAX_CACHED_DAYS) days.clear();
  days.set(day, offset);
  return offset;
}

export function toLocal(at: number, timeZone: string): LocalDateTime & { second: number } {
  const local = new Date(at + offsetAt(at, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The instant a wall-clock time happens in `timeZone` (day and month overflow roll over, as in `Date.UTC`). */
export function fromLocal(local: LocalDateTime, timeZone: string): number {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return second;
}

/** `HH:mm` → minutes after midnight. */
export function minutesOf(hourMinute: string): number {
  const [hours, minutes] = hourMinute.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The local calendar date `days` after the one `at` falls on, at `hourMinute`. */
export function localDayAt(at: number, days: number, hourMinute: string, timeZone: string): number {
  const local = toLocal(at, timeZone);
  const minutes = minutesOf(hourMinute);
  return fromLocal({ year: local.year, month: local.month, day: local.day + days, hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
}

/** Same wall-clock day `months` later; the 31st becomes the month's last day when it has fewer. */
export function addLocalMonths(at: number, months: number, hourMinute: string, timeZone: string): number {
  const local = toLocal(at, timeZone);
  const monthIndex = local.month - 1 + months;
  const year = local.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const minutes = minutesOf(hourMinute);
  return fromLocal({ year, month, day: Math.min(local.day, lastDay), hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
}

/** `YYYY-MM-DD` of the local day `at` falls on. */
export function localDateKey(at: number, timeZone: string): string {
  const { year, month, day } = toLocal(at, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether `minutes` after midnight falls in a window that may wrap past midnight (21:00–08:30). */
export function inWindow(minutes: number, start: string, end: string): boolean {
  const from = minutesOf(start);
  const to = minutesOf(end);
  if (from === to) return false;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

export interface Hours {
  workingHours: { start: string; end: string };
  quietHours: { start: string; end: string };
}

export function isQuietTime(at: number, hours: Hours, timeZone: string): boolean {
  const local = toLocal(at, timeZone);
  return inWindow(local.hour * 60 + local.minute, hours.quietHours.start, hours.quietHours.end);
}

/**
 * The first moment at or after `at` inside working hours and outside quiet hours: a callback that
 * would fall due at 02:00 falls due when the working day starts.
 */
export function fitToWorkingHours(at: number, hours: Hours, timeZone: string): number {
  let moment = at;
  for (let step = 0; step < 4; step++) {
    const local = toLocal(moment, timeZone);
    const minutes = local.hour * 60 + local.minute;
    if (inWindow(minutes, hours.quietHours.start, hours.quietHours.end)) {
      const end = minutesOf(hours.quietHours.end);
      moment = localDayAt(moment, minutes < end ? 0 : 1, hours.quietHours.end, timeZone);
      continue;
    }
    if (!inWindow(minutes, hours.workingHours.start, hours.workingHours.end)) {
      const start = minutesOf(hours.workingHours.start);
      moment = localDayAt(moment, minutes < start ? 0 : 1, hours.workingHours.start, timeZone);
      continue;
    }
    return moment;
  }
  return moment;
}

/**
 * Where "snooze until tomorrow" lands: tomorrow, in the settings' time zone (the machine's when they
 * name none), when the consultant's working day starts, moved out of quiet hours if the two overlap.
 */
export function snoozeTomorrowAt(now: number, settings: Hours & { timeZone?: string | undefined }): number {
  const zone = settings.timeZone ?? systemTimeZone();
  return fitToWorkingHours(localDayAt(now, 1, settings.workingHours.start, zone), settings, zone);
}
