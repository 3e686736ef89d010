import { graphql } from '../../graphql';

/** GraphQL documents of the campaign pages (list, editor, detail). Few fields per row: the API charges each. */

/** A campaign's counts by message status: its progress bar and figures (the list, the detail, the overview). */
export const CampaignCountsFields = graphql(`
  fragment CampaignCountsFields on CampaignCounts {
    total
    queued
    sending
    sent
    delivered
    read
    failed
    skipped
    unknown
  }
`);

export const CampaignsPageQuery = graphql(`
  query CampaignsPage($filter: CampaignsFilter, $after: String) {
    campaigns(filter: $filter, first: 20, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      items {
        id
        name
        status
        templateName
        cost
        scheduledAt
        createdAt
        counts {
          ...CampaignCountsFields
        }
      }
    }
  }
`);

export const CampaignFields = graphql(`
  fragment CampaignFields on CampaignView {
    id
    name
    status
    pauseReason
    pauseReasonText
    failReason
    channelId
    templateId
    templateName
    templateLanguage
    templateCategory
    variables {
      parameter
      source
      value
      fallback
    }
    audience {
      kind
      tags
      segmentId
    }
    headerMedia {
      source
      link
      fileId
      fileName
      mimeType
    }
    scheduledAt
    windowStart
    windowEnd
    timeZone
    price
    cost
    retargetOf
    startedAt
    completedAt
    createdAt
    counts {
      ...CampaignCountsFields
    }
  }
`);

export const CampaignQuery = graphql(`
  query Campaign($id: ID!) {
    campaign(id: $id) {
      ...CampaignFields
    }
  }
`);

export const CampaignChannelsQuery = graphql(`
  query CampaignChannels {
    channels {
      id
      name
      displayNumber
      phoneNumberId
      status
    }
  }
`);

export const CampaignTemplatesQuery = graphql(`
  query CampaignTemplates($channelId: ID) {
    templates(channelId: $channelId, first: 100) {
      edges {
        node {
          id
          name
          language
          category
          status
          components
          unsupported
        }
      }
    }
  }
`);

export const CampaignSegmentsQuery = graphql(`
  query CampaignSegments {
    segments {
      id
      name
    }
  }
`);

export const SampleContactQuery = graphql(`
  query CampaignSampleContact($filter: ContactFilter) {
    contacts(filter: $filter, first: 1) {
      edges {
        node {
          id
          name
          phone
          attributes {
            key
            value
          }
        }
      }
    }
  }
`);

export const EstimateCampaignQuery = graphql(`
  query EstimateCampaign($id: ID!) {
    estimateCampaign(id: $id) {
      matched
      suppressed
      invalid
      recipients
      category
      price
      cost
      available
      shortfall
      messagingLimit
      limitRemainingToday
      days
      exceedsSpread
    }
  }
`);

export const CreateCampaignMutation = graphql(`
  mutation CreateCampaign($input: CampaignDraftInput!) {
    createCampaign(input: $input) {
      id
    }
  }
`);

export const UpdateCampaignMutation = graphql(`
  mutation UpdateCampaign($id: ID!, $input: CampaignDraftInput!) {
    updateCampaign(id: $id, input: $input) {
      id
    }
  }
`);

export const SendTestMessageMutation = graphql(`
  mutation SendCampaignTest($id: ID!, $phone: String!) {
    sendTestMessage(id: $id, phone: $phone) {
      status
      errorCode
    }
  }
`);

export const StartCampaignMutation = graphql(`
  mutation StartCampaign($id: ID!, $todayOnly: Boolean! = false) {
    startCampaign(id: $id, todayOnly: $todayOnly) {
      id
    }
  }
`);

export const ScheduleCampaignMutation = graphql(`
  mutation ScheduleCampaign($id: ID!, $at: DateTimeISO!) {
    scheduleCampaign(id: $id, at: $at) {
      id
    }
  }
`);

export const PauseCampaignMutation = graphql(`
  mutation PauseCampaign($id: ID!) {
    pauseCampaign(id: $id) {
      id
    }
  }
`);

export const ResumeCampaignMutation = graphql(`
  mutation ResumeCampaign($id: ID!) {
    resumeCampaign(id: $id) {
      id
    }
  }
`);

export const CancelCampaignMutation = graphql(`
  mutation CancelCampaign($id: ID!) {
    cancelCampaign(id: $id) {
      id
    }
  }
`);

export const RetargetCampaignMutation = graphql(`
  mutation RetargetCampaign($id: ID!, $input: RetargetInput!) {
    retargetCampaign(id: $id, input: $input) {
      id
    }
  }
`);

// No timestamps: the API's campaignMessages hands raw SQL timestamps (strings) to DateTime and fails on them.
export const CampaignMessagesQuery = graphql(`
  query CampaignRecipients($campaignId: ID!, $status: CampaignMessageStatus, $errorCode: Int, $after: String) {
    campaignMessages(campaignId: $campaignId, status: $status, errorCode: $errorCode, first: 25, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      items {
        id
        phone
        status
        errorCode
        charged
      }
    }
  }
`);

export const CampaignTimelineQuery = graphql(`
  query CampaignTimeline($campaignId: ID!) {
    campaignTimeline(campaignId: $campaignId) {
      bucketSeconds
      points {
        at
        sent
        delivered
        read
        failed
      }
    }
  }
`);

export const CampaignRepliesQuery = graphql(`
  query CampaignReplies($campaignId: ID!) {
    campaignReplies(campaignId: $campaignId, first: 10) {
      totalCount
      items {
        id
        contactId
        phone
        name
        receivedAt
        ...ReplyMediaFields
      }
    }
  }
`);
