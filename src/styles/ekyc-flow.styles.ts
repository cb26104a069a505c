import { css } from 'lit';

// Comments inside the template ship in the bundle: the why of a rule is written here.
// - What only the capture steps draw (the preview, its guide, the photo under review, notices, camera buttons) is
//   in capture.styles.ts, which comes with their script and is added to the element's styles when it arrives.
// - The last rule spaces each screen's heading, text, preview and buttons apart, so that a focus ring never
//   covers its neighbour. Margins, not a flex column: the preview keeps the block layout its aspect ratio and
//   height limit are made for. It comes last to win over the element rules that reset margins.
// - The heading row's cancel button keeps its size: in a narrow element (320 px, or 400 % zoom) the heading wraps
//   instead of squeezing the button's word out of its box.
// - The frame's ready state is not told by colour alone: its border doubles in width (and, in forced colours, where
//   authors' colours give way to the user's, it turns to a double line in the highlight colour). In forced colours
//   the hint, notices and camera buttons lose their backgrounds, so they get a border; a disabled button gets the
//   grey text colour and a dashed border instead of a fade. With prefers-contrast: more, muted text is full text
//   colour, the hint and camera buttons stand on solid black, and a disabled button is dashed, not faded.
export const styles = css`
  :host {
    --_primary: var(--ekyc-color-primary, #0a58ca);
    --_on-primary: var(--ekyc-color-on-primary, #ffffff);
    --_text: var(--ekyc-color-text, #1b1f24);
    --_muted: var(--ekyc-color-muted, #515a66);
    --_background: var(--ekyc-color-background, #ffffff);
    --_surface: var(--ekyc-color-surface, #f1f4f8);
    --_error: var(--ekyc-color-error, #b3261e);
    --_success: var(--ekyc-color-success, #146c2e);
    --_focus: var(--ekyc-focus-ring-color, #0a58ca);
    --_radius: var(--ekyc-radius, 12px);
    --_space: var(--ekyc-spacing, 16px);
    --_overlay: var(--ekyc-overlay-color, rgb(0 0 0 / 0.55));
    --_frame: var(--ekyc-frame-color, #ffffff);
    --_frame-ready: var(--ekyc-frame-ready-color, #3ddc84);

    display: block;
    box-sizing: border-box;
    max-width: var(--ekyc-max-width, 480px);
    color: var(--_text);
    background: var(--_background);
    font-family: var(--ekyc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--ekyc-font-size, 1rem);
    line-height: 1.5;
    border-radius: var(--_radius);
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--ekyc-color-primary, #8ab4f8);
      --_on-primary: var(--ekyc-color-on-primary, #0b1a33);
      --_text: var(--ekyc-color-text, #e8eaed);
      --_muted: var(--ekyc-color-muted, #b4bac3);
      --_background: var(--ekyc-color-background, #16181c);
      --_surface: var(--ekyc-color-surface, #23262c);
      --_error: var(--ekyc-color-error, #f2b8b5);
      --_success: var(--ekyc-color-success, #81c995);
      --_focus: var(--ekyc-focus-ring-color, #8ab4f8);
    }
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .container {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: var(--_space);
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }

  header > button {
    flex: none;
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  p {
    margin: 0;
  }

  .muted {
    color: var(--_muted);
  }

  ol.progress {
    display: flex;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.8125em;
  }

  ol.progress li {
    flex: 1;
    padding-top: 6px;
    border-top: 4px solid var(--_surface);
    color: var(--_muted);
  }

  ol.progress li[data-state='done'] {
    border-top-color: var(--_success);
  }

  ol.progress li[aria-current='step'] {
    border-top-color: var(--_primary);
    color: var(--_text);
    font-weight: 600;
  }

  ul.needs {
    margin: 0;
    padding-left: 1.25em;
  }

  .hint {
    position: absolute;
    left: var(--_space);
    right: var(--_space);
    bottom: var(--_space);
    padding: 8px 12px;
    border-radius: calc(var(--_radius) * 0.75);
    background: rgb(0 0 0 / 0.72);
    color: #ffffff;
    text-align: center;
    font-weight: 600;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
  }

  button {
    min-width: 44px;
    min-height: 44px;
    padding: 10px 20px;
    border: 2px solid var(--_primary);
    border-radius: var(--ekyc-button-radius, 999px);
    background: transparent;
    color: var(--_primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  button.primary {
    flex: 1;
    background: var(--_primary);
    color: var(--_on-primary);
  }

  button.link {
    border-color: transparent;
    padding-inline: 8px;
  }

  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }

  .spinner {
    width: 48px;
    height: 48px;
    margin: calc(var(--_space) * 2) auto;
    border: 5px solid var(--_surface);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: spin 900ms linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  dl.fields {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 12px;
    margin: 0;
  }

  dl.fields dt {
    color: var(--_muted);
  }

  dl.fields dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .error-message {
    color: var(--_error);
    font-weight: 600;
  }

  section > :not(:first-child),
  section > slot:not(:first-child) > :first-child,
  section slot > :not(:first-child) {
    margin-top: calc(var(--_space) * 0.75);
  }

  @media (prefers-contrast: more) {
    :host {
      --_muted: var(--_text);
      --_overlay: rgb(0 0 0 / 0.8);
    }

    .hint {
      background: #000000;
    }

    button:disabled {
      opacity: 1;
      border-style: dashed;
    }
  }

  @media (forced-colors: active) {
    .hint {
      border: 2px solid CanvasText;
    }

    ol.progress li[aria-current='step'] {
      border-top-color: Highlight;
      text-decoration: underline;
    }

    ol.progress li[data-state='done'] {
      border-top-color: CanvasText;
    }

    button:disabled {
      opacity: 1;
      color: GrayText;
      border-color: GrayText;
      border-style: dashed;
    }

    button:focus-visible,
    h2:focus-visible {
      outline-color: Highlight;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.5s;
    }
  }
`;
