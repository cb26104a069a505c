// Prints `<ekyc-flow lang="…">` as Lit SSR renders it on a server that loaded its languages first, for the
// browser test of hydration (served by the test runner at `/ssr/ekyc-flow?lang=…`).
// Usage: node --import tsx test/helpers/ssr-render.ts en
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

const { loadLanguages } = await import('../../src/index.js');
const lang = process.argv[2] ?? '';
await loadLanguages([lang]);
process.stdout.write(await collectResult(render(html`<ekyc-flow lang=${lang}></ekyc-flow>`)));
