import { expect } from '@open-wc/testing';
import { reachableBlobs } from '../helpers/element.js';
import { useEmulator } from '../helpers/emulator.js';
import { click, mountFlow, part, shootAndConfirm, waitForStep } from '../helpers/flow.js';
import { waitUntil } from '../helpers/wait.js';

describe('<ekyc-flow> photos after the check', function () {
  this.timeout(60_000);

  it('keeps no photo once ekyc-complete has fired, only fields and scores', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport' });
    await click(element, 'start-button');
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    await shootAndConfirm(element);
    await waitForStep(element, 'done');
    await element.updateComplete;
    expect(element.result?.face?.similarity).to.be.a('number');
    expect(reachableBlobs(element)).to.deep.equal([]);
  });

  it('keeps no photo after cancel, not even the one under review', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await click(element, 'start-button');
    await shootAndConfirm(element);
    await waitForStep(element, 'document-back');
    await click(element, 'capture-button');
    await waitUntil(() => part(element, 'confirm-button') !== null, 'the review');
    element.cancel();
    await waitForStep(element, 'intro');
    await element.updateComplete;
    expect(reachableBlobs(element)).to.deep.equal([]);
  });
});
