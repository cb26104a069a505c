import { html, nothing } from 'lit';
import { heading, type Translate } from './common.js';

export interface IntroView {
  t: Translate;
  /** The run will end with a selfie (or the settings are not valid yet, and it may). */
  needsSelfie: boolean;
  onStart: () => void;
}

export function renderIntro({ t, needsSelfie, onStart }: IntroView) {
  return html`<section part="intro" aria-labelledby="heading">
    ${heading(t, t('intro.title'))}
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
    </div>
  </section>`;
}
