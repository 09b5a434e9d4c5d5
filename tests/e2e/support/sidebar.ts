import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';

/** The capture sidebar's frame in a portal page, once the launcher has opened it. */
export function sidebarFrame(page: Page): Frame | undefined {
  return page.frames().find((frame) => frame.url().includes('/sidebar.html'));
}

/** Clicks the page's Dealer Desk launcher and waits for the sidebar's frame. */
export async function clickLauncher(page: Page): Promise<Frame> {
  await page.evaluate(() => (document.querySelector('dealer-desk') as HTMLElement).click());
  await expect.poll(() => !!sidebarFrame(page), { timeout: 10_000 }).toBe(true);
  return sidebarFrame(page)!;
}
