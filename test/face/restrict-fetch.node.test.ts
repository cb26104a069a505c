import { expect } from 'chai';
import { describe, it } from 'node:test';
import { restrictFetch, type FetchScope } from '../../src/face/detector/restrict-fetch.js';

describe('restrictFetch', () => {
  function scopeRecording(): FetchScope & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      fetch: (input) => {
        calls.push(input instanceof Request ? input.url : String(input));
        return Promise.resolve(new Response('ok'));
      },
    };
  }

  it('lets allowed URLs through, relative ones resolved against the base', async () => {
    const scope = scopeRecording();
    restrictFetch(scope, (url) => url.origin === 'https://shop.example', 'https://shop.example/app/');
    const response = await scope.fetch('assets/model.tflite');
    expect(await response.text()).to.equal('ok');
    expect(scope.calls).to.deep.equal(['assets/model.tflite']);
  });

  it('refuses other origins like a network error, without calling the real fetch', async () => {
    const scope = scopeRecording();
    restrictFetch(scope, (url) => url.origin === 'https://shop.example', 'https://shop.example/');
    let error: unknown;
    try {
      await scope.fetch(new Request('https://odml.pa.googleapis.com/v1/log', { method: 'POST' }));
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect(scope.calls).to.deep.equal([]);
  });
});
