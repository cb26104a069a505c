import { checkSettings, type ElementSettings } from '../flow/config.js';
import type { HandoffSettings } from './protocol.js';

/** What the computer hands its phone: the page's session and the flow's settings; `null` when it has no session. */
export function computerHandoff(
  settings: ElementSettings,
  urlTemplate: string | undefined,
): { sessionId: string; urlTemplate: string; settings: HandoffSettings } | null {
  const checked = checkSettings(settings);
  if (!urlTemplate || !settings.sessionId || !checked.ok) return null;
  const { documentType, flow } = checked.config;
  // Checked: `none` or `turn-head`.
  const livenessChallenge = settings.livenessChallenge as HandoffSettings['livenessChallenge'];
  return { sessionId: settings.sessionId, urlTemplate, settings: { documentType, flow, lang: checked.lang, livenessChallenge } };
}
