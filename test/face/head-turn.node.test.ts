import { expect } from 'chai';
import { describe, it } from 'node:test';
import {
  headTurnHint,
  initialHeadTurn,
  nextHeadTurn,
  type HeadTurnOptions,
  type HeadTurnState,
} from '../../src/face/rules/head-turn.js';

function run(yaws: readonly (number | null)[], options: HeadTurnOptions = {}): HeadTurnState {
  return yaws.reduce<HeadTurnState>((state, yaw) => nextHeadTurn(state, yaw, options), initialHeadTurn);
}

const still = (yaw: number, frames = 3) => Array.from({ length: frames }, () => yaw);

describe('the head-turn challenge', () => {
  it('passes on centre, turn, back to centre', () => {
    const state = run([...still(0), ...still(0.15), ...still(0.01)]);
    expect(state.stage).to.equal('passed');
    expect(state.turnedTo).to.equal('left');
  });

  it('records a turn to the right for a negative yaw', () => {
    expect(run([...still(0), ...still(-0.15)]).turnedTo).to.equal('right');
  });

  it('does not pass a still face, however long', () => {
    expect(run(still(0, 200)).stage).to.equal('turn');
  });

  it('does not count a turn before the user has looked at the camera', () => {
    const state = run([...still(0.15), ...still(0.01)]);
    expect(state.stage).to.equal('turn');
  });

  it('ignores a one-frame spike of keypoint noise', () => {
    const state = run([...still(0), 0.2, 0, 0, 0.2, 0]);
    expect(state.stage).to.equal('turn');
  });

  it('waits for the requested side', () => {
    const options = { direction: 'right' } as const;
    expect(run([...still(0), ...still(0.15)], options).stage).to.equal('turn');
    expect(run([...still(0), ...still(-0.15)], options).stage).to.equal('return');
  });

  it('ignores a half turn', () => {
    expect(run([...still(0), ...still(0.07)]).stage).to.equal('turn');
  });

  it('tolerates a few frames without a face, but starts over after many', () => {
    const base = [...still(0), ...still(0.15)];
    expect(run([...base, ...Array<null>(5).fill(null), ...still(0)]).stage).to.equal('passed');
    expect(run([...base, ...Array<null>(16).fill(null), ...still(0)]).stage).to.equal('turn');
  });

  it('stays passed', () => {
    const state = run([...still(0), ...still(0.15), ...still(0), null, ...Array<null>(40).fill(null)]);
    expect(state.stage).to.equal('passed');
  });

  it('asks for what is next', () => {
    expect(headTurnHint(initialHeadTurn)).to.equal('look-straight');
    expect(headTurnHint(run(still(0)))).to.equal('turn-head');
    expect(headTurnHint(run(still(0)), { direction: 'left' })).to.equal('turn-left');
    expect(headTurnHint(run([...still(0), ...still(0.15)]))).to.equal('look-back');
    expect(headTurnHint(run([...still(0), ...still(0.15), ...still(0)]))).to.equal('done');
  });
});
