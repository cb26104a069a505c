import { expect } from '@open-wc/testing';
import type { EkycFlow } from '../../src/ekyc-flow.js';
import '../../src/index.js';

/** What each render of `element` showed: the start button's text and the language the container declares. */
function recordRenders(element: EkycFlow): { text: string | undefined; lang: string | null | undefined }[] {
  const renders: { text: string | undefined; lang: string | null | undefined }[] = [];
  element.addController({
    hostUpdated() {
      const root = element.shadowRoot;
      renders.push({
        text: root?.querySelector('[part~="start-button"]')?.textContent.trim(),
        lang: root?.querySelector('[part~="container"]')?.getAttribute('lang'),
      });
    },
  });
  return renders;
}

// The first test of its page: the English table has not been fetched yet.
describe('<ekyc-flow> language loading', () => {
  it('draws its intro at once, in a language at hand, and switches to English when that arrives', async () => {
    const element = document.createElement('ekyc-flow');
    element.setAttribute('lang', 'en');
    const renders = recordRenders(element);
    document.body.append(element);
    try {
      await element.updateComplete;
      expect(renders.length).to.be.greaterThan(0);
      for (const render of renders) {
        expect(render.text, 'a start button with text on every render').to.be.a('string').and.not.equal('');
        expect(render.text === 'Start' ? 'en' : 'vi', `the container's lang for "${render.text}"`).to.equal(render.lang);
      }
      expect(renders.at(-1)).to.deep.equal({ text: 'Start', lang: 'en' });
    } finally {
      element.remove();
    }
  });

  it('follows a page language that changes to English, and back to Vietnamese', async () => {
    const holder = document.createElement('div');
    holder.lang = 'vi';
    const element = document.createElement('ekyc-flow');
    holder.append(element);
    document.body.append(holder);
    try {
      await element.updateComplete;
      const text = () => element.shadowRoot?.querySelector('[part~="start-button"]')?.textContent.trim();
      expect(text()).to.equal('Bắt đầu');
      holder.lang = 'en-GB';
      await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
      expect(text()).to.equal('Start');
      holder.lang = 'vi';
      await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
      expect(text()).to.equal('Bắt đầu');
    } finally {
      holder.remove();
    }
  });
});
