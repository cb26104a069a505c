// The element rendered on a server with Lit SSR, in the language asked for: the server loads the languages it renders
// (`loadLanguages`) first, as SSR renders synchronously and cannot wait for a table to arrive.
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { expect } from 'chai';
import { html, type TemplateResult } from 'lit';
import { before, describe, it } from 'node:test';
import { en } from '../../src/i18n/en.js';
import { vi } from '../../src/i18n/vi.js';

/** The start button's text, without the markers Lit SSR leaves for hydration. */
const startButton = (markup: string): string | undefined =>
  /<button part="start-button"[^>]*>([^<]*)<\/button>/.exec(markup.replace(/<!--[^>]*-->/g, ''))?.[1]?.trim();

describe('server-side rendering with Lit SSR', () => {
  before(async () => {
    const { loadLanguages } = await import('../../src/index.js');
    await loadLanguages(['en']);
  });

  const rendered = (template: TemplateResult): Promise<string> => collectResult(render(template));

  it('renders lang="en" in English from the first render', async () => {
    const markup = await rendered(html`<ekyc-flow lang="en"></ekyc-flow>`);
    expect(startButton(markup)).to.equal(en['intro.start']);
    expect(markup).to.include('part="container" class="container" lang="en"');
    expect(markup).not.to.include(vi['intro.start']);
  });

  it('renders a regional English (lang="en-GB", set as a property) in English', async () => {
    expect(startButton(await rendered(html`<ekyc-flow .lang=${'en-GB'}></ekyc-flow>`))).to.equal(en['intro.start']);
  });

  it('renders a lang bound as an attribute in English', async () => {
    const lang = 'en';
    expect(startButton(await rendered(html`<ekyc-flow lang=${lang} session-id=${'s-1'}></ekyc-flow>`))).to.equal(en['intro.start']);
  });

  it('renders lang="vi" in Vietnamese', async () => {
    const markup = await rendered(html`<ekyc-flow lang="vi"></ekyc-flow>`);
    expect(startButton(markup)).to.equal(vi['intro.start']);
    expect(markup).not.to.include(`>${en['intro.start']}<`);
  });

  it('renders in Vietnamese without a lang', async () => {
    expect(startButton(await rendered(html`<ekyc-flow></ekyc-flow>`))).to.equal(vi['intro.start']);
  });

  it('falls back to Vietnamese for a language it does not speak, as in the browser', async () => {
    const markup = await rendered(html`<ekyc-flow lang="fr"></ekyc-flow>`);
    expect(startButton(markup)).to.equal(vi['intro.start']);
    expect(markup).to.include('part="container" class="container" lang="vi"');
  });
});
