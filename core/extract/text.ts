/** Reading what a person sees on the page, cheaply. */

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'svg', 'SVG', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE', 'DEALER-DESK']);
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

/** Really rendered? Uses the browser's answer where it has one. */
export function isVisible(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (hiddenByMarkup(node)) return false;
  }
  const check = (element as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  if (typeof check === 'function' && element.ownerDocument.defaultView?.navigator.userAgent.includes('Chrome')) {
    return check.call(element, { visibilityProperty: true, opacityProperty: true });
  }
  return true;
}

export function inSiteChrome(element: Element): boolean {
  const chrome = element.closest(CHROME);
  if (!chrome) return false;
  let depth = 0;
  for (let node = chrome.parentElement; node && node.tagName !== 'BODY'; node = node.parentElement) if (++depth > CHROME_DEPTH) return false;
  return true;
}

/** Text nodes a reader could see, in document order (scripts, styles, templates and our own UI skipped). */
export function visibleTextNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* elements and text */, {
    acceptNode(node) {
      if (node.nodeType === 1) {
        const element = node as Element;
        if (SKIPPED.has(element.tagName) || hiddenByMarkup(element)) return 2; /* reject subtree */
        return 3; /* skip the element itself, keep walking */
      }
      return /\S/.test((node as Text).data) ? 1 : 3;
    },
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/**
 * The text as rendered: pages hide digits in CSS (`::before { content: "2" }`) so that copying the
 * markup gives nothing. In a browser the pseudo-elements are read back; where they cannot be read
 * (`undefined`), the value is left empty rather than guessed.
 */
export function renderedText(element: Element): string | undefined {
  const view = element.ownerDocument.defaultView;
  let text = '';
  let unreadable = false;
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      text += (node as Text).data;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIPPED.has(el.tagName) || hiddenByMarkup(el)) return;
    const pseudo = (which: '::before' | '::after'): void => {
      const content = view?.getComputedStyle(el, which).content;
      if (content && content !== 'none' && content !== 'normal') {
        const literal = /^"(.*)"$/.exec(content);
        if (literal) text += literal[1];
        else unreadable = true;
      }
    };
    const emptyLeaf = el.childNodes.length === 0;
    if (emptyLeaf && !view?.navigator.userAgent.includes('Chrome')) unreadable = true;
    else if (emptyLeaf || el.className) pseudo('::before');
    el.childNodes.forEach(visit);
    if (emptyLeaf || el.className) pseudo('::after');
  };
  visit(element);
  if (unreadable) return undefined;
  return clean(text);
}
