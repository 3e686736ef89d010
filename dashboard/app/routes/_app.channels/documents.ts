import { graphql } from '../../graphql';

export const ChannelsPageQuery = graphql(`
  query ChannelsPage {
    channels {
      id
      name
      phoneNumberId
      wabaId
      portfolioId
      displayNumber
      status
      statusReason
      quality
      throughput
      messagingLimit
      messagingLimitUsed
      messagingLimitRemaining
      subscribed
      checkedAt
      lastWebhookAt
      webhookSilent
      createdAt
    }
    replyForwarding {
      url
      enabled
    }
  }
`);

export const ConnectChannelMutation = graphql(`
  mutation ConnectChannel($input: ConnectChannelInput!) {
    connectChannel(input: $input) {
      id
      name
    }
  }
`);

export const CheckChannelMutation = graphql(`
  mutation CheckChannel($id: ID!) {
    checkChannel(id: $id) {
      id
      name
    }
  }
`);

export const UpdateChannelTokenMutation = graphql(`
  mutation UpdateChannelToken($id: ID!, $input: UpdateChannelInput!) {
    updateChannel(id: $id, input: $input) {
      id
      name
    }
  }
`);

export const DisconnectChannelMutation = graphql(`
  mutation DisconnectChannel($id: ID!) {
    disconnectChannel(id: $id)
  }
`);

export const SetReplyForwardingMutation = graphql(`
  mutation SetReplyForwarding($url: String!, $enabled: Boolean!, $rotateSecret: Boolean!) {
    setReplyForwarding(url: $url, enabled: $enabled, rotateSecret: $rotateSecret) {
      forwarding {
        url
        enabled
      }
      secret
    }
  }
`);
