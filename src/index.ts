import { EkycFlow } from './ekyc-flow.js';

export { EkycFlow };
export * from './api/index.js';

if (typeof customElements !== 'undefined' && !customElements.get('ekyc-flow')) {
  customElements.define('ekyc-flow', EkycFlow);
}

declare global {
  interface HTMLElementTagNameMap {
    'ekyc-flow': EkycFlow;
  }
}
