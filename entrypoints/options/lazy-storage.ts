/** The dashboard's storage and other pages, loaded once (see dashboard-storage.ts). */
let loading: Promise<typeof import('./dashboard-storage')> | undefined;

export function loadDashboardStorage(): Promise<typeof import('./dashboard-storage')> {
  loading ??= import('./dashboard-storage');
  return loading;
}
