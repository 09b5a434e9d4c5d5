import { newId } from './schemas/common';
import { scriptInputSchema, type Script, type ScriptInput } from './schemas/script';
import type { DealerDeskDatabase } from './database';
import { validate, type WriteResult } from './validation';

/** Call and message scripts (话术), built-in and the user's own. */
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
}
