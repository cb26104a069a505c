import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { EkycFlow } from '../../src/index.js';
import { useEmulator } from '../helpers/emulator.js';
import { click, mountFlow, part, shootAndConfirm, waitForStep } from '../helpers/flow.js';

/** axe-core on the element, shadow DOM included. */
async function expectAccessible(element: EkycFlow): Promise<void> {
  await expect(element).to.be.accessible();
}

const focusedPart = (element: EkycFlow): string | null =>
  element.shadowRoot?.activeElement?.getAttribute('part') ?? null;

/** A new screen's heading takes focus in the task after the screen is drawn. */
const headingFocused = (element: EkycFlow): Promise<void> =>
  waitUntil(() => focusedPart(element) === 'heading', 'the heading focused', { timeout: 2000 });

describe('<ekyc-flow> accessibility', function () {
  this.timeout(60_000);

  for (const lang of ['vi', 'en']) {
    it(`has no axe violations on any step, in ${lang}`, async () => {
      const { emulator, apiBase } = await useEmulator();
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), lang, allowUpload: true });
      await expectAccessible(element);
      await click(element, 'start-button');
      await waitUntil(
        () => part(element, 'capture-button') && !(part(element, 'capture-button') as HTMLButtonElement).disabled,
        'the camera ready',
        { timeout: 20_000 },
      );
      await expectAccessible(element);
      await click(element, 'capture-button');
      await waitUntil(() => part(element, 'confirm-button'), 'review', { timeout: 20_000 });
      await expectAccessible(element);
      await click(element, 'confirm-button');
      await waitForStep(element, 'document-back');
      emulator.latencyMs = 1500;
      try {
        await shootAndConfirm(element);
        await waitForStep(element, 'processing');
        await expectAccessible(element);
      } finally {
        emulator.latencyMs = 0;
      }
      await waitForStep(element, 'selfie');
      await shootAndConfirm(element);
      await waitForStep(element, 'done');
      await expectAccessible(element);
    });
  }

  it('has no axe violations on the error step', async () => {
    const element = await mountFlow({ apiBase: '' });
    element.start();
    await waitForStep(element, 'error');
    await expectAccessible(element);
  });

  it('can be completed with the keyboard alone, focus moving to each new heading', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport', manualCapture: true });
    const press = async (key: string): Promise<void> => {
      await sendKeys({ press: key });
    };
    const tabTo = async (name: string): Promise<void> => {
      for (let i = 0; i < 12 && focusedPart(element) !== name; i++) await press('Tab');
      expect(focusedPart(element)).to.equal(name);
    };
    const waitEnabled = (name: string) =>
      waitUntil(() => {
        const button = part(element, name);
        return button instanceof HTMLButtonElement && !button.disabled;
      }, `${name} enabled`, { timeout: 20_000 });
    await tabTo('start-button');
    await press('Enter');
    await waitForStep(element, 'document-front');
    await headingFocused(element);
    await waitEnabled('capture-button');
    await tabTo('capture-button');
    await press('Enter');
    await waitUntil(() => part(element, 'confirm-button'), 'review', { timeout: 20_000 });
    await headingFocused(element);
    await tabTo('confirm-button');
    // The space bar, by the name every driver knows it by (WebDriver BiDi has no "Space").
    await press(' ');
    await waitForStep(element, 'selfie');
    await waitEnabled('capture-button');
    await tabTo('capture-button');
    await press('Enter');
    await waitUntil(() => part(element, 'confirm-button'), 'review', { timeout: 20_000 });
    await tabTo('confirm-button');
    await press('Enter');
    await waitForStep(element, 'done');
    await headingFocused(element);
  });

  it('announces guidance in a polite live region', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    const region = element.shadowRoot?.querySelector('[role="status"]');
    expect(region?.getAttribute('aria-live')).to.equal('polite');
    emulator.latencyMs = 1000;
    try {
      await click(element, 'start-button');
      await shootAndConfirm(element);
      await shootAndConfirm(element);
      await waitForStep(element, 'processing');
      expect(region?.textContent.trim()).to.equal('Reading your document…');
    } finally {
      emulator.latencyMs = 0;
    }
  });

  it('gives every button a target of at least 44 by 44 pixels', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), allowUpload: true });
    await click(element, 'start-button');
    // The capture step's own buttons, once its screen has loaded (the upload button comes with it).
    await waitUntil(() => part(element, 'upload-button'), 'capture step', { timeout: 20_000 });
    const buttons = [...(element.shadowRoot?.querySelectorAll('button') ?? [])];
    expect(buttons.length).to.be.greaterThan(2);
    for (const button of buttons) {
      const box = button.getBoundingClientRect();
      expect(box.width, button.getAttribute('part') ?? '').to.be.at.least(44);
      expect(box.height, button.getAttribute('part') ?? '').to.be.at.least(44);
    }
  });
});
