import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import dayjs from 'dayjs';
import { t, type MessageKey } from '../../core/i18n';
import { monthlyReport, type MonthlyReport } from '../../core/report/monthly';
import { writeXlsx, type SheetImage } from '../../core/transfer/xlsx';
import { LocaleController } from '../../components/controllers/locale-controller';
import '../../components/bar-chart/dd-bar-chart';
import type { ChartBar, DdBarChart } from '../../components/bar-chart/dd-bar-chart';
import { openDatabase, reportData } from '../../storage';
import { saveFile, XLSX_TYPE } from './download';
import { viewStyles } from './view-styles';

const db = openDatabase();
const percent = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);

/** Draws a chart's SVG onto a canvas: a PNG for the workbook's chart sheet. */
async function chartImage(chart: DdBarChart): Promise<SheetImage | undefined> {
  const element = chart.svgElement;
  if (!element) return undefined;
  const width = Number(element.getAttribute('width'));
  const height = Number(element.getAttribute('height'));
  const source = new XMLSerializer().serializeToString(element);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d')!;
  context.scale(2, 2);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? { png: new Uint8Array(await blob.arrayBuffer()), width, height } : undefined;
}

/**
 * The monthly customer update for the showroom manager: a month and a consultant, the lead funnel,
 * sources, grade mix, lost deals, callbacks and loyalty as charts; exported as .xlsx (data and a
 * chart sheet) or printed.
 */
