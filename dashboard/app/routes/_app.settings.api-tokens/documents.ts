import { graphql } from '../../graphql';

export const ApiTokensPageQuery = graphql(`
  query ApiTokensPage {
    apiTokens {
      id
      name
      prefix
      permissions
      createdAt
      lastUsedAt
      revokedAt
      createdBy {
        id
        name
      }
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        id
        name
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);
