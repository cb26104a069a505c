import { LitElement, html, css } from 'lit';
import type { DocumentType } from './api/types.js';

/**
 * Runs a complete identity check: document front, back, selfie.
 *
 * @summary An eKYC capture flow for the FPT.AI API.
 * @attr api-base - Base URL of the API or of your proxy.
 * @attr session-id - A session your server created.
 * @attr api-key - Development only: the element creates its own session.
 * @attr document-type - `idr`, `passport` or `dlr`.
 * @attr lang - `vi` or `en`.
 */
export class EkycFlow extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  static override properties = {
    apiBase: { attribute: 'api-base' },
    sessionId: { attribute: 'session-id' },
    apiKey: { attribute: 'api-key' },
    documentType: { attribute: 'document-type' },
    lang: { reflect: true },
  };

  declare apiBase: string | undefined;
  declare sessionId: string | undefined;
  declare apiKey: string | undefined;
  declare documentType: DocumentType;
  declare lang: string;

  constructor() {
    super();
    this.documentType = 'idr';
    this.lang = 'vi';
  }

  override render() {
    return html`<section part="intro"><h2>eKYC</h2></section>`;
  }
}
