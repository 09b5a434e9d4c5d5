// `npm start`: builds the extension and opens Chromium with it on the bundled demo lead page, served
// locally under a real portal host name so the capture script runs there as it would on the site.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, extensionArgs } from './chromium.mjs';
import { startFixtureServer } from './fixture-server.mjs';

const root = resolve(import.meta.dirname, '..');
const extensionPath = join(root, '.output', 'chrome-mv3');
const headless = process.argv.includes('--headless');

if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('npm start opens a browser window and needs a display (DISPLAY or WAYLAND_DISPLAY).');
  console.error('On a machine without one: `xvfb-run npm start`, or `npm start -- --headless` to check it starts.');
  process.exit(1);
}

execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
const server = await startFixtureServer({ '/demo/': join(root, 'public', 'demo') });
const demoUrl = server.url('/demo/lead.html', 'dealer.autohome.com.cn');
const profile = mkdtempSync(join(tmpdir(), 'dealer-desk-profile-'));
const args = [
  ...extensionArgs({ extensionPath, port: server.port, domains: ['autohome.com.cn'] }),
  `--user-data-dir=${profile}`,
  ...(headless ? ['--headless'] : []),
  demoUrl,
];
console.log(`Dealer Desk: opening ${demoUrl} (served from public/demo, profile ${profile})`);
const browser = spawn(chromiumPath(), args, { stdio: 'ignore' });
browser.on('exit', (code) => {
  void server.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => browser.kill());
