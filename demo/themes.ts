import '../src/index.js';
import { startBrowserEmulator } from '../src/emulator/index.js';

const { apiBase, emulator } = await startBrowserEmulator({ latencyMs: 400 });
for (const flow of document.querySelectorAll('ekyc-flow')) {
  flow.apiBase = apiBase;
  flow.sessionId = emulator.createSession();
  flow.assetsBase = new URL('./ekyc-assets/', document.baseURI).href;
  flow.addEventListener('ekyc-complete', () => {
    flow.sessionId = emulator.createSession();
  });
}
