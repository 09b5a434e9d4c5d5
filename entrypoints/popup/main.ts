import { setLocale } from '../../core/i18n';
import { openDatabase } from '../../storage/database';
import { PopupApp } from './popup-app';

// The popup must open fast: it reads the language directly (no settings validation) before drawing.
const stored = await openDatabase()
  .settings.get('settings')
  .catch(() => undefined);
if (stored?.language === 'zh_CN' || stored?.language === 'en') setLocale(stored.language);
if (!customElements.get('dd-popup')) customElements.define('dd-popup', PopupApp);
