import { query, statement } from '../../db/sql';
import { Permission } from '../identity';
import { likePatterns, longEnough, SearchKind, type SearchRow, type SearchSource } from '../search';

/**
 * Campaigns by name, with their status as the second line (the dashboard translates it). A workspace has
 * hundreds of campaigns, not millions: its rows (`campaign_page_index`), filtered.
 * $1 workspace, $2 `%text%`, $3 `lowered text%`, $4 the text lowered, $5 the limit.
 */
export const SEARCH_CAMPAIGNS = statement<SearchRow>(
  'campaigns.search',
  `select id, name as title, status as detail,
     case when lower(name) = $4 then 3 when name ilike $3 then 2 else 1 end as rank
   from campaign where workspace_id = $1 and name ilike $2
   order by rank desc, created_at desc, id limit $5`,
);

/** Campaigns by name for readers with CAMPAIGNS_READ; a hit opens the campaign's page. */
export const campaignSearchSource: SearchSource = {
  kind: SearchKind.CAMPAIGN,
  permission: Permission.CAMPAIGNS_READ,
  async find(em, workspaceId, text, limit) {
    if (!longEnough(text)) return [];
    const match = likePatterns(text);
    const rows = await query(em, SEARCH_CAMPAIGNS, [workspaceId, match.contains, match.prefix, match.lowered, limit]);
    return rows.map((row) => ({ ...row, kind: SearchKind.CAMPAIGN, link: `/campaigns/${row.id}` }));
  },
};
