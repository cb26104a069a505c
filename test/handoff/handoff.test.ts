// "Continue on your phone": a computer (this page) and a phone (a frame with a fake camera) through
// ekyc-flow/server, one instance or two on one Redis, and each way it can go wrong.
import { expect } from '@open-wc/testing';
import { failCamera } from '../helpers/devices.js';
import { waitUntil } from '../helpers/wait.js';
import type { EkycCompleteDetail, EkycFlow } from '../../src/index.js';
import {
  linkOf,
  mountComputer,
  newSession,
  openPhone,
  part,
  press,
  qrShows,
  record,
  shoot,
  stack,
  textOf,
  throughFlow,
  waitForStep,
  type Phone,
} from './pages.js';

const LONG = 180_000;

describe('continue on your phone', () => {
  const phones: Phone[] = [];
  const phone = async (url: string): Promise<Phone> => {
    const opened = await openPhone(url);
    phones.push(opened);
    return opened;
  };

  afterEach(() => {
    for (const each of phones.splice(0)) each.frame.remove();
  });

  async function handOff(computerApi: string, phoneApi = computerApi) {
    const sessionId = await newSession(computerApi);
    const computer = await mountComputer(computerApi, sessionId);
    const events = record(computer);
    await press(computer, 'handoff-button');
    const link = await linkOf(computer);
    // The phone's page is told which instance to call: with two, the phone's may not be the computer's.
    const phoneLink = link.replace(encodeURIComponent(computerApi), encodeURIComponent(phoneApi));
    return { sessionId, computer, events, link, phoneLink };
  }

  async function expectCompleted(computer: EkycFlow, events: { name: string; detail: unknown }[], sessionId: string): Promise<void> {
    await waitUntil(() => events.some((event) => event.name === 'ekyc-complete'), 'ekyc-complete on the computer', { timeout: 30_000 });
    const complete = events.find((event) => event.name === 'ekyc-complete')!.detail as EkycCompleteDetail;
    expect(complete.handoff).to.equal(true);
    expect(complete.sessionId).to.equal(sessionId);
    expect(complete.ocr.fields['Name']?.value).to.equal('NGUYỄN THỊ MINH ANH');
    expect(complete.face?.isMatch).to.equal(true);
    expect(JSON.stringify(complete)).not.to.match(/"image"/);
    expect(computer.result?.handoff).to.equal(true);
    expect(computer.step).to.equal('done');
    expect(part(computer, 'result')?.textContent).to.contain('NGUYỄN THỊ MINH ANH');
  }

  async function runsThrough(computerApi: string, phoneApi: string): Promise<void> {
    const { sessionId, computer, events, link, phoneLink } = await handOff(computerApi, phoneApi);
    expect(link).to.match(/^http.*phone\.html\?api=.*#[A-Za-z0-9_-]{43}$/);
    await waitUntil(() => qrShows(computer, link), 'the QR code of the link', { timeout: 20_000 });
    expect(part(computer, 'handoff-link')?.tagName).to.equal('A');
    expect(textOf(computer, 'handoff-time')).to.match(/expires in (9:5\d|10:00)/);
    expect(textOf(computer, 'handoff-status')).to.equal('Waiting for your phone…');
    await expect(computer).to.be.accessible();

    const { element } = await phone(phoneLink);
    await throughFlow(element);
    expect(textOf(element, 'handoff-status')).to.equal('Done: go back to your computer.');
    await expectCompleted(computer, events, sessionId);
    const steps = events.filter((event) => event.name === 'ekyc-step').map((event) => (event.detail as { step: string }).step);
    expect(steps).to.deep.equal(['document-front', 'document-back', 'processing', 'selfie', 'processing', 'done']);
  }

  it('runs on the phone and completes on the computer, through one server', async function () {
    this.timeout(LONG);
    const { single } = await stack();
    await runsThrough(single, single);
  });

  it('runs on the phone and completes on the computer, through two servers on one Redis', async function () {
    this.timeout(LONG);
    const { pair } = await stack();
    await runsThrough(pair[0], pair[1]);
  });

  it('refuses a link the server never gave, and the phone does not start', async function () {
    this.timeout(LONG);
    const { single } = await stack();
    const { phoneLink } = await handOff(single);
    const opened = await phone(phoneLink.replace(/#.*/, `#${'A'.repeat(43)}`));
    await waitUntil(() => textOf(opened.element, 'handoff-status').includes('expired'), 'the refusal on the phone');
    // The phone's page hears it too, once, in words it can show.
    await waitUntil(() => opened.errors().length > 0, 'ekyc-error on the phone');
    expect(opened.errors()).to.deep.equal([
      { code: 'handoff-expired', message: 'This link has expired. Ask your computer for a new code.', step: 'intro', recoverable: false, status: 404 },
    ]);
    expect(part(opened.element, 'start-button')).to.equal(null);
    expect(opened.element.step).to.equal('intro');
  });

  it('offers a new code when the last one expired unclaimed; the new one works', async function () {
    this.timeout(LONG);
    const { shortLived } = await stack();
    const { computer, link, events, sessionId } = await handOff(shortLived);
    await waitUntil(() => part(computer, 'handoff-renew-button'), 'the expired code', { timeout: 20_000 });
    expect(part(computer, 'handoff-qr')).to.equal(null);
    const stale = await phone(link);
    await waitUntil(() => textOf(stale.element, 'handoff-status').includes('expired'), 'the stale link refused');

    await press(computer, 'handoff-renew-button');
    await waitUntil(async () => part(computer, 'handoff-link') && (await linkOf(computer)) !== link, 'a new link');
    const { element } = await phone(await linkOf(computer));
    await waitForStep(element, 'document-front');
    await throughFlow(element);
    await expectCompleted(computer, events, sessionId);
  });

  it('goes back to the computer’s intro, and says so, when the phone cancels', async function () {
    this.timeout(LONG);
    const { single } = await stack();
    const { computer, events, link } = await handOff(single);
    const { element } = await phone(link);
    await waitForStep(element, 'document-front');
    await waitUntil(() => textOf(computer, 'handoff-status') === 'Phone connected', 'the phone connected');
    await press(element, 'cancel-button');
    await waitUntil(() => part(computer, 'intro'), 'the computer’s intro');
    expect(textOf(computer, 'notice')).to.equal('The check was cancelled on the phone.');
    expect(events.some((event) => event.name === 'ekyc-cancel')).to.equal(true);
    expect(textOf(element, 'handoff-status')).to.equal('Cancelled: go back to your computer.');
    // The computer can hand off again.
    await press(computer, 'handoff-button');
    expect(await linkOf(computer)).not.to.equal(link);
  });

  it('resumes when the phone loses its connection mid-flow and gets it back', async function () {
    this.timeout(LONG);
    const { single } = await stack();
    const { computer, events, sessionId, link } = await handOff(single);
    const opened = await phone(link);
    const { element } = opened;
    await waitForStep(element, 'document-front');
    await shoot(element);
    await waitForStep(element, 'document-back');
    opened.offline();
    await shoot(element);
    await waitUntil(() => element.step === 'error' && part(element, 'retry-button'), 'the connection problem on the phone', { timeout: 45_000 });
    opened.online();
    await press(element, 'retry-button');
    await waitForStep(element, 'selfie');
    await shoot(element);
    await waitForStep(element, 'done');
    await expectCompleted(computer, events, sessionId);
  });

  it('rejoins the phone’s handoff after the computer’s page reloads', async function () {
    this.timeout(LONG);
    const { pair } = await stack();
    const { computer, sessionId, link } = await handOff(pair[0]);
    const { element } = await phone(link);
    await waitForStep(element, 'document-front');
    await shoot(element);
    await waitForStep(element, 'document-back');
    computer.remove();

    // The reloaded page: the host gives the same session back, to another instance.
    const again = await mountComputer(pair[1], sessionId);
    const events = record(again);
    again.handoff();
    await waitUntil(() => textOf(again, 'handoff-status') === 'Front captured', 'the phone’s progress on the new page');
    expect(part(again, 'handoff-qr')).to.equal(null);
    await shoot(element);
    await waitForStep(element, 'selfie');
    await shoot(element);
    await waitForStep(element, 'done');
    await expectCompleted(again, events, sessionId);
  });

  for (const [name, words] of [['NotAllowedError', 'denied'], ['NotFoundError', 'No camera']] as const) {
    it(`offers the phone where this device's camera fails (${name})`, async function () {
      this.timeout(LONG);
      const { single } = await stack();
      const computer = await mountComputer(single, await newSession(single));
      const camera = failCamera(name);
      try {
        await press(computer, 'start-button');
        await waitUntil(() => computer.shadowRoot?.textContent.includes(words), 'the camera problem');
        await press(computer, 'handoff-button');
        const link = await linkOf(computer);
        await waitUntil(() => qrShows(computer, link), 'the QR code of the link');
        expect(computer.step).to.equal('intro');
      } finally {
        camera.restore();
      }
    });
  }

  it('refuses a second phone with the same link, and the first goes on', async function () {
    this.timeout(LONG);
    const { single } = await stack();
    const { computer, events, sessionId, link } = await handOff(single);
    const first = await phone(link);
    await waitForStep(first.element, 'document-front');
    const second = await phone(link);
    await waitUntil(() => textOf(second.element, 'handoff-status').includes('already opened on another device'), 'the refusal');
    await waitUntil(() => second.errors().length > 0, 'ekyc-error on the second phone');
    expect(second.errors().map(({ code, recoverable, status }) => ({ code, recoverable, status }))).to.deep.equal([
      { code: 'handoff-used', recoverable: false, status: 409 },
    ]);
    expect(first.errors()).to.deep.equal([]);
    expect(second.element.step).to.equal('intro');
    await throughFlow(first.element);
    await expectCompleted(computer, events, sessionId);
  });
});
