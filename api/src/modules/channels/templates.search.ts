import { query, statement } from '../../db/sql';
import { Permission } from '../identity';
import { likePatterns, longEnough, SearchKind, type SearchRow, type SearchSource } from '../search';

/**
 * The local copy of Meta's templates by name (`message_template_workspace_name_index` for the workspace).
 * $1 workspace, $2 `%text%`, $3 `lowered text%`, $4 the text lowered, $5 the limit. The detail is Meta's codes,
 * `language · CATEGORY`: the dashboard shows the category in the reader's language (`hit-details.ts`).
 */
export const SEARCH_TEMPLATES = statement<SearchRow>(
  'channels.search-templates',
  `select id, name as title, language || ' · ' || category as detail,
     case when lower(name) = $4 then 3 when name ilike $3 then 2 else 1 end as rank
   from message_template where workspace_id = $1 and name ilike $2
   order by rank desc, name, language limit $5`,
);

/** Templates by name; a hit opens the templates page. */
export const templateSearchSource: SearchSource = {
  kind: SearchKind.TEMPLATE,
  permission: Permission.TEMPLATES_READ,
  async find(em, workspaceId, text, limit) {
    if (!longEnough(text)) return [];
    const match = likePatterns(text);
    const rows = await query(em, SEARCH_TEMPLATES, [workspaceId, match.contains, match.prefix, match.lowered, limit]);
    return rows.map((row) => ({ ...row, kind: SearchKind.TEMPLATE, link: '/templates' }));
  },
};
