import { graphql } from '../../graphql';

export const TemplateChannelsQuery = graphql(`
  query TemplateChannels {
    channels {
      id
      name
      displayNumber
      phoneNumberId
      wabaId
    }
  }
`);

export const TemplatesPageQuery = graphql(`
  query TemplatesPage($channelId: ID, $first: Int!, $after: String) {
    templates(channelId: $channelId, first: $first, after: $after) {
      edges {
        node {
          id
          name
          language
          category
          parameterFormat
          status
          quality
          components
          unsupported
          syncedAt
          wabaId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
      lastSyncedAt
    }
  }
`);

export const SyncTemplatesMutation = graphql(`
  mutation SyncTemplates($channelId: ID!) {
    syncTemplates(channelId: $channelId)
  }
`);
