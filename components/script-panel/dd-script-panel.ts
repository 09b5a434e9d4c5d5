import { DdScriptPanel } from './script-panel.component';

export * from './script-panel.component';

if (!customElements.get('dd-script-panel')) customElements.define('dd-script-panel', DdScriptPanel);

declare global {
  interface HTMLElementTagNameMap {
    'dd-script-panel': DdScriptPanel;
  }
}
