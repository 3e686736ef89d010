import { graphql } from '../../graphql';

export const MembersPageQuery = graphql(`
  query MembersPage {
    members {
      id
      joinedAt
      user {
        id
        email
        name
        twoFactorEnabled
      }
      role {
        id
        key
        name
        builtIn
      }
    }
    roles {
      id
      key
      name
      builtIn
    }
  }
`);

// Its own request: with the members in one query it would cost more than the API allows per query.
export const InvitationsQuery = graphql(`
  query MembersPageInvitations {
    invitations {
      id
      email
      status
      expiresAt
      role {
        id
        key
        name
        builtIn
      }
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      url
      invitation {
        id
        email
      }
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($invitationId: ID!) {
    revokeInvitation(invitationId: $invitationId)
  }
`);

export const IssuePasswordResetLinkMutation = graphql(`
  mutation IssuePasswordResetLink($memberId: ID!) {
    issuePasswordResetLink(memberId: $memberId) {
      url
    }
  }
`);

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      id
      user {
        name
      }
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($memberId: ID!) {
    removeMember(memberId: $memberId)
  }
`);
