import { DdBarChart } from './bar-chart.component';

export * from './bar-chart.component';

if (!customElements.get('dd-bar-chart')) customElements.define('dd-bar-chart', DdBarChart);

declare global {
  interface HTMLElementTagNameMap {
    'dd-bar-chart': DdBarChart;
  }
}
