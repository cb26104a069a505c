import { html, type CSSResult, type TemplateResult } from 'lit';
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
  /** The handoff screens' styles, arrived with their script: the host adds them to its own. */
  styles: CSSResult | null = null;
  private renderHandoff: RenderHandoff | null = null;
  private loading: Promise<HandoffController> | null = null;
  /** The phone's token, claimed once the script is here; kept to try again when the script could not load. */
  private token: string | null = null;
  private failed = false;
  private readonly host: HandoffHost;
  private readonly options: HandoffOptions;

  constructor(host: HandoffHost, options: HandoffOptions) {
    this.host = host;
    this.options = options;
  }

  load(): Promise<HandoffController> {
    this.loading ??= loadHandoffChunk().then(({ HandoffController, handoffStrings, handoffStyles, renderHandoff }) => {
      addStrings(handoffStrings);
      this.styles = handoffStyles;
      this.renderHandoff = renderHandoff;
      this.controller = new HandoffController(this.host, this.options);
      return this.controller;
    });
    // A script that could not load is fetched again next time.
    this.loading.catch(() => (this.loading = null));
    return this.loading;
  }

  /** On the phone: claims `token` once the script is here; when it cannot load, the phone offers to try again. */
  claim(token: string): void {
    this.token = token;
    this.failed = false;
    this.host.requestUpdate();
    this.load().then(
      (controller) => controller.claim(token),
      () => {
        this.failed = true;
        this.host.requestUpdate();
      },
    );
  }

  /**
   * The handoff's screen; `null` where the element shows its own. A phone (`phone`: it has a token to claim) waits
   * for the handoff's script meanwhile: no intro to start from.
   */
  render(t: Translate, phone: boolean): TemplateResult | null {
    const { controller, renderHandoff, token } = this;
    if (!controller || !renderHandoff) {
      if (!phone) return null;
      const { failed } = this;
      return html`<section part="handoff" aria-busy=${!failed}>
        <p part="handoff-status" role="status">${t(failed ? 'error.network' : 'step.processing.init')}</p>
        ${failed && token ? html`<button part="retry-button" class="primary" @click=${() => this.claim(token)}>${t('action.retry')}</button>` : null}
      </section>`;
    }
    const screen = controller.screen();
    return screen && renderHandoff(t, screen, controller.actions);
  }
}
