import { graphql } from '../../graphql';

/** The bell's view: the badge and the newest few (the dropdown). */
export const NotificationStatusQuery = graphql(`
  query NotificationStatus($first: Int!) {
    notifications(first: $first) {
      unreadCount
      items {
        id
        type
        title
        body
        link
        createdAt
        readAt
      }
    }
  }
`);

/** The full page: a cursor page, all or unread only. */
export const NotificationsPageQuery = graphql(`
  query NotificationsPage($first: Int!, $after: ID, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      unreadCount
      nextCursor
      items {
        id
        type
        title
        body
        link
        createdAt
        readAt
      }
    }
  }
`);

/** These notifications read, or (no ids) all of the reader's. */
export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);
