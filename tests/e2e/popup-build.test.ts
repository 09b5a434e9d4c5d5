import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { EXTENSION_PATH } from './support/extension';

// The popup's first screen is two classic scripts, bundled without code splitting: an import of the
// writing code from anything they load would be inlined into them, and the popup would open that
// much later. This checks the production build as the browser loads it.
const file = (name: string) => join(EXTENSION_PATH, name);

test('the popup loads only its two first-screen scripts with the page; its module is named for later, not fetched beside them', () => {
  const html = readFileSync(file('popup.html'), 'utf8');
  const scripts = [...html.matchAll(/<script([^>]*)src="([^"]+)"/g)].map(([, attributes, src]) => ({ src, module: /type="module"/.test(attributes!) }));
  expect(scripts).toEqual([
    { src: '/popup-first-read.js', module: false },
    { src: '/popup-first-screen.js', module: false },
  ]);
  expect(html).not.toContain('modulepreload');
  const later = /<meta name="dd-popup-module" content="([^"]+)">/.exec(html)?.[1];
  expect(later).toMatch(/^\/chunks\/popup-[\w-]+\.js$/);
  expect(statSync(file(later!)).isFile()).toBe(true);
});

test('the first read is plain IndexedDB, and the first screen carries no database, schema, pinyin, phone or extension-storage library', () => {
  const read = readFileSync(file('popup-first-read.js'), 'utf8');
  expect(read.length).toBeLessThanOrEqual(8 * 1024);
  // WXT's storage helper comes in unasked wherever a free `storage` identifier is seen (its auto-import).
  const wxtStorage = 'Storage key should be in the form';
  for (const marker of ['Dexie', 'LitElement', 'ZodError', wxtStorage]) expect(read, marker).not.toContain(marker);

  const screen = file('popup-first-screen.js');
  const size = statSync(screen).size;
  console.log(`popup-first-screen.js: ${(size / 1024).toFixed(1)} KB minified`);
  // Lit, the list and both languages' messages are ~130 KB; Dexie, zod or pinyin-pro would each add 90–450 KB.
  expect(size).toBeLessThanOrEqual(170 * 1024);
  const source = readFileSync(screen, 'utf8');
  for (const marker of ['Dexie', 'ZodError', 'libphonenumber', 'isValidNumber', wxtStorage]) expect(source, marker).not.toContain(marker);
});
