import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // WXT's auto-imported `storage` helper clashes with our storage/ folder.
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'activeTab', 'scripting', 'contextMenus'],
    action: { default_title: '__MSG_extName__' },
  },
  hooks: {
    // `wxt build --mode bench` (npm run bench) adds the benchmark page; other builds never contain it.
    'entrypoints:found': (wxt, infos) => {
      if (wxt.config.mode === 'bench') infos.push({ name: 'bench', inputPath: resolve(import.meta.dirname, 'bench/page/index.html'), type: 'unlisted-page' });
    },
  },
});
