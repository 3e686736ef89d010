import { graphql } from '../../graphql';

/**
 * What a reply was and showed, asked for by every reply list (the contact's replies, a campaign's replies) through
 * the `ReplyMedia` interface both reply types implement; `ReplyContent` renders exactly these fields.
 */
export const ReplyMediaFields = graphql(`
  fragment ReplyMediaFields on ReplyMedia {
    type
    text
    caption
    fileName
    mimeType
    location {
      latitude
      longitude
      name
      address
    }
  }
`);
