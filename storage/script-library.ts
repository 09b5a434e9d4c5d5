import { builtInScripts, type ScriptLocale } from '../core/scripts';
import type { ReadableDatabase } from './reader';
import type { Script } from './schemas/script';

/**
 * The library as the user sees it in `locale`: built-ins with the user's edits applied, then the
 * user's own scripts. Reads only (no validation library), so the popup can load it fast.
 */
export async function readScriptLibrary(db: ReadableDatabase, locale: ScriptLocale): Promise<Script[]> {
  const stored = await db.scripts.toArray();
  const byId = new Map(stored.map((script) => [script.id, script]));
  const builtIns: Script[] = builtInScripts(locale).map(({ key: _key, ...builtIn }) => {
    const edited = byId.get(builtIn.id);
    return edited ? { ...edited, builtIn: true } : (builtIn as Script);
  });
  return [...builtIns, ...stored.filter((script) => !script.builtIn && script.locale === locale)];
}
