import { browser } from 'wxt/browser';
import { t } from '../../core/i18n';
import { captureTab } from './capture-tab';
import { registerUserSites } from './capture-sites';

const MENU_SELECTION = 'dd-capture-selection';
const MENU_PAGE = 'dd-capture-page';
/** The manifest `commands` key of the capture shortcut. */
export const CAPTURE_COMMAND = 'capture-tab';

/** Context menu (a selection, e.g. a phone number; or the page) and the keyboard shortcut. */
export function registerCaptureCommands(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll(() => {
      browser.contextMenus.create({ id: MENU_SELECTION, title: t('capture_menu_selection'), contexts: ['selection'] });
      browser.contextMenus.create({ id: MENU_PAGE, title: t('capture_menu_page'), contexts: ['page'] });
    });
    void registerUserSites();
  });
  browser.runtime.onStartup.addListener(() => void registerUserSites());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined || tab.id < 0) return;
    if (info.menuItemId === MENU_SELECTION) void captureTab(tab.id, { selection: info.selectionText });
    else if (info.menuItemId === MENU_PAGE) void captureTab(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== CAPTURE_COMMAND) return;
    const open = (id: number | undefined) => (id !== undefined ? captureTab(id) : undefined);
    if (tab?.id !== undefined) void open(tab.id);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => open(active?.id));
  });
}
