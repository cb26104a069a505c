// First step of `npm test`: stops at once, saying what to install, when a browser the tests drive is missing.
import { missingBrowsers, missingBrowsersMessage, selectedEngines } from './engines.js';

const missing = missingBrowsers(selectedEngines());
if (missing.length > 0) {
  console.error(missingBrowsersMessage(missing));
  process.exit(1);
}
