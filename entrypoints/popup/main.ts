import type { PopupLater } from './popup-app';

// The first screen is drawn by the classic script in the page's head (`popup-first-screen.js`): this
// module brings what comes after it, each part loaded on first use: the writing code (Dexie and
// validation), Dexie's change events for live updates, and the extension's APIs.
const later: PopupLater = {
  actions: () => import('./popup-actions'),
  browser: () => import('wxt/browser').then((module) => module.browser),
  dexie: () => import('dexie').then((module) => module.Dexie),
};
globalThis.ddPopupLater?.(later);
