/** What the element may do besides showing and speaking: vibrate, and play a short sound on capture. */
export interface FeedbackChoice {
  haptic: boolean;
  sound: boolean;
}

/**
 * The `feedback` attribute read (pure): absent, a vibration only, and nothing at all when the user
 * prefers reduced motion; given, exactly what it lists (`haptic`, `sound`; `none` or nothing known:
 * neither), whatever that preference, since the page asked.
 */
export function feedbackChoice(attribute: string | null | undefined, reducedMotion: boolean): FeedbackChoice {
  if (attribute === null || attribute === undefined) return { haptic: !reducedMotion, sound: false };
  const tokens = attribute.toLowerCase().split(/\s+/);
  if (tokens.includes('none')) return { haptic: false, sound: false };
  return { haptic: tokens.includes('haptic'), sound: tokens.includes('sound') };
}
