import { fitToWorkingHours, localDayAt, type Hours } from './local-time';

/**
 * Where "snooze until tomorrow" lands: tomorrow (in the settings' time zone) when the consultant's
 * working day starts, moved out of quiet hours if the two overlap.
 */
export function snoozeTomorrowAt(now: number, hours: Hours, timeZone: string): number {
  return fitToWorkingHours(localDayAt(now, 1, hours.workingHours.start, timeZone), hours, timeZone);
}
