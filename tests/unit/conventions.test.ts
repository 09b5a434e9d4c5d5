import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  const path = join(ROOT, folder);
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    if (statSync(full).isDirectory()) return sourceFiles(relative(ROOT, full));
    return /\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts') ? [relative(ROOT, full)] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? '',
  );
}

// Dependencies point one way: entrypoints → components, storage, core; components → core; storage → core.
const FORBIDDEN: Record<string, RegExp> = {
  core: /(^|\/)(storage|components|entrypoints)\/|^(dexie|wxt|lit)(\/|$)/,
  components: /(^|\/)(storage|entrypoints)\/|^(dexie|wxt)(\/|$)|^zod$/,
  storage: /(^|\/)(components|entrypoints)\/|^(lit|wxt)(\/|$)/,
};

describe('layering', () => {
  for (const [layer, forbidden] of Object.entries(FORBIDDEN)) {
    test(`${layer}/ imports nothing it must not`, () => {
      const offences = sourceFiles(layer).flatMap((file) =>
        importsOf(file)
          .filter((target) => forbidden.test(target))
          .map((target) => `${file} → ${target}`),
      );
      expect(offences).toEqual([]);
    });
  }

  test('schemas take z from storage/zod, which switches zod to its CSP-safe mode', () => {
    const offences = sourceFiles('storage').filter((file) => file !== 'storage/zod.ts' && importsOf(file).includes('zod'));
    expect(offences).toEqual([]);
  });
});

describe('components', () => {
  const registrations = sourceFiles('components').filter((file) => /\/dd-[a-z-]+\.ts$/.test(file));

  test('every component folder registers a dd- element from a file of that name', () => {
    const folders = readdirSync(join(ROOT, 'components')).filter(
      (name) => name !== 'controllers' && statSync(join(ROOT, 'components', name)).isDirectory(),
    );
    for (const folder of folders) {
      const registration = registrations.find((file) => file.startsWith(`components/${folder}/`));
      expect(registration, `components/${folder} has no dd-*.ts registration`).toBeDefined();
      const tag = registration!.split('/').pop()!.replace(/\.ts$/, '');
      expect(readFileSync(join(ROOT, registration!), 'utf8')).toContain(`customElements.define('${tag}'`);
    }
  });
});
