/**
 * `<ekyc-flow>` in React 19's JSX, for apps that render the tag itself rather than `EkycFlowReact`:
 *
 * ```ts
 * // src/ekyc-flow.d.ts, or any file the app's tsconfig includes
 * import type {} from 'ekyc-flow/jsx';
 * ```
 *
 * React 19 sets a prop as a property when the element has one (`strings`) and as an attribute
 * otherwise (`api-base`, `document-type`…), and listens for `on<event name>` props verbatim:
 * `onekyc-complete` listens for `ekyc-complete`. React 18 does neither; there, use `EkycFlowReact`
 * from `ekyc-flow/react`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { DocumentType } from './api/types.js';
import type { EkycFlow } from './ekyc-flow.js';
import type { EkycEventName } from './events.js';
import type { EkycStrings } from './i18n/en.js';

/** The element's attributes, by their HTML names. */
export interface EkycFlowAttributes {
  'api-base'?: string;
  'session-id'?: string;
  /** Development only: never ship a key to browsers. */
  'api-key'?: string;
  /** Who answers at `api-base`: FPT.AI itself, or your server (worked out when absent). */
  'api-kind'?: 'fpt-ai' | 'server';
  'client-uuid'?: string;
  'document-type'?: DocumentType;
  flow?: 'full' | 'ocr-only';
  /** `vi` or `en` (a region is ignored: `en-GB` is `en`). */
  lang?: string;
  autostart?: boolean;
  'manual-capture'?: boolean;
  'allow-upload'?: boolean;
  'liveness-challenge'?: 'none' | 'turn-head';
  'assets-base'?: string;
  'request-timeout'?: number;
  /** A property, not an attribute: your own text for any key. */
  strings?: Partial<EkycStrings>;
}

/** React 19's listeners for custom events: `on` and the event's name, e.g. `onekyc-error`. */
export type EkycFlowJsxListeners = {
  [K in EkycEventName as `on${K}`]?: (event: HTMLElementEventMap[K]) => void;
};

/** Everything `<ekyc-flow>` accepts in JSX: the HTML element's props, the attributes and the listeners. */
export type EkycFlowJsxProps = Omit<
  DetailedHTMLProps<HTMLAttributes<EkycFlow>, EkycFlow>,
  keyof EkycFlowAttributes
> &
  EkycFlowAttributes &
  EkycFlowJsxListeners;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- the shape React's typings require
  namespace JSX {
    interface IntrinsicElements {
      'ekyc-flow': EkycFlowJsxProps;
    }
  }
}
