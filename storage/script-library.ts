import { builtInScripts, type ScriptLocale } from '../core/scripts';
import type { Script } from './schemas/script';

/**
 * The library as the user sees it in `locale`: built-ins with the user's edits (`stored`) applied,
 * then the user's own scripts. No database and no validation library, so the popup can load it fast.
 */
export function scriptLibrary(stored: readonly Script[], locale: ScriptLocale): Script[] {
  const byId = new Map(stored.map((script) => [script.id, script]));
  const builtIns: Script[] = builtInScripts(locale).map(({ key: _key, ...builtIn }) => {
    const edited = byId.get(builtIn.id);
    return edited ? { ...edited, builtIn: true } : (builtIn as Script);
  });
  return [...builtIns, ...stored.filter((script) => !script.builtIn && script.locale === locale)];
}
