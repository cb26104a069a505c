import { expect } from 'chai';
import { describe, it } from 'node:test';
import { chooseCamera, scoreCamera, type CameraCandidate } from '../../src/camera/choose-camera.js';

const camera = (deviceId: string, label: string, more: Partial<CameraCandidate> = {}): CameraCandidate => ({
  deviceId,
  label,
  facingModes: [],
  maxWidth: 1920,
  maxHeight: 1080,
  continuousFocus: false,
  ...more,
});

describe('choosing a camera', () => {
  it('takes the main rear lens over an ultra-wide and a telephoto listed before it', () => {
    const candidates = [
      camera('wide', 'camera2 2, facing back (ultra wide)', { facingModes: ['environment'], maxWidth: 4000, maxHeight: 3000 }),
      camera('tele', 'camera2 3, facing back (telephoto)', { facingModes: ['environment'], continuousFocus: true }),
      camera('main', 'camera2 0, facing back', { facingModes: ['environment'], maxWidth: 4000, maxHeight: 3000, continuousFocus: true }),
      camera('front', 'camera2 1, facing front', { facingModes: ['user'] }),
    ];
    expect(chooseCamera(candidates, 'environment')).to.equal('main');
    expect(chooseCamera(candidates, 'user')).to.equal('front');
  });

  it('prefers, between two rear cameras, the one that focuses continuously', () => {
    const candidates = [
      camera('fixed', 'Back Camera', { facingModes: ['environment'] }),
      camera('autofocus', 'Back Camera 2', { facingModes: ['environment'], continuousFocus: true }),
    ];
    expect(chooseCamera(candidates, 'environment')).to.equal('autofocus');
  });

  it('tells the facing from the label when the browser gives no capabilities', () => {
    const candidates = [camera('a', 'Front Camera'), camera('b', 'Back Camera')];
    expect(chooseCamera(candidates, 'environment')).to.equal('b');
    expect(chooseCamera(candidates, 'user')).to.equal('a');
  });

  it('never picks an infrared or depth camera, even the only one or the sharpest', () => {
    for (const label of ['Integrated IR Camera', 'Intel(R) RealSense(TM) Depth Camera', 'Windows Hello Face', 'Infrared Camera']) {
      expect(scoreCamera(camera('x', label, { maxWidth: 4000, maxHeight: 3000 }), 'user'), label).to.equal(null);
    }
    expect(chooseCamera([camera('ir', 'Integrated IR Camera')], 'user')).to.equal(null);
    expect(chooseCamera([camera('ir', 'Integrated IR Camera', { maxWidth: 4000 }), camera('rgb', 'Integrated Camera')], 'user')).to.equal('rgb');
  });

  it('takes a camera that faces the other way rather than none (a laptop has no rear camera)', () => {
    expect(chooseCamera([camera('webcam', 'Integrated Camera', { facingModes: ['user'] })], 'environment')).to.equal('webcam');
  });
});
