// One row per measure (ours) and per baseline, with median/min/max/p95, the ratio ours ÷ baseline,
// and the budget's verdict; the same rows go to bench-results/latest.json.

export interface Stats {
  n: number;
  median: number;
  min: number;
  max: number;
  p95: number;
}

export interface Budget {
  /** Which statistic of ours (or `ratio` to the first baseline) must stay at or under `limit`. */
  stat: 'median' | 'p95' | 'ratio' | 'max' | 'value';
  limit: number;
  unit: string;
}

export interface BaselineRow {
  label: string;
  stats: Stats;
  /** Median of ours ÷ median of this baseline. */
  ratio: number;
}

export interface MeasureRow {
  id: string;
  label: string;
  /** Data set size in customers, when the measure depends on it. */
  size?: number;
  unit: string;
  stats?: Stats;
  /** For single figures (bytes, counts, layout shift). */
  value?: number;
  baselines: BaselineRow[];
  budget?: Budget;
  pass?: boolean;
  /** Why the measure was not taken (surface not built yet, fixture absent…). */
  notMeasured?: string;
  note?: string;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
  return { n: sorted.length, median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, p95: at(0.95) };
}

export function judge(row: MeasureRow): MeasureRow {
  if (!row.budget || row.notMeasured) return row;
  const { stat, limit } = row.budget;
  const value = stat === 'value' ? row.value : stat === 'ratio' ? row.baselines[0]?.ratio : row.stats?.[stat];
  return { ...row, pass: value !== undefined && !Number.isNaN(value) && value <= limit };
}

export function measured(
  id: string,
  label: string,
  ours: readonly number[],
  options: { size?: number; unit?: string; baselines?: Record<string, readonly number[]>; budget?: Budget; note?: string } = {},
): MeasureRow {
  const own = stats(ours);
  const baselines = Object.entries(options.baselines ?? {}).map(([name, samples]) => {
    const theirs = stats(samples);
    return { label: name, stats: theirs, ratio: own.median / theirs.median };
  });
  return judge({
    id,
    label,
    unit: options.unit ?? 'ms',
    stats: own,
    baselines,
    ...(options.size !== undefined ? { size: options.size } : {}),
    ...(options.budget ? { budget: options.budget } : {}),
    ...(options.note ? { note: options.note } : {}),
  });
}

export function single(id: string, label: string, value: number, unit: string, budget?: Budget, note?: string): MeasureRow {
  return judge({ id, label, unit, value, baselines: [], ...(budget ? { budget } : {}), ...(note ? { note } : {}) });
}

export function notMeasured(id: string, label: string, reason: string, budget?: Budget, size?: number): MeasureRow {
  return { id, label, unit: budget?.unit ?? 'ms', baselines: [], notMeasured: reason, ...(budget ? { budget } : {}), ...(size !== undefined ? { size } : {}) };
}

function figure(value: number | undefined, unit = ''): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit}`;
}

function sizeLabel(size: number | undefined): string {
  if (size === undefined) return '';
  return size >= 1000 ? `${size / 1000}k` : String(size);
}

function budgetLabel(budget: Budget | undefined): string {
  if (!budget) return '';
  const what = budget.stat === 'ratio' ? 'ratio' : budget.stat === 'value' ? '' : `${budget.stat} `;
  return `${what}≤ ${budget.limit}${budget.stat === 'ratio' ? '×' : ` ${budget.unit}`}`.trim();
}

/** The table as Markdown, so the same text reads in a terminal and in the README. */
export function table(rows: readonly MeasureRow[]): string {
  const header = ['measure', 'size', 'n', 'median', 'min', 'max', 'p95', 'ours ÷ baseline', 'budget', 'result', 'note'];
  const lines: string[][] = [];
  for (const row of rows) {
    const verdict = row.notMeasured ? `not measured: ${row.notMeasured}` : row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL';
    const unit = row.unit === 'ms' ? '' : ` ${row.unit}`;
    if (row.stats) {
      const s = row.stats;
      lines.push([row.label, sizeLabel(row.size), String(s.n), figure(s.median, unit), figure(s.min, unit), figure(s.max, unit), figure(s.p95, unit), '', budgetLabel(row.budget), verdict, row.note ?? '']);
    } else {
      lines.push([row.label, sizeLabel(row.size), row.value === undefined ? '' : '1', figure(row.value, unit), '', '', '', '', budgetLabel(row.budget), verdict, row.note ?? '']);
    }
    for (const base of row.baselines) {
      const s = base.stats;
      lines.push([`  vs ${base.label}`, sizeLabel(row.size), String(s.n), figure(s.median, unit), figure(s.min, unit), figure(s.max, unit), figure(s.p95, unit), `${figure(base.ratio)}×`, '', '', '']);
    }
  }
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [format(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...lines.map(format)].join('\n');
}
