/**
 * `<ekyc-flow>` as a React component, for React 18 and 19:
 *
 * ```tsx
 * import { EkycFlowReact } from 'ekyc-flow/react';
 *
 * <EkycFlowReact apiBase="/ekyc" sessionId={sessionId} documentType="idr" lang="en"
 *   onEkycComplete={(event) => save(event.detail)} onEkycError={(event) => show(event.detail.code)} />
 * ```
 *
 * Props are the element's properties (camelCase) and an `onEkyc…` handler for each event, typed
 * with its `CustomEvent` detail; a `ref` is the element itself (`ref.current?.reset()`).
 * Importing this module defines the tag, like the package's main entry.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { DocumentType } from './api/types.js';
import { EkycFlow } from './index.js';
import type { EkycEventName } from './events.js';

/** `ekyc-complete` → `onEkycComplete`. */
export type EkycHandlerName<K extends EkycEventName> = K extends `ekyc-${infer Name}` ? `onEkyc${Capitalize<Name>}` : never;

/** The element's settable properties, as props; those with a fixed set of values say which. */
export type EkycFlowProperties = Partial<
  Pick<
    EkycFlow,
    | 'apiBase'
    | 'sessionId'
    | 'apiKey'
    | 'clientUuid'
    | 'lang'
    | 'autostart'
    | 'manualCapture'
    | 'allowUpload'
    | 'assetsBase'
    | 'requestTimeout'
    | 'strings'
  >
> & {
  documentType?: DocumentType;
  apiKind?: 'fpt-ai' | 'server';
  flow?: 'full' | 'ocr-only';
  livenessChallenge?: 'none' | 'turn-head';
};

/** A handler for each event: `onEkycStart`, `onEkycStep`, … `onEkycCancel`. */
export type EkycFlowHandlers = {
  [K in EkycEventName as EkycHandlerName<K>]?: (event: HTMLElementEventMap[K]) => void;
};

/** The props of `EkycFlowReact`: the element's properties, its handlers, and what any HTML element takes. */
export type EkycFlowReactProps = EkycFlowProperties &
  EkycFlowHandlers &
  Omit<React.HTMLAttributes<EkycFlow>, keyof EkycFlowProperties | keyof EkycFlowHandlers> &
  React.RefAttributes<EkycFlow>;

const event = <K extends EkycEventName>(name: K) => name as EventName<HTMLElementEventMap[K]>;

const events = {
  onEkycStart: event('ekyc-start'),
  onEkycStep: event('ekyc-step'),
  onEkycCapture: event('ekyc-capture'),
  onEkycOcr: event('ekyc-ocr'),
  onEkycFace: event('ekyc-face'),
  onEkycComplete: event('ekyc-complete'),
  onEkycError: event('ekyc-error'),
  onEkycCancel: event('ekyc-cancel'),
} satisfies { [K in EkycEventName as EkycHandlerName<K>]: EventName<HTMLElementEventMap[K]> };

/** `<ekyc-flow>` for React: camelCase properties as props, `onEkyc…` handlers, the element as `ref`. */
export const EkycFlowReact: React.ForwardRefExoticComponent<EkycFlowReactProps> = createComponent({
  react: React,
  tagName: 'ekyc-flow',
  elementClass: EkycFlow,
  events,
  displayName: 'EkycFlow',
});
