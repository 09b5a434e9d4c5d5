import type { ScriptLocale } from '../core/scripts';
import { newId } from './schemas/common';
import { scriptInputSchema, type Script, type ScriptInput } from './schemas/script';
import { scriptLibrary } from './script-library';
import type { DealerDeskDatabase } from './database';
import { validate, type WriteResult } from './validation';

/**
 * Call and message scripts (话术). Built-ins come from the library in code, so they improve with each
 * release; a stored row with a built-in's id is the user's edit (or switch-off) of it, and deleting
 * that row resets it. The user's own scripts are stored rows with `builtIn: false`.
 */
export class ScriptRepository {
  constructor(private readonly db: DealerDeskDatabase) {}

  async create(input: ScriptInput, id: string = newId()): Promise<WriteResult<Script>> {
    const result = validate(scriptInputSchema, input);
    if (!result.ok) return result;
    const script = { ...result.value, id };
    await this.db.scripts.put(script);
    return { ok: true, value: script };
  }

  async all(): Promise<Script[]> {
    return this.db.scripts.toArray();
  }

  /** The library as the user sees it in `locale`: built-ins with their edits applied, then the user's own. */
  async effective(locale: ScriptLocale): Promise<Script[]> {
    return scriptLibrary(await this.db.scripts.toArray(), locale);
  }

  /** Saves an edit of any script (a built-in's edit is kept under its id until reset). */
  async save(id: string, input: ScriptInput): Promise<WriteResult<Script>> {
    const builtIn = id.startsWith('builtin:');
    return this.create({ ...input, builtIn }, id);
  }

  /** Switches a script off (or on) without losing its words. */
  async setEnabled(id: string, enabled: boolean, locale: ScriptLocale): Promise<boolean> {
    const current = (await this.effective(locale)).find((script) => script.id === id);
    if (!current) return false;
    await this.db.scripts.put({ ...current, enabled });
    return true;
  }

  /** A built-in back to the library's words (and switched on); returns false for the user's own scripts. */
  async reset(id: string): Promise<boolean> {
    if (!id.startsWith('builtin:')) return false;
    await this.db.scripts.delete(id);
    return true;
  }

  /** Deletes one of the user's own scripts (built-ins can only be switched off). */
  async remove(id: string): Promise<boolean> {
    const script = await this.db.scripts.get(id);
    if (!script || script.builtIn) return false;
    await this.db.scripts.delete(id);
    return true;
  }
}
