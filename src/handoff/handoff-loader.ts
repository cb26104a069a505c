import type { HandoffController, HandoffHost, HandoffOptions } from './handoff-controller.js';

/** "Continue on your phone": its script, loaded when first needed (a handoff link offered or a token to claim). */
export class HandoffLoader {
  /** Both ends of the handoff, once loaded. */
  controller: HandoffController | null = null;
  private loading: Promise<HandoffController> | null = null;
  private readonly host: HandoffHost;
  private readonly options: HandoffOptions;

  constructor(host: HandoffHost, options: HandoffOptions) {
    this.host = host;
    this.options = options;
  }

  load(): Promise<HandoffController> {
    this.loading ??= import('./handoff-controller.js').then(({ HandoffController }) => {
      this.controller = new HandoffController(this.host, this.options);
      return this.controller;
    });
    return this.loading;
  }
}
