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

export const AddMemberMutation = graphql(`
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      temporaryPassword
      member {
        id
        user {
          email
          name
        }
      }
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
