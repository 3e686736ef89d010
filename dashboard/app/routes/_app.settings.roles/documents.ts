import { graphql } from '../../graphql';

export const RolesPageQuery = graphql(`
  query RolesPage {
    roles {
      id
      key
      name
      builtIn
      permissions
      memberCount
    }
  }
`);

export const CreateRoleMutation = graphql(`
  mutation CreateRole($input: CreateRoleInput!) {
    createRole(input: $input) {
      id
      name
    }
  }
`);

export const UpdateRoleMutation = graphql(`
  mutation UpdateRole($input: UpdateRoleInput!) {
    updateRole(input: $input) {
      id
      name
    }
  }
`);

export const DeleteRoleMutation = graphql(`
  mutation DeleteRole($roleId: ID!) {
    deleteRole(roleId: $roleId)
  }
`);