export class ReportView extends LitElement {
  static override styles = [
    viewStyles,
    css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 8px;
        margin-bottom: 12px;
      }
      .tile {
        background: #f0f4ff;
        border-radius: 8px;
        padding: 8px 12px;
      }
      .tile strong {
        display: block;
        font-size: 22px;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(420px, 1fr));
        gap: 16px;
      }
      @media print {
        .toolbar {
          display: none;
        }
        .panel {
          box-shadow: none;
          padding: 0;
        }
        .charts {
          grid-template-columns: 1fr 1fr;
        }
      }
    `,
  ];
  static override properties = {
    month: { state: true },
    consultant: { state: true },
    consultants: { state: true },
    report: { state: true },
    busy: { state: true },
  };

  /** `YYYY-MM`. */
  declare month: string;
  declare consultant: string;
  declare consultants: string[];
  declare report: MonthlyReport | undefined;
  declare busy: boolean;

  constructor() {
    super();
    // The update is due by the 15th, about the month before.
    this.month = dayjs().subtract(1, 'month').format('YYYY-MM');
    this.consultant = '';
    this.consultants = [];
    this.busy = false;
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.build();
  }

  private async build(): Promise<void> {
    this.busy = true;
    const [year, month] = this.month.split('-').map(Number) as [number, number];
    const from = new Date(year, month - 1, 1).getTime();
    const to = new Date(year, month, 1).getTime() - 1;
    const data = await reportData(db, from, to);
    this.consultants = [...new Set(data.customers.flatMap((customer) => (customer.consultant ? [customer.consultant] : [])))].sort();
    this.report = monthlyReport(data, { year, month, consultant: this.consultant });
    this.busy = false;
  }

  private charts(report: MonthlyReport): { id: string; caption: string; bars: ChartBar[]; funnel?: boolean; colour?: string }[] {
    const first = report.funnel[0]?.count ?? 0;
    return [
      {
        id: 'funnel',
        caption: t('report_funnel'),
        funnel: true,
        colour: '#1d4ed8',
        bars: report.funnel.map((step) => ({ label: t(`report_step_${step.step}` as MessageKey), value: step.count, note: `${step.count} · ${percent(first ? step.count / first : null)}` })),
      },
      {
        id: 'sources',
        caption: t('report_by_source'),
        bars: report.bySource.map((row) => ({ label: t(`channel_${row.channel}` as MessageKey), value: row.leads, note: t('report_source_note', row.leads, row.orders, percent(row.conversion)) })),
      },
      { id: 'grades', caption: t('report_grade_mix'), bars: report.gradeMix.map((row) => ({ label: t(`grade_${row.grade}` as MessageKey), value: row.count })) },
      { id: 'lost', caption: t('report_lost_reasons'), colour: '#e02424', bars: report.lostReasons.map((row) => ({ label: row.label, value: row.count })) },
      { id: 'competitors', caption: t('report_competitors'), colour: '#d97706', bars: report.competitorModels.map((row) => ({ label: row.label, value: row.count })) },
      {
        id: 'callbacks',
        caption: t('report_callbacks'),
        bars: (['onTime', 'late', 'missed', 'pending'] as const).map((key) => ({ label: t(`report_callbacks_${key}` as MessageKey), value: report.callbacks[key] })),
      },
    ];
  }

  private async exportXlsx(): Promise<void> {
    const report = this.report;
    if (!report) return;
    const rows: (string | number)[][] = [
      [t('report_title'), this.month, this.consultant || t('report_all_consultants')],
      [],
      [t('report_funnel')],
      ...report.funnel.map((step) => [t(`report_step_${step.step}` as MessageKey), step.count]),
      [],
      [t('report_by_source'), t('report_leads'), t('report_orders'), t('report_conversion')],
      ...report.bySource.map((row) => [t(`channel_${row.channel}` as MessageKey), row.leads, row.orders, percent(row.conversion)]),
      [],
      [t('report_grade_mix')],
      ...report.gradeMix.map((row) => [t(`grade_${row.grade}` as MessageKey), row.count]),
      [],
      [t('report_lost_reasons')],
      ...report.lostReasons.map((row) => [row.label, row.count]),
      [],
      [t('report_competitors')],
      ...report.competitorModels.map((row) => [row.label, row.count]),
      [],
      [t('report_callbacks')],
      ...(['onTime', 'late', 'missed', 'pending'] as const).map((key) => [t(`report_callbacks_${key}` as MessageKey), report.callbacks[key]]),
      [],
      [t('report_loyalty'), percent(report.loyalty.rate)],
      [t('report_sales_to_existing'), report.loyalty.salesToExisting],
      [t('report_lost_existing'), report.loyalty.lostExisting],
    ];
    const images: SheetImage[] = [];
    for (const chart of this.renderRoot.querySelectorAll('dd-bar-chart')) {
      const image = await chartImage(chart);
      if (image) images.push(image);
    }
    const bytes = await writeXlsx([
      { name: t('report_sheet_data'), rows, widths: [28, 14, 14, 14] },
      { name: t('report_sheet_charts'), rows: [], images },
    ]);
    saveFile(`dealer-desk-report-${this.month}${this.consultant ? `-${this.consultant}` : ''}.xlsx`, bytes as BlobPart, XLSX_TYPE);
  }

  override render(): TemplateResult {
    const report = this.report;
    const leads = report?.funnel[0]?.count ?? 0;
    const orders = report?.funnel[4]?.count ?? 0;
    const callbacksDone = report ? report.callbacks.onTime + report.callbacks.late + report.callbacks.missed : 0;
    return html`<section class="panel report">
      <h2>${t('report_heading', this.month, this.consultant || t('report_all_consultants'))}</h2>
      <div class="toolbar">
        <label class="inline">${t('report_month')}
          <input type="month" .value=${this.month} @change=${(event: Event) => ((this.month = (event.target as HTMLInputElement).value || this.month), this.build())} />
        </label>
        <label class="inline">${t('field_consultant')}
          <select @change=${(event: Event) => ((this.consultant = (event.target as HTMLSelectElement).value), this.build())}>
            <option value="" ?selected=${!this.consultant}>${t('report_all_consultants')}</option>
            ${this.consultants.map((name) => html`<option value=${name} ?selected=${name === this.consultant}>${name}</option>`)}
          </select>
        </label>
        <span class="spacer"></span>
        <button type="button" ?disabled=${!report} @click=${this.exportXlsx}>${t('report_export_xlsx')}</button>
        <button type="button" @click=${() => print()}>${t('report_print')}</button>
      </div>
      ${this.busy && !report ? html`<p class="muted" role="status">${t('dashboard_loading')}</p>` : nothing}
      ${report
        ? html`<div class="tiles">
              <div class="tile" data-kpi="leads"><strong>${leads}</strong>${t('report_leads')}</div>
              <div class="tile" data-kpi="orders"><strong>${orders}</strong>${t('report_orders')}</div>
              <div class="tile" data-kpi="conversion"><strong>${percent(leads ? orders / leads : null)}</strong>${t('report_conversion')}</div>
              <div class="tile" data-kpi="on-time"><strong>${percent(callbacksDone ? report.callbacks.onTime / callbacksDone : null)}</strong>${t('report_on_time_rate')}</div>
              <div class="tile" data-kpi="loyalty"><strong>${percent(report.loyalty.rate)}</strong>${t('report_loyalty')}</div>
            </div>
            <p class="muted">${t('report_loyalty_explained', report.loyalty.salesToExisting, report.loyalty.lostExisting)}</p>
            <div class="charts">
              ${this.charts(report).map(
                (chart) => html`<dd-bar-chart data-chart=${chart.id} .caption=${chart.caption} .bars=${chart.bars} ?funnel=${chart.funnel ?? false} .colour=${chart.colour} .empty=${t('report_nothing')}></dd-bar-chart>`,
              )}
            </div>`
        : nothing}
    </section>`;
  }
}

customElements.define('dd-report-view', ReportView);
