let shared: AudioContext | null = null;

/**
 * The page's one audio context for the element's cues, made (or resumed) on first use. Called
 * once from the start button's click when sound is asked for, so that browsers which only let a
 * user's gesture start audio (Safari) play the capture sound later.
 */
export function cueAudio(): AudioContext | null {
  if (!shared) {
    if (typeof AudioContext !== 'function') return null;
    try {
      shared = new AudioContext();
    } catch {
      return null;
    }
  }
  if (shared.state === 'suspended') shared.resume().catch(() => undefined);
  return shared;
}
