import { html, type TemplateResult } from 'lit';
import type { HandoffController, HandoffHost, HandoffOptions } from '../handoff/handoff-controller.js';
import { addStrings } from '../i18n/localize.js';
import type { Translate } from '../views/common.js';

/** The handoff's driving and its screens: loaded when first needed (a handoff link offered or a token to claim). */
const loadHandoffChunk = () => import('./handoff-chunk.js');

type RenderHandoff = Awaited<ReturnType<typeof loadHandoffChunk>>['renderHandoff'];

/** "Continue on your phone": its script, loaded when first needed, and its screens once loaded. */
export class HandoffLoader {
  /** Both ends of the handoff, once loaded. */
  controller: HandoffController | null = null;
  private renderHandoff: RenderHandoff | null = null;
  private loading: Promise<HandoffController> | null = null;
  private readonly host: HandoffHost;
  private readonly options: HandoffOptions;

  constructor(host: HandoffHost, options: HandoffOptions) {
    this.host = host;
    this.options = options;
  }

  load(): Promise<HandoffController> {
    this.loading ??= loadHandoffChunk().then(({ HandoffController, handoffStrings, renderHandoff }) => {
      addStrings(handoffStrings);
      this.renderHandoff = renderHandoff;
      this.controller = new HandoffController(this.host, this.options);
      return this.controller;
    });
    return this.loading;
  }

  /**
   * The handoff's screen; `null` where the element shows its own. A phone (`phone`: it has a token to claim) waits
   * for the handoff's script meanwhile: no intro to start from.
   */
  render(t: Translate, phone: boolean): TemplateResult | null {
    const { controller, renderHandoff } = this;
    if (!controller || !renderHandoff) return phone ? html`<section part="handoff" aria-busy="true"></section>` : null;
    const screen = controller.screen();
    return screen && renderHandoff(t, screen, controller.actions);
  }
}
