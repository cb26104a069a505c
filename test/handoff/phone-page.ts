// The phone's page of the handoff tests: `?api=<server>#<token>`, as an integrator's page reads them.
import '../../src/index.js';
import type { EkycErrorDetail } from '../../src/index.js';

const element = document.querySelector('ekyc-flow')!;
// What the phone's page heard, from its very first moment (the claim starts with the token): read by the tests.
const errors: EkycErrorDetail[] = [];
element.addEventListener('ekyc-error', (event) => errors.push(event.detail));
Object.assign(window, { ekycErrors: errors });
element.setAttribute('api-base', new URLSearchParams(location.search).get('api') ?? '');
element.setAttribute('handoff-token', decodeURIComponent(location.hash.slice(1)));
