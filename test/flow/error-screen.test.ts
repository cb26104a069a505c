import { expect } from '@open-wc/testing';
import type { EkycFlow } from '../../src/index.js';
import { useEmulator } from '../helpers/emulator.js';
import { eventsNamed, mountFlow, part, recordEvents, shootAndConfirm, waitForStep, type Recorded } from '../helpers/flow.js';
import { waitUntil } from '../helpers/wait.js';

/** A passport check with a host-made session that expires while the user is on the selfie step. */
async function sessionExpiredBeforeSelfie(): Promise<{ element: EkycFlow; events: Recorded[] }> {
  const { emulator, apiBase } = await useEmulator();
  const sessionId = emulator.createSession();
  const events = recordEvents();
  const element = await mountFlow({ apiBase, sessionId, documentType: 'passport' });
  part(element, 'start-button')?.click();
  await waitForStep(element, 'document-front');
  await shootAndConfirm(element);
  await waitForStep(element, 'selfie');
  emulator.expireSession(sessionId);
  await shootAndConfirm(element);
  await waitForStep(element, 'error');
  return { element, events };
}

const errorButtons = (element: EkycFlow): HTMLButtonElement[] => [
  ...(element.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="error"] button') ?? []),
];

describe('<ekyc-flow> error screen', function () {
  this.timeout(60_000);

  it('offers a way out of an expired host session, and says what happens next', async () => {
    const { element } = await sessionExpiredBeforeSelfie();
    const labels = errorButtons(element).map((button) => button.getAttribute('part'));
    expect(labels).to.include('cancel-button');
    expect(part(element, 'error')?.textContent).to.contain('continues as soon as this page has a new session');
  });

  it('lets no button of the expired-session screen do nothing', async () => {
    const { element: first } = await sessionExpiredBeforeSelfie();
    const count = errorButtons(first).length;
    expect(count).to.be.greaterThan(0);
    first.remove();
    for (let index = 0; index < count; index++) {
      const { element, events } = await sessionExpiredBeforeSelfie();
      const button = errorButtons(element)[index]!;
      const before = events.length;
      button.click();
      await waitUntil(
        () => element.step !== 'error' || events.length > before,
        `"${button.textContent.trim()}" (${button.getAttribute('part')}) to do something`,
        { timeout: 3000 },
      );
      element.remove();
    }
  });

  it('fires ekyc-cancel and returns to the intro from the cancel button', async () => {
    const { element, events } = await sessionExpiredBeforeSelfie();
    part(element, 'cancel-button')?.click();
    await waitForStep(element, 'intro');
    expect(eventsNamed(events, 'ekyc-cancel')).to.deep.equal([{ step: 'error' }]);
  });
});
