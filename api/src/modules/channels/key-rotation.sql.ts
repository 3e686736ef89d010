import { statement } from '../../db/sql';

/**
 * Named SQL of the key rotation (`npm run channels:rotate-key`): it runs over every workspace,
 * the one place these tables are read without a workspace id.
 */

export interface SealedRow {
  id: string;
  sealed: string;
}

/** Channels whose token is not sealed under the current key, by id after $2. $1 current prefix pattern, $3 limit. */
export const STALE_CHANNEL_TOKENS = statement<SealedRow>(
  'key-rotation.stale-channel-tokens',
  `select id::text as id, access_token_sealed as sealed from "channel"
   where access_token_sealed not like $1 and id::text > $2 order by id::text limit $3 for update`,
);

/** $1 channel id, $2 sealed token, $3 key id. */
export const RESEAL_CHANNEL_TOKEN = statement(
  'key-rotation.reseal-channel-token',
  `update "channel" set access_token_sealed = $2, token_key_id = $3, updated_at = now() where id = $1::uuid`,
);

/** Forwarding secrets not sealed under the current key, by workspace after $2. $1 current prefix pattern, $3 limit. */
export const STALE_FORWARDING_SECRETS = statement<SealedRow>(
  'key-rotation.stale-forwarding-secrets',
  `select workspace_id::text as id, secret_sealed as sealed from "reply_forwarding"
   where secret_sealed not like $1 and workspace_id::text > $2 order by workspace_id::text limit $3 for update`,
);

/** $1 workspace id, $2 sealed secret (it names its key). */
export const RESEAL_FORWARDING_SECRET = statement(
  'key-rotation.reseal-forwarding-secret',
  `update "reply_forwarding" set secret_sealed = $2 where workspace_id = $1::uuid`,
);
