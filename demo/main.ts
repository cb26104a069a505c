import '../src/index.js';
import { startBrowserEmulator } from '../src/emulator/index.js';

const { apiBase, emulator } = await startBrowserEmulator({ latencyMs: 400 });
const note = document.querySelector('#mode-note');
if (note) note.textContent = `API emulator running at ${apiBase} (no key, no network needed).`;

const flow = document.createElement('ekyc-flow');
flow.apiBase = apiBase;
flow.sessionId = emulator.createSession();
flow.lang = 'en';
document.querySelector('#stage')?.append(flow);
