/** Reading what a person sees on the page, cheaply. */

// Inside these, text is not something a reader sees on the page (or it is our own launcher).
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'svg', 'SVG', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE', 'DEALER-DESK']);
// A value is a few elements at most; a bigger subtree is not a value.
const MAX_RENDERED_ELEMENTS = 40;
// Site chrome: a portal's own hotline in its header or footer is not a lead.
const CHROME = 'header, footer, nav, [role=banner], [role=contentinfo], [role=navigation], #footer, .footer, .site-footer, .page-footer, .global-footer, #header, .header, .site-header, .topbar';
// A card's own <footer> sits deep in the page; the site's sits near the top of the tree.
const CHROME_DEPTH = 4;

export function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** Hidden by markup or inline style (computed style is consulted only where a value was found). */
function hiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Really rendered (CSS included)? Asked of the browser only for the few elements holding a phone. */
export function isVisible(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  if (typeof check === 'function' && element.ownerDocument.defaultView?.navigator.userAgent.includes('Chrome')) {
    return check.call(element, { visibilityProperty: true, opacityProperty: true });
  }
  return true;
}

/**
 * In the site's own header, footer or navigation? The nearest such ancestor decides, and only when it
 * sits near the top of the tree. `memo` holds the nearest one per element for one extraction: a list's
 * rows share their ancestors, so each is matched against the selectors once (not once per phone).
 */
export function inSiteChrome(element: Element, memo: Map<Element, Element | null> = new Map()): boolean {
  const chrome = nearestChrome(element, memo);
  if (!chrome) return false;
  let depth = 0;
  for (let node = chrome.parentElement; node && node.tagName !== 'BODY'; node = node.parentElement) if (++depth > CHROME_DEPTH) return false;
  return true;
}

function nearestChrome(element: Element, memo: Map<Element, Element | null>): Element | null {
  const path: Element[] = [];
  let found: Element | null = null;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const known = memo.get(node);
    if (known !== undefined) {
      found = known;
      break;
    }
    if (node.matches(CHROME)) {
      found = node;
      memo.set(node, node);
      break;
    }
    path.push(node);
  }
  for (const node of path) memo.set(node, found);
  return found;
}

/**
 * Text under this element is not read: scripts, styles, hidden markup, our own UI. `memo` holds the
 * answers of one extraction: candidates share their ancestors, so each element is looked at once.
 */
export function isSkipped(element: Element, memo: Map<Element, boolean>): boolean {
  const known = memo.get(element);
  if (known !== undefined) return known;
  const parent = element.parentElement;
  const skipped = SKIPPED.has(element.tagName) || hiddenByMarkup(element) || (!!parent && isSkipped(parent, memo));
  memo.set(element, skipped);
  return skipped;
}

/**
 * The text as rendered: pages hide digits in CSS (`::before { content: "2" }`) so that copying the
 * markup gives nothing. In a browser the pseudo-elements are read back; where they cannot be read
 * (`undefined`), the value is left empty rather than guessed.
 */
export function renderedText(element: Element): string | undefined {
  const view = element.ownerDocument.defaultView;
  const canRender = !!view?.navigator.userAgent.includes('Chrome');
  let text = '';
  let unreadable = false;
  let visited = 0;
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      text += (node as Text).data;
      return;
    }
    if (node.nodeType !== 1 || ++visited > MAX_RENDERED_ELEMENTS) return;
    const el = node as Element;
    if (SKIPPED.has(el.tagName) || hiddenByMarkup(el)) return;
    if (el.childNodes.length > 0) {
      el.childNodes.forEach(visit);
      return;
    }
    // An empty element: the trick puts its character in a pseudo-element (read only where rendered).
    if (!canRender) {
      if (el.className) unreadable = true;
      return;
    }
    for (const which of ['::before', '::after'] as const) {
      const content = view!.getComputedStyle(el, which).content;
      if (!content || content === 'none' || content === 'normal') continue;
      const literal = /^"(.*)"$/.exec(content);
      if (literal) text += literal[1];
      else unreadable = true;
    }
  };
  visit(element);
  if (unreadable || visited > MAX_RENDERED_ELEMENTS) return undefined;
  return clean(text);
}
