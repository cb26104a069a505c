// The handoff's chunk, loaded by `handoff-loader.ts`: both ends' driving, their screens, their styles and their text, in one file.
export { HandoffController } from '../handoff/handoff-controller.js';
export { handoffStrings } from '../i18n/handoff.js';
export { renderHandoff } from '../views/handoff.js';
export { handoffStyles } from '../styles/handoff.styles.js';
