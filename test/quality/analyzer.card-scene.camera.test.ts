import { expect } from '@open-wc/testing';
import { createDocumentAnalyzer } from '../../src/quality/analyzer.js';
import { encodeDocumentCapture } from '../../src/capture/document-photo.js';
import { CARD_ASPECT } from './fixtures/cards.js';
import { sceneGuide } from './fixtures/scene.js';

/** The camera shows test/fixtures/camera/card-scene.jpg: an ID card filling the guide on a wooden desk. */
describe('the document analyzer on a camera stream', () => {
  let stream: MediaStream;
  let video: HTMLVideoElement;

  beforeEach(async () => {
    stream = await navigator.mediaDevices.getUserMedia({ video: true });
    video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    await video.play();
  });

  afterEach(() => {
    stream.getTracks().forEach((track) => {
      track.stop();
    });
  });

  it('accepts a frame of a clean card straight from the video element', async () => {
    const guide = sceneGuide(video.videoWidth, video.videoHeight, CARD_ASPECT['idr-front']);
    const analyzer = createDocumentAnalyzer();
    const result = await analyzer.analyze(video, guide);
    analyzer.dispose();
    expect(result.verdict).to.deep.equal({ ok: true, hint: 'ready' });
  });

  it('crops the card out of the video frame into a JPEG', async () => {
    const guide = sceneGuide(video.videoWidth, video.videoHeight, CARD_ASPECT['idr-front']);
    const analyzer = createDocumentAnalyzer();
    const result = await analyzer.analyze(video, guide);
    analyzer.dispose();
    const capture = await encodeDocumentCapture(video, result);
    expect(capture.width).to.be.within(guide.width, guide.width * 1.2);
    expect(capture.blob.size).to.be.below(500_000);
  });
});
