import { expect } from '@open-wc/testing';
import { useEmulator } from '../helpers/emulator.js';
import { click, mountFlow, part, shootAndConfirm, waitForStep } from '../helpers/flow.js';
import { waitUntil } from '../helpers/wait.js';
import { fakeDevices, LAPTOP, PHONE } from './fake-devices.js';

describe('<ekyc-flow> camera buttons', () => {
  let uninstall: (() => void) | null = null;
  afterEach(() => {
    uninstall?.();
    uninstall = null;
  });

  it('on a phone: a camera switcher and a torch button on the main rear lens; the torch is pressed and released', async () => {
    const devices = fakeDevices(PHONE);
    uninstall = devices.install();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), manualCapture: true });
    await click(element, 'start-button');
    await waitUntil(() => part(element, 'torch-button'), 'the torch button');
    const torch = part(element, 'torch-button') as HTMLButtonElement;
    expect(torch.getAttribute('aria-pressed')).to.equal('false');
    torch.click();
    await waitUntil(() => part(element, 'torch-button')?.getAttribute('aria-pressed') === 'true', 'torch on');
    expect(devices.applied).to.deep.equal([{ torch: true }]);

    await click(element, 'switch-camera-button');
    await waitUntil(() => devices.opened.at(-1)?.deviceId === 'rear-tele', 'the next camera');
    await waitUntil(() => part(element, 'torch-button') === null, 'no torch on the telephoto');
  });

  it('on a laptop: no switcher (the infrared camera is not offered) and no torch', async () => {
    const devices = fakeDevices(LAPTOP);
    uninstall = devices.install();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), manualCapture: true, documentType: 'passport' });
    await click(element, 'start-button');
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie', 20_000);
    await waitUntil(() => devices.opened.at(-1)?.deviceId === 'webcam' && part(element, 'capture-button'), 'the webcam');
    expect(part(element, 'switch-camera-button')).to.equal(null);
    expect(part(element, 'torch-button')).to.equal(null);
    expect(devices.opened.filter((opened) => opened.deviceId === 'ir').every((opened) => opened.track.readyState === 'ended')).to.equal(true);
  });
});
