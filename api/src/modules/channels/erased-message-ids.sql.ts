import { statement } from '../../db/sql';

/*
 * Erased contacts' message ids (Meta's wamids carry the recipient's number, base64-encoded): each becomes
 * `erased.` + its keyed hash, and the hash alone is kept in `erased_message_id` so later statuses are recognised.
 */

/** $1 hashes (hex). */
export const RECORD_ERASED_MESSAGE_IDS = statement(
  'erased-message-ids.record',
  `insert into "erased_message_id" (hash) select distinct unnest($1::text[]) on conflict do nothing`,
);

/** Of these hashes, those of erased ids (the primary key). $1 hashes. */
export const ERASED_MESSAGE_IDS_AMONG = statement<{ hash: string }>(
  'erased-message-ids.among',
  `select hash from "erased_message_id" where hash = any($1::char(64)[])`,
);

/**
 * The workspace's statuses of these wamids renamed to their erased ids, the number gone with them (status, pricing
 * and errors stay for counts). By the primary key. $1 workspace, $2 wamids, $3 their erased ids.
 */
export const RENAME_ERASED_STATUSES = statement(
  'erased-message-ids.rename-statuses',
  `update "message_status" m set wamid = v.erased, recipient_id = null
   from unnest($2::text[], $3::text[]) as v(wamid, erased)
   where m.wamid = v.wamid and m.workspace_id = $1`,
);

/**
 * Stored bodies deleted by id: applied bodies that reported a status of an erased message (the status is applied
 * to the erased id; the raw copy would keep the original wamid and the number). $1 ids.
 */
export const DELETE_WEBHOOKS_BY_ID = statement(
  'erased-message-ids.delete-webhooks',
  `delete from "whatsapp_webhook" where id = any($1::uuid[])`,
);
