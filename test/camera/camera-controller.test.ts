import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CameraController } from '../../src/camera/camera-controller.js';
import { waitUntil } from '../helpers/wait.js';
import { fakeDevices, LAPTOP, PHONE, type FakeCamera, type FakeDevices } from './fake-devices.js';

/** The smallest host a controller needs: it records controllers and counts update requests. */
function fakeHost(): ReactiveControllerHost & { controllers: ReactiveController[]; updates: number } {
  const host = {
    controllers: [] as ReactiveController[],
    updates: 0,
    addController(controller: ReactiveController) {
      host.controllers.push(controller);
    },
    removeController() {},
    requestUpdate() {
      host.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
  return host;
}

const deviceOf = (camera: CameraController): string | undefined => camera.stream?.getVideoTracks()[0]?.getSettings().deviceId;

describe('CameraController', () => {
  let connected: CameraController | null = null;
  afterEach(() => {
    connected?.hostDisconnected();
    connected = null;
  });

  /** A controller on these cameras, connected to a host, as the element makes it. */
  const connect = (cameras: FakeCamera[]): { devices: FakeDevices; camera: CameraController } => {
    const devices = fakeDevices(cameras);
    const camera = new CameraController(fakeHost(), { mediaDevices: devices.mediaDevices });
    camera.hostConnected();
    connected = camera;
    return { devices, camera };
  };

  it('asks for the rear camera at 1920×1080, then moves from the lens the browser opened to the main one', async () => {
    const { devices, camera } = connect(PHONE);
    camera.want('environment');
    await waitUntil(() => deviceOf(camera) === 'rear-main', 'the main rear lens');
    expect(devices.requests[0]).to.deep.equal({ width: { ideal: 1920 }, height: { ideal: 1080 }, facingMode: { ideal: 'environment' } });
    expect(devices.requests[1]).to.deep.include({ deviceId: { exact: 'rear-main' } });
    expect(devices.opened.map((opened) => opened.deviceId)).to.deep.equal(['rear-wide', 'rear-main']);
    expect(devices.opened[0]?.track.readyState, 'the first lens released').to.equal('ended');
    expect(camera.status).to.equal('live');
  });

  it('asks for the front camera at 1280×720 for the selfie', async () => {
    const { devices, camera } = connect(PHONE);
    camera.want('user');
    await waitUntil(() => camera.status === 'live' && camera.devices.length > 0, 'the front camera');
    expect(devices.requests[0]).to.deep.equal({ width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: { ideal: 'user' } });
    expect(deviceOf(camera)).to.equal('front');
  });

  it('never keeps an infrared camera open, and does not offer it', async () => {
    const { devices, camera } = connect(LAPTOP);
    camera.want('user');
    await waitUntil(() => deviceOf(camera) === 'webcam', 'the colour camera');
    expect(camera.devices.map((device) => device.deviceId)).to.deep.equal(['webcam']);
    expect(devices.opened.find((opened) => opened.deviceId === 'ir')?.track.readyState).to.equal('ended');
  });

  it('lists the cameras to switch between and moves to the next one, remembering the choice', async () => {
    const { devices, camera } = connect(PHONE);
    camera.want('environment');
    await waitUntil(() => deviceOf(camera) === 'rear-main', 'the main rear lens');
    expect(camera.devices.map((device) => device.deviceId)).to.deep.equal(['rear-wide', 'rear-main', 'rear-tele', 'front']);
    camera.switchCamera();
    await waitUntil(() => deviceOf(camera) === 'rear-tele', 'the next camera');
    camera.release();
    expect(camera.stream).to.equal(null);
    camera.want('environment');
    await waitUntil(() => camera.status === 'live', 'reopened');
    expect(deviceOf(camera)).to.equal('rear-tele');
    expect(devices.requests.at(-1)).to.deep.include({ deviceId: { exact: 'rear-tele' } });
  });

  it('offers the torch only on a track that has one, and turns it on and off', async () => {
    const { devices, camera } = connect(PHONE);
    camera.want('user');
    await waitUntil(() => camera.status === 'live' && camera.devices.length > 0, 'the front camera');
    expect(camera.torchSupported, 'no torch on the front camera').to.equal(false);
    camera.want('environment');
    await waitUntil(() => deviceOf(camera) === 'rear-main', 'the main rear lens');
    expect(camera.torchSupported).to.equal(true);
    await camera.setTorch(true);
    expect(camera.torchOn).to.equal(true);
    await camera.setTorch(false);
    expect(camera.torchOn).to.equal(false);
    expect(devices.applied).to.deep.equal([{ torch: true }, { torch: false }]);
  });

  it('stops every track it opened when the host leaves the page', async () => {
    const { devices, camera } = connect(PHONE);
    camera.want('environment');
    await waitUntil(() => deviceOf(camera) === 'rear-main', 'the main rear lens');
    camera.hostDisconnected();
    expect(devices.opened.map((opened) => opened.track.readyState)).to.deep.equal(['ended', 'ended']);
    expect(camera.status).to.equal('idle');
  });
});
