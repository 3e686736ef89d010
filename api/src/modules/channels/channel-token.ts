import { AppError } from '../../core/app-error';
import { UnreadableSecretError, type TokenBox } from './token-box';

/**
 * A channel's access token, opened for a request a person made (a check, a sync, a media upload). A token the
 * installation can no longer open (a key rotation without ENCRYPTION_KEY_PREVIOUS; `npm run channels:rotate-key`
 * reports these) is the user's to replace, so it is a BAD_USER_INPUT on the token, not a server error.
 */
export function channelToken(tokens: TokenBox, sealed: string): string {
  try {
    return tokens.open(sealed);
  } catch (error) {
    if (!(error instanceof UnreadableSecretError)) throw error;
    throw new AppError('BAD_USER_INPUT', 'channels.tokenUnreadable', {}, { accessToken: 'channels.tokenUnreadable' });
  }
}
