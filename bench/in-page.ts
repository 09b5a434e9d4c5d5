// Functions evaluated inside Chromium pages (serialised by playwright: self-contained, no imports).

/** How the dashboard's customer rows may be marked up (first match wins). */
export const ROW_SELECTORS = ['tr[data-id]', '[role="row"][data-id]', '[data-customer-id]', '[role="row"]', 'tbody tr', 'li[data-id]'];

/**
 * Scrolls the element that holds the rows (or the page) by `step` pixels per frame for `frames` frames
 * and returns the intervals between frames, in ms.
 */
export function scrollFrames(args: { frames: number; step: number; selectors: readonly string[] }): Promise<{ intervals: number[]; scroller: string }> {
  const deep = (root: Document | ShadowRoot, selector: string): Element[] => {
    const found: Element[] = [...root.querySelectorAll(selector)];
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...deep(element.shadowRoot, selector));
    return found;
  };
  const row = args.selectors.map((selector) => deep(document, selector)[0]).find(Boolean);
  let scroller: Element = document.scrollingElement ?? document.documentElement;
  for (let node: Node | null = row ?? null; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node instanceof Element) {
      const style = getComputedStyle(node);
      if (/(auto|scroll)/.test(style.overflowY) && node.scrollHeight > node.clientHeight + 10) {
        scroller = node;
        break;
      }
    }
  }
  return new Promise((resolve) => {
    const intervals: number[] = [];
    let last = 0;
    let frame = 0;
    const tick = (now: number): void => {
      if (last) intervals.push(now - last);
      last = now;
      if (frame++ >= args.frames) return resolve({ intervals, scroller: scroller.tagName.toLowerCase() + (scroller.id ? `#${scroller.id}` : '') });
      scroller.scrollTop += args.step;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Runs in the page before its scripts: records when `count` rows are first laid out. */
export function rowsShownAtOnLoad(args: { count: number; selectors: readonly string[]; timeoutMs: number }): void {
  const w = window as unknown as { __ddRows?: unknown };
  const deep = (root: Document | ShadowRoot, selector: string): Element[] => {
    const found: Element[] = [...root.querySelectorAll(selector)];
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...deep(element.shadowRoot, selector));
    return found;
  };
  // A virtualised list draws only a screenful: full once its own scroller holds more than it shows.
  const inFullScroller = (row: Element): boolean => {
    for (let node: Node | null = row; node && node !== document.documentElement && node !== document.body; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
      if (node instanceof Element && /(auto|scroll)/.test(getComputedStyle(node).overflowY) && node.scrollHeight > node.clientHeight + 10) return true;
    }
    return false;
  };
  const check = (): void => {
    for (const selector of args.selectors) {
      const shown = deep(document, selector).filter((row) => row.getBoundingClientRect().height > 0);
      if (shown.length >= args.count || (shown.length >= 10 && inFullScroller(shown[0]!))) {
        w.__ddRows = { at: performance.now(), rows: shown.length };
        return;
      }
    }
    if (performance.now() > args.timeoutMs) {
      w.__ddRows = { error: `fewer than ${args.count} rows after ${args.timeoutMs} ms` };
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
