import { OVERDUE_AFTER_MS } from '../../core/cadence/rules';
import type { DueLists } from '../shared/due-callbacks';
import { customersShown, recallDueScreen } from '../shared/last-due-screen';
import { readDueScreen, type DueScreen } from '../../storage/due-list';
import { holdForegroundRead } from '../../storage/foreground-read';
import { openReader, type ReadableDatabase } from '../../storage/reader';

/** Rows on the first screen (a 600 px popup shows about five): read and drawn before anything else. */
export const FIRST_SCREEN_ROWS = 6;

/** The database (when it exists) and the first screen's rows as stored, read at `now`. */
export interface PopupFirstRead {
  reader: ReadableDatabase | undefined;
  screen: DueScreen | undefined;
  now: number;
}

/** How the popup starts: the rows it showed last today (drawn at once), and the read of the current ones. */
export interface PopupStart {
  last: DueLists | undefined;
  read: Promise<PopupFirstRead>;
}

declare global {
  /** Started by `popup-first-read.js`, the first script in the popup's head. */
  var ddPopupStart: PopupStart | undefined;
}

/** Recalls the rows shown last and starts reading the current ones, with their customers as a guess. */
export function startPopupFirstScreen(): PopupStart {
  const last = recallDueScreen();
  return { last, read: readPopupFirstScreen(last ? customersShown(last) : []) };
}

/** Opens the database as it is (never creating it) and reads the first screen in one read-only transaction. */
export function readPopupFirstScreen(likelyCustomers: readonly string[] = []): Promise<PopupFirstRead> {
  const read = (async () => {
    const now = Date.now();
    const reader = await openReader();
    const rows = { overdue: FIRST_SCREEN_ROWS, today: FIRST_SCREEN_ROWS, upcoming: FIRST_SCREEN_ROWS };
    const screen = reader && (await readDueScreen(reader, rows, now, OVERDUE_AFTER_MS, FIRST_SCREEN_ROWS, likelyCustomers).catch(() => undefined));
    return { reader, screen, now };
  })();
  // The worker's re-plan pauses between slices until the popup has its rows (see foreground-read.ts).
  holdForegroundRead(read);
  return read;
}
