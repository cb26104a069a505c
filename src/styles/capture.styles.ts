import { css } from 'lit';

// The capture steps' own rules: they come with the capture steps' script (not in the first bundle) and are added
// after the element's styles (ekyc-flow.styles.ts, which says why the frame, hint and buttons look as they do in
// forced colours and with prefers-contrast: more). Coming later, they win over rules of the same specificity there.
export const captureStyles = css`
  .viewfinder {
    position: relative;
    overflow: hidden;
    aspect-ratio: var(--ekyc-viewfinder-aspect, var(--_video-aspect, 4 / 3));
    max-height: 70vh;
    border-radius: var(--_radius);
    background: #000;
  }

  .viewfinder.selfie {
    aspect-ratio: var(--ekyc-viewfinder-aspect, 3 / 4);
  }

  .viewfinder video,
  .viewfinder .still {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  .viewfinder video.mirrored {
    transform: scaleX(-1);
  }

  .review-summary {
    font-weight: 600;
  }

  .review canvas {
    display: block;
    width: 100%;
    height: auto;
    max-height: 60vh;
    object-fit: contain;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .frame {
    position: absolute;
    left: 50%;
    top: 50%;
    transform: translate(-50%, -50%);
    border: 3px solid var(--_frame);
    border-radius: calc(var(--_radius) * 0.75);
    box-shadow: 0 0 0 100vmax var(--_overlay);
    pointer-events: none;
    transition: border-color 200ms ease;
  }

  .frame.card {
    width: 86%;
    aspect-ratio: 85.6 / 53.98;
  }

  .frame.passport {
    width: 86%;
    aspect-ratio: 125 / 88;
  }

  .frame.face {
    width: 62%;
    aspect-ratio: 1 / 1.3;
    border-radius: 50%;
  }

  .frame[data-ready] {
    border-color: var(--_frame-ready);
    border-width: 6px;
  }

  .camera-tools {
    position: absolute;
    top: 8px;
    right: 8px;
    display: flex;
    gap: 8px;
  }

  .notice {
    padding: 12px;
    border-radius: calc(var(--_radius) * 0.75);
    border-left: 4px solid var(--_error);
    background: var(--_surface);
  }

  button.icon {
    padding: 8px 12px;
    border-color: transparent;
    background: rgb(0 0 0 / 0.6);
    color: #ffffff;
    font-size: 0.875em;
  }

  input[type='file'] {
    display: none;
  }

  @media (prefers-contrast: more) {
    button.icon {
      background: #000000;
    }
  }

  @media (forced-colors: active) {
    .frame {
      border-color: CanvasText;
    }

    .frame[data-ready] {
      border-color: Highlight;
      border-style: double;
    }

    .notice,
    button.icon {
      border: 2px solid CanvasText;
    }

    button.icon:disabled {
      color: GrayText;
      border-color: GrayText;
      border-style: dashed;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .frame {
      transition: none;
    }
  }
`;
