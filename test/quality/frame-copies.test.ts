import { expect } from '@open-wc/testing';
import { analyzeDocumentFrame } from '../../src/quality/analyze.js';
import { judgeDocumentFrame } from '../../src/quality/judge.js';
import { documentLayout } from '../../src/quality/layout.js';
import { copyRgbRegion } from '../../src/quality/rgb-region.js';
import { copyYuvRegion } from '../../src/quality/yuv-region.js';
import { guideOf } from './fixtures/frames.js';
import { renderScene } from './fixtures/scene.js';
import { VARIANTS } from './fixtures/variants.js';
import { cameraFrame, packedFrame } from '../helpers/camera-frame.js';

// The arithmetic of both copies over every fixture: the same in every engine, so it runs once (how each
// engine hands over and copies frames is checked in yuv-region.test.ts and rgb-region.test.ts).
describe('the fixtures copied from their 4:2:0 and packed-RGB frames', () => {
  // Against the packed-RGB path, not a canvas: how a canvas downscales differs from engine to engine.
  it('judges every fixture as the BGRA frame of the same picture is judged, with the expected verdict', async function () {
    this.timeout(120_000);
    const differences: string[] = [];
    for (const variant of VARIANTS.filter((candidate) => candidate.expected !== 'borderline')) {
      const guide = guideOf(variant.scene);
      const scenes = [variant.previous, variant.scene].filter((scene) => scene !== undefined);
      let previous = null;
      let previousPacked = null;
      for (const [index, options] of scenes.entries()) {
        const scene = await renderScene(options);
        const frame = cameraFrame(scene);
        const packed = packedFrame(scene, 'BGRA');
        const layout = documentLayout({ width: frame.displayWidth, height: frame.displayHeight }, guide);
        const fromPlanes = analyzeDocumentFrame(await copyYuvRegion(frame, layout), layout, previous);
        const fromPacked = analyzeDocumentFrame(await copyRgbRegion(packed, layout), layout, previousPacked);
        frame.close();
        packed.close();
        previous = fromPlanes.thumbnail;
        previousPacked = fromPacked.thumbnail;
        if (index < scenes.length - 1) continue;
        const verdict = judgeDocumentFrame(fromPlanes);
        const outcome = verdict.ok ? 'accept' : verdict.hint;
        if (outcome !== variant.expected) differences.push(`${variant.name}: ${outcome}, expected ${variant.expected}`);
        expect(fromPlanes.exposure.mean, variant.name).to.be.closeTo(fromPacked.exposure.mean, 4);
        // The 4:2:0 copy has lost some colour detail (half-size chroma, limited range): its grey differs slightly.
        expect(fromPlanes.sharpness, variant.name).to.be.closeTo(fromPacked.sharpness, 0.3 * fromPacked.sharpness + 0.05);
      }
    }
    expect(differences).to.deep.equal([]);
  });
});
