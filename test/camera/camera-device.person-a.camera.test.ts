import { expect } from '@open-wc/testing';

/**
 * What a page sees of the test camera, in every engine: Chromium's own fake device playing the
 * picture, or the picture camera standing in for it elsewhere. Both must behave as a webcam does.
 */
describe('the camera of a *.person-a.camera.test.ts file, as a device', () => {
  const opened: MediaStream[] = [];
  const open = async (video: MediaTrackConstraints | boolean = true): Promise<MediaStreamTrack> => {
    const stream = await navigator.mediaDevices.getUserMedia({ video, audio: false });
    opened.push(stream);
    return stream.getVideoTracks()[0]!;
  };
  afterEach(() => {
    opened.splice(0).forEach((stream) => stream.getTracks().forEach((track) => track.stop()));
  });

  const failure = async (video: MediaTrackConstraints): Promise<string> => {
    try {
      await open(video);
      return 'opened';
    } catch (error) {
      return (error as Error).name;
    }
  };

  it('is listed, with a label once granted, under the id its track reports', async () => {
    const track = await open();
    const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === 'videoinput');
    expect(cameras.map((camera) => camera.deviceId)).to.include(track.getSettings().deviceId);
    expect(cameras.every((camera) => camera.label !== '')).to.equal(true);
    expect(track.label).to.not.equal('');
  });

  it('reports the size of the frames it sends, whatever size was asked for', async () => {
    const track = await open({ width: { ideal: 1920 }, height: { ideal: 1080 } });
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = new MediaStream([track]);
    await video.play();
    const { width, height } = track.getSettings();
    expect([width, height]).to.deep.equal([video.videoWidth, video.videoHeight]);
    expect(track.getCapabilities().width?.max).to.be.at.least(width!);
  });

  it('opens by its own id, and refuses another id or an exact facing it does not have', async () => {
    const first = await open();
    const deviceId = first.getSettings().deviceId!;
    const again = await open({ deviceId: { exact: deviceId } });
    expect(again.getSettings().deviceId).to.equal(deviceId);
    expect(await failure({ deviceId: { exact: 'no-such-camera' } })).to.equal('OverconstrainedError');
    expect(await failure({ facingMode: { exact: 'environment' } })).to.equal('OverconstrainedError');
  });

  it('treats a facing mode that is only preferred as a preference', async () => {
    const track = await open({ facingMode: { ideal: 'environment' } });
    expect(track.readyState).to.equal('live');
  });

  it('ends a stopped track without an ended event, leaving other tracks of the camera live', async () => {
    const first = await open();
    const second = await open();
    let ended = false;
    first.addEventListener('ended', () => {
      ended = true;
    });
    first.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(first.readyState).to.equal('ended');
    expect(ended).to.equal(false);
    expect(second.readyState).to.equal('live');
  });
});
