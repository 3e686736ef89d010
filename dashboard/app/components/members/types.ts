import type { MembersPageInvitationsQuery, MembersPageQuery } from '../../graphql/graphql';
import type { FormFeedback } from '../../utils/forms';

export type MemberRow = MembersPageQuery['members'][number];
export type RoleOption = MembersPageQuery['roles'][number];
export type InvitationRow = MembersPageInvitationsQuery['invitations'][number];

export interface MembersActionData extends FormFeedback {
  intent: 'inviteMember' | 'revokeInvitation' | 'issueResetLink' | 'changeRole' | 'removeMember';
  ok: boolean;
  /** The member a row action was about, so its feedback shows in its row. */
  memberId?: string;
  name?: string;
  /** A one-time link (an invitation, a password reset): shown in this answer only. */
  link?: { email: string; url: string };
}
