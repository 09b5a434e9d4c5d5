import { DdScriptEditor } from './script-editor.component';

export * from './script-editor.component';

if (!customElements.get('dd-script-editor')) customElements.define('dd-script-editor', DdScriptEditor);

declare global {
  interface HTMLElementTagNameMap {
    'dd-script-editor': DdScriptEditor;
  }
}
