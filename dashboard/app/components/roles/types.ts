import type { RolesPageQuery } from '../../graphql/graphql';
import type { FormFeedback } from '../../utils/forms';

export type RoleColumn = RolesPageQuery['roles'][number];

/** The form id of a role's column in the matrix; `new` is the column that creates one. */
export type RoleFormId = string | 'new';

export interface RolesActionData extends FormFeedback {
  intent: 'createRole' | 'updateRole' | 'deleteRole';
  ok: boolean;
  roleId?: RoleFormId;
  name?: string;
}
