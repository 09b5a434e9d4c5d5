import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { leadSiteMatchPatterns } from './core/lead-sites';

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
  hooks: {
    // `wxt build --mode bench` (npm run bench) adds the benchmark page; other builds never contain it.
    'entrypoints:found': (wxt, infos) => {
      if (wxt.config.mode === 'bench') infos.push({ name: 'bench', inputPath: resolve(import.meta.dirname, 'bench/page/index.html'), type: 'unlisted-page' });
    },
  },
});
