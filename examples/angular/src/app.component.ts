import { CUSTOM_ELEMENTS_SCHEMA, Component, DestroyRef, inject, signal } from '@angular/core';
import 'ekyc-flow'; // defines <ekyc-flow>
import type { EkycCompleteDetail, EkycErrorDetail } from 'ekyc-flow';

/** Set in angular.json (`define`), or with `ng build --define "EKYC_SERVER='https://…'"`. */
declare const EKYC_SERVER: string;

/** Your server, which keeps the FPT.AI key: `POST /session` gives a session id, and it forwards `/ocr` and `/face/liveness`. */
const SERVER = EKYC_SERVER;

@Component({
  selector: 'app-root',
  // <ekyc-flow> is a custom element: Angular renders it as is and binds its properties and events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Identity check</h1>
      <ekyc-flow
        [apiBase]="server"
        api-kind="server"
        [sessionId]="sessionId()"
        document-type="idr"
        lang="en"
        assets-base="/ekyc-assets/"
        (ekyc-complete)="onComplete($event)"
        (ekyc-error)="onError($event)"
      ></ekyc-flow>
      <p id="status" role="status">{{ status() }}</p>
      @if (problem(); as text) {
        <p id="session-problem">{{ text }}</p>
      }
    </main>
  `,
})
export class AppComponent {
  protected readonly server = SERVER;
  protected readonly sessionId = signal<string | undefined>(undefined);
  protected readonly problem = signal<string | null>(null);
  protected readonly status = signal('ready');
  private abort: AbortController | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.abort?.abort());
    this.renewSession();
  }

  protected onComplete(event: CustomEvent<EkycCompleteDetail>): void {
    this.status.set(`complete: ${event.detail.ocr.fields['Name']?.value ?? 'no name read'}`);
  }

  protected onError(event: CustomEvent<EkycErrorDetail>): void {
    this.status.set(`error: ${event.detail.code}`);
    if (event.detail.code === 'session-expired') this.renewSession();
  }

  /** Asks your server for a session: on start, and again when one expires. */
  private renewSession(): void {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    fetch(`${SERVER}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', signal: abort.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${SERVER}/session answered ${response.status}`);
        const { sessionId } = (await response.json()) as { sessionId: string };
        this.sessionId.set(sessionId);
        this.problem.set(null);
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) this.problem.set(`No session from ${SERVER}: ${String(error)}`);
      });
  }
}
