// Where Chromium is and how Dealer Desk launches it: shared by `npm start`, the e2e tests and the bench.
import { existsSync } from 'node:fs';

/** @returns {string} */
export function chromiumPath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('Chromium not found: install Debian\'s `chromium` (apt-get install chromium) or set CHROME_PATH.');
  return found;
}

/**
 * Flags for a Chromium with the built extension loaded and the given host names (portal domains and
 * their sub-domains) answered by the local fixture server.
 * @param {{ extensionPath: string; port?: number; domains?: readonly string[] }} options
 * @returns {string[]}
 */
export function extensionArgs({ extensionPath, port, domains = [] }) {
  const rules = port ? domains.flatMap((domain) => [`MAP ${domain} 127.0.0.1:${port}`, `MAP *.${domain} 127.0.0.1:${port}`]) : [];
  return [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    ...(rules.length ? [`--host-resolver-rules=${rules.join(', ')}`] : []),
  ];
}
