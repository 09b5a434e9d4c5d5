import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { leadSiteMatchPatterns } from '../../core/lead-sites';
import { EXTENSION_PATH } from './support/extension';

// The production build, as the browser loads it.
const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8'));
const captureScript = join(EXTENSION_PATH, 'content-scripts', 'capture.js');

test('the capture script runs on every lead site (http and https, sub-domains) and nowhere else by default', () => {
  expect(manifest.content_scripts).toHaveLength(1);
  expect(new Set(manifest.content_scripts[0].matches)).toEqual(new Set(leadSiteMatchPatterns()));
  expect(manifest.content_scripts[0].js).toEqual(['content-scripts/capture.js']);
  expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
  expect(manifest.commands['capture-tab'].suggested_key.default).toBe('Alt+Shift+D');
});

test('the sidebar is web-accessible only through a per-session URL', () => {
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['sidebar.html'], matches: ['<all_urls>'], use_dynamic_url: true }]);
});

test('the eager capture script stays small and carries no database, schema, pinyin or phone library', () => {
  const size = statSync(captureScript).size;
  console.log(`content-scripts/capture.js: ${(size / 1024).toFixed(1)} KB minified`);
  expect(size).toBeLessThanOrEqual(60 * 1024);
  const source = readFileSync(captureScript, 'utf8');
  for (const marker of ['Dexie', 'IDBKeyRange', 'ZodError', 'pinyin', 'libphonenumber', 'isValidNumber']) expect(source, marker).not.toContain(marker);
});
