import { setLocale } from '../../core/i18n';
import { openDatabase, SettingsRepository } from '../../storage';

/** Follows the language chosen in Settings; `auto` keeps the browser's. */
export async function applyLanguageSetting(): Promise<void> {
  const settings = await new SettingsRepository(openDatabase()).get();
  if (settings.language !== 'auto') setLocale(settings.language);
}
