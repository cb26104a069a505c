// Hydration support first: it patches LitElement as Lit loads.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect } from '@open-wc/testing';
import type { EkycFlow } from '../../src/ekyc-flow.js';
import { en } from '../../src/i18n/en.js';

describe('hydrating markup rendered by Lit SSR', () => {
  it('keeps the server’s English while the English text is fetched: no flip through Vietnamese', async () => {
    const markup = await (await fetch('/ssr/ekyc-flow?lang=en')).text();
    const host = document.createElement('div');
    host.setHTMLUnsafe(markup);
    document.body.append(host);
    const element = host.querySelector('ekyc-flow') as EkycFlow;
    const root = element.shadowRoot as ShadowRoot;
    const texts = (): string[] => [...root.querySelectorAll('button, h2')].map((node) => node.textContent.trim());
    const served = texts();
    expect(served).to.include(en['intro.start']);
    const seen: string[][] = [];
    const observer = new MutationObserver(() => seen.push(texts()));
    observer.observe(root, { subtree: true, characterData: true, childList: true, attributes: true });

    await import('../../src/index.js');
    await element.updateComplete;
    observer.disconnect();

    expect(root.querySelector('[part=container]')?.getAttribute('lang')).to.equal('en');
    expect(texts()).to.deep.equal(served);
    for (const drawn of seen) expect(drawn).to.deep.equal(served);
    host.remove();
  });
});
