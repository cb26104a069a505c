import { expect } from 'chai';
import { describe, it } from 'node:test';
import { IntegrityCollector } from '../../src/integrity/collector.js';
import { frameHash } from '../../src/integrity/frame-hash.js';
import { isNative, patchedMediaApiSignal, toStringOf, webdriverSignal } from '../../src/integrity/native-functions.js';
import { implausibleCameraSignal, syntheticTrackSignal, type TrackLike } from '../../src/integrity/track-signals.js';
import { virtualCameraSignal } from '../../src/integrity/virtual-camera.js';

/** A camera's track as a laptop's webcam gives it. */
function cameraTrack(changes: Partial<MediaTrackSettings> = {}, label = 'FaceTime HD Camera (Built-in)'): TrackLike {
  return {
    kind: 'video',
    label,
    getSettings: () => ({ deviceId: 'cam-1', width: 1280, height: 720, frameRate: 30, ...changes }),
    getCapabilities: () => ({ width: { min: 1, max: 1920 }, height: { min: 1, max: 1080 }, frameRate: { min: 1, max: 30 } }),
  };
}

describe('virtual-camera', () => {
  for (const label of [
    'OBS Virtual Camera',
    'ManyCam Virtual Webcam',
    'Snap Camera',
    'XSplit VCam',
    'DroidCam Source 3',
    'Android Emulated Camera',
    'goldfish webcam',
    'fake_device_0',
    'Camo',
  ]) {
    it(`flags "${label}"`, () => {
      expect(virtualCameraSignal(label).flagged).to.equal(true);
    });
  }
  for (const label of ['FaceTime HD Camera', 'Integrated Webcam', 'camera2 0, facing back', 'HD Pro Webcam C920 (046d:082d)', 'Logitech BRIO', 'Jobs Webcam']) {
    it(`keeps "${label}" quiet`, () => {
      expect(virtualCameraSignal(label).flagged).to.equal(false);
    });
  }
});

describe('synthetic-track', () => {
  it('flags a canvas capture track, by its class', () => {
    class CanvasCaptureMediaStreamTrack {
      readonly kind = 'video';
      readonly label = 'a label';
      getSettings = () => ({ deviceId: 'x' });
    }
    expect(syntheticTrackSignal(new CanvasCaptureMediaStreamTrack())).to.include({ flagged: true, value: 'canvas no-capabilities' });
  });

  it('flags a track of a canvas’s stream (Firefox marks the stream)', () => {
    class CanvasCaptureMediaStream {
      readonly active = true;
    }
    expect(syntheticTrackSignal(cameraTrack(), new CanvasCaptureMediaStream())).to.include({ flagged: true, value: 'canvas' });
  });

  it('flags a track with a canvas, no device id or no label', () => {
    expect(syntheticTrackSignal({ ...cameraTrack(), canvas: {} } as TrackLike).value).to.equal('canvas');
    expect(syntheticTrackSignal(cameraTrack({ deviceId: '' })).value).to.equal('no-device-id');
    expect(syntheticTrackSignal(cameraTrack({}, '')).value).to.equal('no-label');
  });

  it('keeps a camera’s track quiet', () => {
    expect(syntheticTrackSignal(cameraTrack())).to.include({ flagged: false, value: '' });
  });
});

describe('implausible-camera', () => {
  it('flags a frame rate no sensor has, and settings beyond the capabilities', () => {
    expect(implausibleCameraSignal(cameraTrack({ frameRate: 1000 })).flagged).to.equal(true);
    expect(implausibleCameraSignal(cameraTrack({ width: 3840, height: 2160 })).value).to.equal('width above its capability; height above its capability');
    expect(implausibleCameraSignal(cameraTrack({ width: 0 })).flagged).to.equal(true);
  });

  it('keeps a camera’s settings quiet', () => {
    expect(implausibleCameraSignal(cameraTrack())).to.include({ flagged: false, value: '' });
  });
});

