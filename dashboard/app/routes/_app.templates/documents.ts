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
  query TemplatesPage($channelId: ID, $first: Int!) {
    templates(channelId: $channelId, first: $first) {
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
`);

export const SyncTemplatesMutation = graphql(`
  mutation SyncTemplates($channelId: ID!) {
    syncTemplates(channelId: $channelId)
  }
`);
