import { expect } from '@open-wc/testing';

describe('the fake camera of a *.person-a.camera.test.ts file', () => {
  it('delivers the frames of test/fixtures/camera/person-a.jpg', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    await video.play();
    expect([video.videoWidth, video.videoHeight]).to.deep.equal([480, 616]);
    const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
    const context = canvas.getContext('2d')!;
    context.drawImage(video, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let min = 255;
    let max = 0;
    for (let i = 0; i < data.length; i += 4) {
      min = Math.min(min, data[i]!);
      max = Math.max(max, data[i]!);
    }
    expect(max - min).to.be.greaterThan(100);
    stream.getTracks().forEach((track) => track.stop());
  });
});
