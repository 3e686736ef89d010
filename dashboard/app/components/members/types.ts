import type { MembersPageQuery } from '../../graphql/graphql';
import type { FormFeedback } from '../../utils/forms';

export type MemberRow = MembersPageQuery['members'][number];
export type RoleOption = MembersPageQuery['roles'][number];

export interface MembersActionData extends FormFeedback {
  intent: 'addMember' | 'changeRole' | 'removeMember';
  ok: boolean;
  /** The member a row action was about, so its feedback shows in its row. */
  memberId?: string;
  name?: string;
  added?: { name: string; email: string; temporaryPassword: string | null };
}
