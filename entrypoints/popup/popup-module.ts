/**
 * Fetches the page's module (`main.ts`: writing, live updates, the extension's APIs) once the first
 * screen is drawn. The build names it in `<meta name="dd-popup-module">` rather than a `<script>`
 * (wxt.config.ts), so it is not one more request beside the first screen's scripts. Where the HTML
 * still has its `<script>` (another build), it is already loading and nothing is added.
 */
export function loadPopupModule(): void {
  const src = document.querySelector<HTMLMetaElement>('meta[name="dd-popup-module"]')?.content;
  if (!src || document.querySelector(`script[type="module"][src="${CSS.escape(src)}"]`)) return;
  const script = document.createElement('script');
  script.type = 'module';
  script.src = src;
  document.head.append(script);
}
