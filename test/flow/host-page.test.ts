import { expect, fixture, html } from '@open-wc/testing';
import type { EkycFlow } from '../../src/index.js';
import { useEmulator } from '../helpers/emulator.js';
import { click, part, shootAndConfirm, waitForStep } from '../helpers/flow.js';
import { waitUntil } from '../helpers/wait.js';
import '../../src/index.js';

const startText = (element: EkycFlow): string => part(element, 'start-button')?.textContent.trim() ?? '';

/** An element without a `lang` attribute, inside a `<div lang=…>`. */
async function inside(lang: string | null, apiBase = 'https://api.invalid'): Promise<{ box: HTMLElement; element: EkycFlow }> {
  const box = await fixture<HTMLElement>(html`<div lang=${lang ?? 'vi'}><ekyc-flow api-base=${apiBase} session-id="s" assets-base="/public/ekyc-assets/"></ekyc-flow></div>`);
  if (lang === null) box.removeAttribute('lang');
  const element = box.querySelector('ekyc-flow')!;
  await element.updateComplete;
  return { box, element };
}

describe('<ekyc-flow> in its page', function () {
  this.timeout(30_000);

  describe('language', () => {
    it('speaks the nearest ancestor\'s language when it has no lang of its own, and follows it live', async () => {
      const { box, element } = await inside('en-GB');
      expect(startText(element)).to.equal('Start');
      box.setAttribute('lang', 'vi');
      await waitUntil(() => startText(element) === 'Bắt đầu', 'Vietnamese after the page switched');
    });

    it('follows <html lang> through the page, and Vietnamese for a language it does not speak', async () => {
      const html = document.documentElement;
      const before = html.getAttribute('lang');
      try {
        html.setAttribute('lang', 'en');
        const { element } = await inside(null);
        expect(startText(element)).to.equal('Start');
        html.setAttribute('lang', 'fr');
        await waitUntil(() => startText(element) === 'Bắt đầu', 'Vietnamese for French');
      } finally {
        if (before === null) html.removeAttribute('lang');
        else html.setAttribute('lang', before);
      }
    });

    it('follows the host of a shadow root it is placed in', async () => {
      const host = await fixture<HTMLElement>(html`<section lang="en"></section>`);
      const root = host.attachShadow({ mode: 'open' });
      const element = document.createElement('ekyc-flow');
      element.assetsBase = '/public/ekyc-assets/';
      root.append(element);
      await element.updateComplete;
      expect(startText(element)).to.equal('Start');
    });

    it('keeps its own lang over the page\'s, and asks the API in the language it speaks', async () => {
      const { emulator, apiBase } = await useEmulator();
      const { box, element } = await inside('en', apiBase);
      element.sessionId = emulator.createSession();
      await click(element, 'start-button');
      await shootAndConfirm(element);
      await shootAndConfirm(element);
      await waitForStep(element, 'selfie');
      expect(emulator.requests[0]?.headers['lang']).to.equal('en');
      element.lang = 'vi';
      await element.updateComplete;
      box.setAttribute('lang', 'en');
      await element.updateComplete;
      expect(part(element, 'heading')?.textContent.trim()).to.equal('Chụp ảnh chân dung');
    });
  });

  describe('custom states', () => {
    /** Every update the step asked for is done: `updateComplete` answers `false` while another one follows. */
    const settled = async (element: EkycFlow): Promise<void> => {
      while (!(await element.updateComplete)) {
        // another update was scheduled by the one that ended
      }
    };

    const supported = typeof CSS !== 'undefined' && CSS.supports('selector(:state(selfie))');

    it('shows its step as a custom state a page stylesheet can use, where the browser has custom states', async () => {
      const { emulator, apiBase } = await useEmulator();
      const style = document.createElement('style');
      style.textContent = 'ekyc-flow:state(selfie) { outline: 3px solid rgb(255, 0, 0); }';
      document.head.append(style);
      try {
        const element = await fixture<EkycFlow>(
          html`<ekyc-flow api-base=${apiBase} session-id=${emulator.createSession()} document-type="passport" lang="en" assets-base="/public/ekyc-assets/"></ekyc-flow>`,
        );
        await click(element, 'start-button');
        await waitForStep(element, 'document-front');
        await settled(element);
        if (supported) {
          expect(element.matches(':state(document-front)')).to.equal(true);
          expect(getComputedStyle(element).outlineStyle).to.equal('none');
        }
        await click(element, 'capture-button');
        await waitUntil(() => part(element, 'confirm-button') !== null, 'the review');
        if (supported) expect(element.matches(':state(review)') && element.matches(':state(document-front)')).to.equal(true);
        part(element, 'confirm-button')?.click();
        await waitForStep(element, 'selfie');
        await settled(element);
        if (supported) {
          expect(element.matches(':state(review)')).to.equal(false);
          expect(getComputedStyle(element).outlineColor).to.equal('rgb(255, 0, 0)');
        } else {
          expect(element.step).to.equal('selfie');
        }
      } finally {
        style.remove();
      }
    });
  });

  it('fires ekyc-step once the new screen is on the page', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await fixture<EkycFlow>(html`<ekyc-flow api-base=${apiBase} session-id=${emulator.createSession()} lang="en" assets-base="/public/ekyc-assets/"></ekyc-flow>`);
    const headings: string[] = [];
    element.addEventListener('ekyc-step', () => headings.push(part(element, 'heading')?.textContent.trim() ?? ''));
    await click(element, 'start-button');
    await waitForStep(element, 'document-front');
    await shootAndConfirm(element);
    await waitForStep(element, 'document-back');
    expect(headings).to.deep.equal(['Front of your identity card', 'Back of your identity card']);
  });
});
