import { statement } from '../../db/sql';

/** Named SQL of channels, portfolios and templates. */

/**
 * A portfolio learned from a channel check: created at its limit, or its limit updated when
 * Meta reported one. $1 portfolio id, $2 limit (null: keep the known one; 250 for a new row).
 */
export const UPSERT_PORTFOLIO = statement(
  'channels.upsert-portfolio',
  `insert into "business_portfolio" (id, messaging_limit, created_at, updated_at)
   values ($1, coalesce($2::int, 250), now(), now())
   on conflict (id) do update set
     messaging_limit = coalesce($2::int, "business_portfolio".messaging_limit),
     updated_at = case when $2::int is null then "business_portfolio".updated_at else now() end`,
);

export interface PortfolioLimitRow {
  id: string;
  messaging_limit: number;
}

/**
 * The messaging limit of a portfolio, locked for the caller's transaction: the dispatcher
 * counts unique recipients against it while no other sender of the portfolio does. $1 id.
 */
export const LOCK_PORTFOLIO = statement<PortfolioLimitRow>(
  'channels.lock-portfolio',
  `select id, messaging_limit from "business_portfolio" where id = $1 for update`,
);

/**
 * The dispatcher sent through the channel at $2: recorded at most once per $3 ms (a send loop
 * does not rewrite the row for every message), never moved back. $1 channel id.
 */
export const MARK_CHANNEL_SENT = statement(
  'channels.mark-sent',
  `update "channel" set last_sent_at = $2::timestamptz
   where id = $1 and (last_sent_at is null or last_sent_at < $2::timestamptz - make_interval(secs => $3::int / 1000.0))`,
);

/**
 * How many templates a page is taken from, and when they were last synced. `message_template_identity_unique`
 * (workspace_id, waba_id, ...). $1 workspace, $2 WABA id or null for every WABA.
 */
export const TEMPLATE_SUMMARY = statement<{ total: number; synced_at: string | null }>(
  'channels.template-summary',
  `select count(*)::int as total, max(synced_at) as synced_at from "message_template"
   where workspace_id = $1 and ($2::text is null or waba_id = $2)`,
);

/*
 * The "no webhook" notification (webhook-silence.ts), over every channel of the installation: a job's pass, once a
 * minute. `channel_last_sent_index` (partial, channels that ever sent) serves both.
 */

/**
 * A channel silent as `webhookSilent` says (sent $3..$2 ms before $1, no webhook since) and not told about in this
 * episode (no mark, or a webhook heard after the mark): marked, and returned to be told. The row lock makes two
 * passes at once tell it once. $1 now, $2 silence window ms, $3 grace ms.
 */
export const CLAIM_SILENT_CHANNELS = statement<{ id: string; workspace_id: string; name: string }>(
  'channels.claim-silent',
  `update "channel" set silence_notified_at = $1::timestamptz
   where last_sent_at >= $1::timestamptz - make_interval(secs => $2::int / 1000.0)
     and last_sent_at <= $1::timestamptz - make_interval(secs => $3::int / 1000.0)
     and (last_webhook_at is null or last_webhook_at < last_sent_at)
     and (silence_notified_at is null or silence_notified_at < last_webhook_at)
   returning id, workspace_id, name`,
);

/** The warning lapsed (no send for the window): the episode is over, the next silence is told again. $1 now, $2 window ms. */
export const CLEAR_LAPSED_SILENCE = statement(
  'channels.clear-lapsed-silence',
  `update "channel" set silence_notified_at = null
   where last_sent_at < $1::timestamptz - make_interval(secs => $2::int / 1000.0) and silence_notified_at is not null`,
);
