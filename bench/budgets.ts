import type { Budget } from './report';

/** The budgets of issue 6, as the README states them. */
export const BUDGETS = {
  importRatio: { stat: 'ratio', limit: 1.3, unit: '×' },
  badgeCount: { stat: 'median', limit: 10, unit: 'ms' },
  searchKeystroke: { stat: 'p95', limit: 16, unit: 'ms' },
  dashboardFirstRows: { stat: 'median', limit: 100, unit: 'ms' },
  /** ≥ 55 fps while scrolling: the median frame interval at most 1000/55 ms. */
  scrollFrame: { stat: 'median', limit: 18.2, unit: 'ms' },
  saveCustomer: { stat: 'p95', limit: 10, unit: 'ms' },
  contentScriptBytes: { stat: 'value', limit: 60 * 1024, unit: 'B' },
  contentScriptMainThread: { stat: 'median', limit: 5, unit: 'ms' },
  extraction1MB: { stat: 'median', limit: 20, unit: 'ms' },
  extraction3MB: { stat: 'median', limit: 60, unit: 'ms' },
  layoutShift: { stat: 'value', limit: 0, unit: '' },
  sidebarInteractive: { stat: 'median', limit: 150, unit: 'ms' },
  popupInteractive: { stat: 'median', limit: 100, unit: 'ms' },
} as const satisfies Record<string, Budget>;