describe('patched-media-api', () => {
  const prototypes = (mediaDevices: object, fn: object = Function.prototype) => ({ mediaDevices: undefined, prototypes: { mediaDevices, track: {}, fn } });
  const toString = toStringOf(Function.prototype);

  it('tells a native function from a script’s, a proxy or a bound copy of a native one', () => {
    expect(isNative(Math.max, 'max', toString)).to.equal(true);
    expect(isNative(function max() {}, 'max', toString)).to.equal(false);
    expect(isNative(new Proxy(Math.max, {}), 'max', toString)).to.equal(false);
    expect(isNative(Math.max.bind(null), 'max', toString)).to.equal(false);
  });

  it('flags a getUserMedia replaced on the prototype or shadowed on the instance', () => {
    const replaced = { getUserMedia: () => Promise.resolve({}) };
    expect(patchedMediaApiSignal(prototypes(replaced), toString)).to.include({ flagged: true, value: 'getUserMedia' });
    const shadowed = { mediaDevices: { enumerateDevices: () => Promise.resolve([]) }, prototypes: { fn: Function.prototype } };
    expect(patchedMediaApiSignal(shadowed, toString).value).to.equal('mediaDevices.enumerateDevices');
  });

  it('is not fooled by a toString replaced to vouch for everything', () => {
    const lying = Object.create(Function.prototype) as object;
    Object.defineProperty(lying, 'toString', {
      value: function toString(this: { name: string }) {
        return `function ${this.name}() { [native code] }`;
      },
    });
    const fake = { getUserMedia: function getUserMedia() {} };
    // The page's own (replaced) toString says all is native; the other realm's does not.
    const pageToString = toStringOf(lying);
    expect(patchedMediaApiSignal(prototypes(fake), pageToString).flagged).to.equal(false);
    expect(patchedMediaApiSignal(prototypes(fake, lying), toString).value).to.equal('getUserMedia toString');
  });

  it('keeps native functions quiet', () => {
    expect(patchedMediaApiSignal(prototypes({}), toString)).to.include({ flagged: false, value: '' });
  });
});

describe('webdriver', () => {
  it('flags automation and keeps a person’s browser quiet', () => {
    expect(webdriverSignal(true).flagged).to.equal(true);
    expect(webdriverSignal(false).flagged).to.equal(false);
    expect(webdriverSignal(undefined).flagged).to.equal(false);
  });
});

describe('the run’s collector', () => {
  const signal = (collector: IntegrityCollector, track: TrackLike, name: string) =>
    collector.report({ facing: 'environment', track }).signals.find((item) => item.name === name);

  it('flags another camera for the back than for the front, and keeps the same camera quiet', () => {
    const collector = new IntegrityCollector();
    expect(signal(collector, cameraTrack(), 'camera-switched')).to.include({ value: 'first', flagged: false });
    expect(signal(collector, cameraTrack(), 'camera-switched')).to.include({ value: 'same', flagged: false });
    expect(signal(collector, cameraTrack({ deviceId: 'cam-2' }), 'camera-switched')).to.include({ value: 'switched', flagged: true });
    collector.reset();
    expect(signal(collector, cameraTrack({ deviceId: 'cam-3' }), 'camera-switched')).to.include({ value: 'first', flagged: false });
  });

  it('flags a frame rate that changed since the step began, and keeps a steady one quiet', () => {
    const collector = new IntegrityCollector();
    collector.watch('document-front s1', cameraTrack());
    expect(signal(collector, cameraTrack(), 'frame-rate-changed')?.flagged).to.equal(false);
    expect(signal(collector, cameraTrack({ frameRate: 60 }), 'frame-rate-changed')?.flagged).to.equal(true);
  });

  it('reports the page’s signals alone for an uploaded photo', () => {
    const names = new IntegrityCollector().report(null).signals.map((item) => item.name);
    expect(names).to.deep.equal(['patched-media-api', 'webdriver']);
  });
});

describe('frameHash', () => {
  it('changes with a single level of a single pixel, and only then', () => {
    const image = (level: number) => {
      const data = new Uint8ClampedArray(64 * 48 * 4).fill(120);
      data[4 * 700 + 1] = level;
      return { data, width: 64, height: 48, colorSpace: 'srgb' } as ImageData;
    };
    expect(frameHash(image(120))).to.equal(frameHash(image(120)));
    expect(frameHash(image(121))).to.not.equal(frameHash(image(120)));
  });
});
