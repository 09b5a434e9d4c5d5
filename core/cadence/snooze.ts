import { fitToWorkingHours, localDayAt, systemTimeZone, type Hours } from './local-time';

/**
 * Where "snooze until tomorrow" lands: tomorrow, in the settings' time zone (the machine's when they
 * name none), when the consultant's working day starts, moved out of quiet hours if the two overlap.
 */
export function snoozeTomorrowAt(now: number, settings: Hours & { timeZone?: string | undefined }): number {
  const zone = settings.timeZone ?? systemTimeZone();
  return fitToWorkingHours(localDayAt(now, 1, settings.workingHours.start, zone), settings, zone);
}
