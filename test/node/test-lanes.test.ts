import { expect } from 'chai';
import { describe, it } from 'node:test';
import { dealLanes, secondsOf } from '../../scripts/lanes.js';

const weights = { 'a.test.ts': 90, 'b.test.ts': 60, 'c.test.ts': 40, 'd.test.ts': 30, 'e.test.ts': 20, 'f.test.ts': 10 };

describe("the browser tests' lanes", () => {
  it('deals every file to exactly one lane, the slow files first in each', () => {
    const lanes = dealLanes(Object.keys(weights), weights, 3);
    expect(lanes.flatMap((lane) => lane.files).sort()).to.deep.equal(Object.keys(weights));
    for (const lane of lanes) {
      const seconds = lane.files.map((file) => weights[file as keyof typeof weights]);
      expect(seconds).to.deep.equal([...seconds].sort((x, y) => y - x));
      expect(lane.seconds).to.equal(secondsOf(lane.files, weights));
    }
  });

  it('keeps the lanes within the slowest file of each other', () => {
    const lanes = dealLanes(Object.keys(weights), weights, 2);
    const [longest, shortest] = [Math.max(...lanes.map((lane) => lane.seconds)), Math.min(...lanes.map((lane) => lane.seconds))];
    expect(longest - shortest).to.be.at.most(90);
    expect(lanes.map((lane) => lane.seconds).sort((x, y) => x - y)).to.deep.equal([120, 130]);
  });

  it('gives the last lane less to do when it also runs the camera groups', () => {
    const [first, last] = dealLanes(Object.keys(weights), weights, 2, 200);
    expect(last?.seconds).to.equal(200 + secondsOf(last?.files ?? [], weights));
    expect(last?.files).to.deep.equal(['e.test.ts']);
    expect(first?.seconds).to.equal(230);
  });

  it('counts a file not yet measured as a typical one, not as free', () => {
    expect(secondsOf(['new.test.ts', 'a.test.ts'], weights)).to.equal(105);
    const lanes = dealLanes(['x.test.ts', 'y.test.ts'], {}, 2);
    expect(lanes.map((lane) => lane.files.length)).to.deep.equal([1, 1]);
  });
});
