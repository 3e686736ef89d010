import { graphql } from '../../graphql';

export const OverviewWalletQuery = graphql(`
  query OverviewWallet {
    wallet {
      balance
      available
      held
      debt
      lowBalanceThreshold
    }
  }
`);

export const OverviewPaymentsQuery = graphql(`
  query OverviewPayments($first: Int!) {
    paymentOrders(first: $first) {
      edges {
        node {
          id
          orderId
          status
          amount
          createdAt
          paidAt
        }
      }
    }
  }
`);

/** Campaigns on the overview: the live ones (running, paused, scheduled) and the latest finished ones, with counts. */
export const OverviewCampaignsQuery = graphql(`
  query OverviewCampaigns($first: Int!) {
    live: campaigns(filter: { statuses: [RUNNING, PAUSED, SCHEDULED] }, first: $first) {
      items {
        ...OverviewCampaign
      }
    }
    finished: campaigns(filter: { statuses: [COMPLETED, FAILED, CANCELLED] }, first: $first) {
      items {
        ...OverviewCampaign
      }
    }
  }
  fragment OverviewCampaign on CampaignView {
    id
    name
    status
    pauseReasonText
    scheduledAt
    completedAt
    cost
    counts {
      ...CampaignCountsFields
    }
  }
`);

/** The overview's message statistics: today, 7 and 30 days, and the daily series its chart draws. */
export const OverviewStatisticsQuery = graphql(`
  query OverviewStatistics($days: Int!) {
    messageStatistics {
      timeZone
      today {
        ...OverviewPeriod
      }
      last7Days {
        ...OverviewPeriod
      }
      last30Days {
        ...OverviewPeriod
      }
      daily(days: $days) {
        day
        sent
        delivered
        read
        failed
        spend
      }
    }
  }
  fragment OverviewPeriod on MessagePeriodStatistics {
    sent
    delivered
    read
    failed
    deliveryRate
    readRate
    spend
  }
`);
