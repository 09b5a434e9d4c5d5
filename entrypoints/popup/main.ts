import { setLocale } from '../../core/i18n';
import { openReader } from '../../storage/reader';
import { PopupApp } from './popup-app';

// The popup must open fast: it reads the database as it is (no schema versions, no validation) and
// loads the writing code on the first click.
const reader = await openReader();
const stored = await reader?.settings.get('settings').catch(() => undefined);
if (stored?.language === 'zh_CN' || stored?.language === 'en') setLocale(stored.language);
PopupApp.reader = reader;
if (!customElements.get('dd-popup')) customElements.define('dd-popup', PopupApp);
