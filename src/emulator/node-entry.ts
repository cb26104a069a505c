/**
 * `ekyc-flow/emulator`: the FPT.AI eKYC API stand-in for Node tests, as a real HTTP
 * server (`startEmulatorServer`) or a request listener to mount. The browser's
 * Mock Service Worker handlers are in `ekyc-flow/emulator/browser`.
 */
export { EkycEmulator, type InjectOptions, type QueuedFault, type EmulatorOptions, type EmulatorOutcome, type RecordedRequest, type RecordedFile } from './emulator.js';
export { EMULATOR_FAULTS, type EmulatorFault, type EmulatorEndpoint } from './faults.js';
export {
  startEmulatorServer,
  emulatorListener,
  type EmulatorServer,
  type EmulatorServerOptions,
  type EmulatorExchange,
} from './node.js';
