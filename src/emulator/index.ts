export { EkycEmulator, type CardRecogniser, type FaceMatcher, type InjectOptions, type QueuedFault, type EmulatorOptions, type EmulatorOutcome, type RecordedRequest, type RecordedFile, type EmulatorViolation, CONTRACT_VIOLATION_STATUS } from './emulator.js';
export { API_CONTRACT, contractViolations, type ApiRoute, type ContractViolation, type RouteContract } from '../api/contract.js';
export { KNOWN_ID_CARDS, type KnownIdCard } from './documents.js';
export { EMULATOR_FAULTS, type EmulatorFault, type EmulatorEndpoint } from './faults.js';
export { startBrowserEmulator, emulatorHandlers, EMULATOR_API_BASE, type BrowserEmulator, type BrowserEmulatorOptions } from './browser.js';
