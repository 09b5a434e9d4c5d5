import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { BENCH_EXTENSION_KEY } from './bench/extension-key';
import { leadSiteMatchPatterns } from './core/lead-sites';

/**
 * The popup's module (`popup/main.ts`: what comes after the first screen) is named in a
 * `<meta name="dd-popup-module">` instead of a `<script>`, and its preloads are dropped: the page
 * fetches it once the first screen is drawn (`popup/popup-module.ts`). In the head, it and its two
 * preloads were three more requests to the browser process at the moment the first screen's two
 * scripts were on their way. Left as it is when the build's HTML has another shape.
 */
function popupModuleAfterFirstScreen(): Plugin {
  return {
    name: 'dealer-desk:popup-module-after-first-screen',
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename }) {
        if (!/[\\/]entrypoints[\\/]popup[\\/]index\.html$/.test(filename)) return html;
        const modules = [...html.matchAll(/<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g)];
        if (modules.length !== 1) return html;
        const [tag, src] = modules[0]!;
        return html.replace(tag, `<meta name="dd-popup-module" content="${src}">`).replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
      },
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  // WXT's auto-imported `storage` helper clashes with our storage/ folder.
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'activeTab', 'scripting', 'contextMenus', 'downloads', 'offscreen'],
    // The lead sites, where the background injects the extractor when a sidebar asks for a draft.
    host_permissions: leadSiteMatchPatterns(),
    // Sites the user adds for capture are asked for one by one, when the user asks.
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_extName__' },
    // The capture sidebar is framed into pages; a per-session URL keeps pages from probing for it.
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    commands: {
      'capture-tab': { suggested_key: { default: 'Alt+Shift+D' }, description: '__MSG_capture_command__' },
    },
  },
  // Extension pages only (the worker and the content script are built apart, without code splitting):
  // each file a page imports is a round trip to the browser process before its first line runs. The
  // sidebar's and the dashboard's first screens need the kit every page loads (Lit, dayjs, i18n) and the
  // due-list code: a chunk each instead of several small ones (the popup's first screen is classic
  // scripts, entrypoints/popup-first-screen.ts). A captured module's
  // dependencies stay where they were: otherwise the due-list chunk took the shared styles and the
  // sidebar's first paint loaded all of it.
  vite: () => ({
    plugins: [popupModuleAfterFirstScreen()],
    // dayjs's ES build: the CommonJS one needs the bundler's interop helpers, a file of their own that
    // every page loading the kit fetched before its first line ran.
    resolve: { alias: [{ find: /^dayjs(?!\/esm)(\/.*)?$/, replacement: 'dayjs/esm$1' }] },
    build: {
      // Chromium preloads modules itself: the polyfill was one more file before every page's first line.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          advancedChunks: {
            includeDependenciesRecursively: false,
            groups: [
              // With the shared styles, which every page that loads the kit loads too.
              {
                name: 'kit',
                priority: 2,
                test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/][^\\/]+|dayjs)[\\/]|[\\/]core[\\/]i18n\.ts|[\\/]_locales[\\/]|[\\/]components[\\/](styles[\\/][^\\/]+|controllers[\\/][^\\/]+)\.ts|[\\/]entrypoints[\\/]shared[\\/]after-next-paint\.ts/,
              },
              // The plain-IndexedDB first-screen reads of the popup and the dashboard: one file, not three;
              // with what every page's entry imports first (the preload helper, WXT's HTML plugin code).
              { name: 'first-screen', priority: 1, test: /[\\/]storage[\\/](plain-indexeddb|reader|first-screen|foreground-read)\.ts|vite[\\/]preload-helper|virtual:wxt-(html-)?plugins/ },
              {
                name: 'due-lists',
                priority: 1,
                test: /[\\/]core[\\/](first-contact|cadence[\\/](local-time|rules|reasons|holidays)|scripts[\\/][^\\/]+)\.ts|[\\/]components[\\/]callback-list[\\/]|[\\/]entrypoints[\\/]shared[\\/]callback-list-item\.ts|[\\/]storage[\\/]script-library\.ts/,
              },
            ],
          },
        },
      },
    },
  }),
  hooks: {
    // `wxt build --mode bench` (npm run bench) adds the benchmark page; other builds never contain it.
    'entrypoints:found': (wxt, infos) => {
      if (wxt.config.mode === 'bench') infos.push({ name: 'bench', inputPath: resolve(import.meta.dirname, 'bench/page/index.html'), type: 'unlisted-page' });
    },
    // The bench build has one extension id wherever it is built (its cached book belongs to that id).
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode === 'bench') manifest.key = BENCH_EXTENSION_KEY;
    },
  },
});
