import type { FormFeedback } from '../../utils/forms';

export type { FormFeedback };

/** A pending two-factor setup: the QR code as a data: URI (an <img>, so its SVG can never run script). */
export interface TwoFactorSetupView {
  secret: string;
  qrDataUri: string;
  otpauthUri: string;
}

export type ProfileIntent =
  | 'updateProfile'
  | 'changePassword'
  | 'startTwoFactor'
  | 'enableTwoFactor'
  | 'disableTwoFactor'
  | 'regenerateRecoveryCodes'
  | 'revokeSession';

/** What the profile page's action answers; each card reads the answers to its own intents. */
export interface ProfileActionData extends FormFeedback {
  intent: ProfileIntent;
  ok: boolean;
  setup?: TwoFactorSetupView;
  recoveryCodes?: string[];
}

/** The feedback for `intent` only, so one card's error does not show on another. */
export function feedbackFor(actionData: ProfileActionData | undefined, ...intents: ProfileIntent[]) {
  return actionData && intents.includes(actionData.intent) ? actionData : undefined;
}
