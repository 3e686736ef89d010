import type { ProfileActionData, TwoFactorSetupView } from '../../components/profile/types';
import { changePasswordSchema } from '../../utils/credential-schemas';
import { refused } from '../../utils/action.server';
import { parseForm } from '../../utils/forms';
import { gqlForm } from '../../utils/graphql.server';
import { serializeLanguageCookie } from '../../utils/language.server';
import { redirectWithToast } from '../../utils/toast.server';
import {
  ChangePasswordMutation,
  DisableTwoFactorMutation,
  EnableTwoFactorMutation,
  RegenerateRecoveryCodesMutation,
  RevokeSessionMutation,
  StartTwoFactorSetupMutation,
  UpdateProfileMutation,
} from './documents';
import {
  disableTwoFactorSchema,
  enableTwoFactorSchema,
  profileSchema,
  regenerateCodesSchema,
} from '../../components/profile/schemas';

type Handler = (
  request: Request,
  form: FormData,
) => Promise<ProfileActionData | ReturnType<typeof refused<ProfileActionData>> | Response>;

const PROFILE = '/settings/profile';

const handlers: Record<ProfileActionData['intent'], Handler> = {
  async updateProfile(request, form) {
    const parsed = parseForm(profileSchema, form);
    if (!parsed.ok)
      return refused<ProfileActionData>({ intent: 'updateProfile', ok: false, fieldErrors: parsed.fieldErrors });
    const result = await gqlForm(request, UpdateProfileMutation, { input: parsed.data });
    if (result.failure) {
      return refused<ProfileActionData>({ intent: 'updateProfile', ok: false, ...result.failure }, result.status);
    }
    // The dashboard switches to the language just chosen, on this browser right away.
    const lng = result.data.updateProfile.language === 'EN' ? 'en' : 'id';
    return redirectWithToast(
      PROFILE,
      { type: 'success', key: 'profile.details.saved' },
      { headers: { 'Set-Cookie': serializeLanguageCookie(lng) } },
    );
  },

  async changePassword(request, form) {
    const parsed = parseForm(changePasswordSchema, form);
    if (!parsed.ok)
      return refused<ProfileActionData>({ intent: 'changePassword', ok: false, fieldErrors: parsed.fieldErrors });
    const { currentPassword, newPassword } = parsed.data;
    const result = await gqlForm(request, ChangePasswordMutation, { input: { currentPassword, newPassword } });
    if (result.failure) return refused({ intent: 'changePassword', ok: false, ...result.failure }, result.status);
    return redirectWithToast(PROFILE, { type: 'success', key: 'profile.password.changed' });
  },

  async startTwoFactor(request) {
    const result = await gqlForm(request, StartTwoFactorSetupMutation);
    if (result.failure) {
      return refused<ProfileActionData>({ intent: 'startTwoFactor', ok: false, ...result.failure }, result.status);
    }
    const { secret, otpauthUri, qrCodeSvg } = result.data.startTwoFactorSetup;
    const qrDataUri = `data:image/svg+xml;base64,${Buffer.from(qrCodeSvg, 'utf8').toString('base64')}`;
    return { intent: 'startTwoFactor', ok: true, setup: { secret, otpauthUri, qrDataUri } };
  },

  async enableTwoFactor(request, form) {
    // A wrong code must not cost the reader a rescan: the setup comes back with the error.
    const setup = echoedSetup(form);
    const parsed = parseForm(enableTwoFactorSchema, form);
    if (!parsed.ok)
      return refused<ProfileActionData>({
        intent: 'enableTwoFactor',
        ok: false,
        setup,
        fieldErrors: parsed.fieldErrors,
      });
    const result = await gqlForm(request, EnableTwoFactorMutation, { input: parsed.data });
    if (result.failure) {
      return refused<ProfileActionData>(
        { intent: 'enableTwoFactor', ok: false, setup, ...withCodeField(result.failure) },
        result.status,
      );
    }
    return { intent: 'enableTwoFactor', ok: true, recoveryCodes: result.data.enableTwoFactor.codes };
  },

  async disableTwoFactor(request, form) {
    const parsed = parseForm(disableTwoFactorSchema, form);
    if (!parsed.ok)
      return refused<ProfileActionData>({ intent: 'disableTwoFactor', ok: false, fieldErrors: parsed.fieldErrors });
    const result = await gqlForm(request, DisableTwoFactorMutation, { input: parsed.data });
    if (result.failure) {
      return refused({ intent: 'disableTwoFactor', ok: false, ...withCodeField(result.failure) }, result.status);
    }
    return redirectWithToast(PROFILE, { type: 'success', key: 'profile.twoFactor.disabled' });
  },

  async regenerateRecoveryCodes(request, form) {
    const parsed = parseForm(regenerateCodesSchema, form);
    if (!parsed.ok)
      return refused<ProfileActionData>({
        intent: 'regenerateRecoveryCodes',
        ok: false,
        fieldErrors: parsed.fieldErrors,
      });
    const result = await gqlForm(request, RegenerateRecoveryCodesMutation, { input: parsed.data });
    if (result.failure) {
      return refused<ProfileActionData>(
        { intent: 'regenerateRecoveryCodes', ok: false, ...withCodeField(result.failure) },
        result.status,
      );
    }
    return { intent: 'regenerateRecoveryCodes', ok: true, recoveryCodes: result.data.regenerateRecoveryCodes.codes };
  },

  async revokeSession(request, form) {
    const id = form.get('sessionId');
    if (typeof id !== 'string' || id === '') {
      return refused<ProfileActionData>({
        intent: 'revokeSession',
        ok: false,
        formError: { key: 'validation.invalid' },
      });
    }
    const result = await gqlForm(request, RevokeSessionMutation, { id });
    if (result.failure) return refused({ intent: 'revokeSession', ok: false, ...result.failure }, result.status);
    return redirectWithToast(PROFILE, { type: 'success', key: 'profile.sessions.revoked' });
  },
};

export function isProfileIntent(value: unknown): value is ProfileActionData['intent'] {
  return typeof value === 'string' && Object.hasOwn(handlers, value);
}

export function handleProfileAction(intent: ProfileActionData['intent'], request: Request, form: FormData) {
  return handlers[intent](request, form);
}

/** The API's wrong-code and wrong-password answers belong under those fields. */
function withCodeField(failure: Pick<ProfileActionData, 'formError' | 'fieldErrors'>) {
  const message = failure.formError;
  if (!message || !('key' in message)) return failure;
  const field = { 'auth.invalidCode': 'code', 'auth.wrongPassword': 'password' }[message.key as string];
  return field ? { fieldErrors: { ...failure.fieldErrors, [field]: message } } : failure;
}

const SECRET = /^[A-Z2-7]{16,128}=*$/;
const QR = /^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/;

/** The setup the form carried back (hidden fields), if it is what `startTwoFactor` produced and nothing else. */
function echoedSetup(form: FormData): TwoFactorSetupView | undefined {
  const secret = form.get('setupSecret');
  const qrDataUri = form.get('setupQr');
  const otpauthUri = form.get('setupUri');
  if (typeof secret !== 'string' || !SECRET.test(secret)) return undefined;
  if (typeof qrDataUri !== 'string' || qrDataUri.length > 200_000 || !QR.test(qrDataUri)) return undefined;
  if (typeof otpauthUri !== 'string' || otpauthUri.length > 1_000 || !otpauthUri.startsWith('otpauth://totp/')) {
    return undefined;
  }
  return { secret, qrDataUri, otpauthUri };
}
