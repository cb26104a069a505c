/**
 * `ekyc-flow/emulator`: the FPT.AI eKYC API stand-in for Node tests, as a real HTTP
 * server (`startEmulatorServer`) or a request listener to mount. The browser's
 * Mock Service Worker handlers are in `ekyc-flow/emulator/browser`.
 */
export { EkycEmulator, type CardRecogniser, type FaceMatcher, type InjectOptions, type QueuedFault, type EmulatorOptions, type EmulatorOutcome, type RecordedRequest, type RecordedFile, type EmulatorViolation, CONTRACT_VIOLATION_STATUS } from './emulator.js';
export { API_CONTRACT, contractViolations, type ApiRoute, type ContractViolation, type RouteContract } from '../api/contract.js';
export { EMULATOR_FAULTS, type EmulatorFault, type EmulatorEndpoint } from './faults.js';
export {
  startEmulatorServer,
  emulatorListener,
  type EmulatorServer,
  type EmulatorServerOptions,
  type EmulatorExchange,
} from './node.js';
