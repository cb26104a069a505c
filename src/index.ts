import { EkycFlow } from './ekyc-flow.js';

export { EkycFlow };
export * from './api/index.js';
export type * from './events.js';
export type { Capture } from './flow/types.js';
export type { EkycStrings, StringKey } from './i18n/en.js';
export { loadLanguages } from './i18n/localize.js';
export type { CccdCrossCheck, CccdQrFields, CccdQrReading, CrossCheckResult } from './qr/types.js';

if (typeof customElements !== 'undefined' && !customElements.get('ekyc-flow')) {
  customElements.define('ekyc-flow', EkycFlow);
}

declare global {
  interface HTMLElementTagNameMap {
    'ekyc-flow': EkycFlow;
  }
}
