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
