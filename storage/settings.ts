import { settingsSchema, type Settings, type SettingsInput } from './schemas/settings';
import type { DealerDeskDatabase } from './database';
import { validate, type WriteResult } from './validation';

/** The consultant's settings: one record, defaults filled in for anything never set. */
export class SettingsRepository {
  constructor(private readonly db: DealerDeskDatabase) {}

  async get(): Promise<Settings> {
    const stored = await this.db.settings.get('settings');
    const parsed = settingsSchema.safeParse(stored ?? {});
    return parsed.success ? parsed.data : settingsSchema.parse({});
  }

  async update(patch: Partial<SettingsInput>): Promise<WriteResult<Settings>> {
    return this.db.transaction('rw', this.db.settings, async () => {
      const result = validate(settingsSchema, { ...(await this.get()), ...patch });
      if (result.ok) await this.db.settings.put({ ...result.value, id: 'settings' });
      return result;
    });
  }
}
