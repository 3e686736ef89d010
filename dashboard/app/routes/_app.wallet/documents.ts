import { graphql } from '../../graphql';

export const WalletPageQuery = graphql(`
  query WalletPage {
    wallet {
      balance
      held
      available
      debt
    }
  }
`);

// Its own request, so the wallet shows for a reader without PAYMENTS_READ.
export const PaymentOrdersQuery = graphql(`
  query WalletPaymentOrders($first: Int!, $after: String, $filter: PaymentOrderFilter) {
    paymentOrders(first: $first, after: $after, filter: $filter) {
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
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const CreateTopupMutation = graphql(`
  mutation CreateTopup($input: CreateTopupInput!) {
    createTopup(input: $input) {
      order {
        orderId
        status
        amount
      }
      snapToken
      redirectUrl
    }
  }
`);

export const CheckTopupMutation = graphql(`
  mutation CheckTopup($orderId: String!) {
    checkTopup(orderId: $orderId) {
      orderId
      status
      amount
    }
  }
`);
