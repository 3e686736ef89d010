import type { ApiTokensPageQuery } from '../../graphql/graphql';
import type { FormFeedback } from '../../utils/forms';

export type ApiTokenRow = ApiTokensPageQuery['apiTokens'][number];

export interface ApiTokensActionData extends FormFeedback {
  intent: 'createToken' | 'revokeToken';
  ok: boolean;
  /** The secret, in this one answer only. */
  created?: { name: string; token: string };
}
