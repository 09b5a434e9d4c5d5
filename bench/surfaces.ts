import type { MeasureRow } from './report';
import type { BenchContext } from './run';

export interface SurfaceOptions {
  pagesDir: string;
  realPages: string | undefined;
  productionBuild: string;
}

/** Measures of the surfaces users see: dashboard, content script, sidebar, popup, capture. */
export async function surfaceMeasures(_ctx: BenchContext, _options: SurfaceOptions): Promise<MeasureRow[]> {
  return [];
}
