import { css } from 'lit';

// The handoff screens' own rules: they come with the handoff's script (not in the first bundle), added after the
// element's styles as the capture steps' are.
export const handoffStyles = css`
  .handoff-qr {
    display: block;
    width: min(14rem, 70%);
    aspect-ratio: 1;
    margin-inline: auto;
    image-rendering: pixelated;
    background: #fff;
  }

  .handoff-link {
    overflow-wrap: anywhere;
  }
`;
