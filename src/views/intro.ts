import { html, nothing } from 'lit';
import { heading, type Translate } from './common.js';

export interface IntroView {
  t: Translate;
  /** The run will end with a selfie (or the settings are not valid yet, and it may). */
  needsSelfie: boolean;
  onStart: () => void;
  /** With `handoff-url`: "Continue on my phone". */
  onHandoff?: (() => void) | undefined;
  /** Why the element is back here (the phone cancelled). */
  notice?: string | null | undefined;
}

export function renderIntro({ t, needsSelfie, onStart, onHandoff, notice }: IntroView) {
  return html`<section part="intro" aria-labelledby="heading">
    ${heading(t, t('intro.title'))}
    ${notice ? html`<p part="notice" class="error-message" role="alert">${notice}</p>` : nothing}
    <slot name="intro">
      <p>${t('intro.body')}</p>
      <ul class="needs">
        <li>${t('intro.need.document')}</li>
        <li>${t('intro.need.light')}</li>
        ${needsSelfie ? html`<li>${t('intro.need.face')}</li>` : nothing}
      </ul>
      <p class="muted">${t('intro.privacy')}</p>
    </slot>
    <div class="actions">
      <button part="start-button" class="primary" type="button" @click=${onStart}>${t('intro.start')}</button>
      ${onHandoff ? html`<button part="handoff-button" type="button" @click=${onHandoff}>${t('handoff.start')}</button>` : nothing}
    </div>
  </section>`;
}
