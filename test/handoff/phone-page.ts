// The phone's page of the handoff tests: `?api=<server>#<token>`, as an integrator's page reads them.
import '../../src/index.js';

const element = document.querySelector('ekyc-flow')!;
element.setAttribute('api-base', new URLSearchParams(location.search).get('api') ?? '');
element.setAttribute('handoff-token', decodeURIComponent(location.hash.slice(1)));
