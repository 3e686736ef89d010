import type { ChannelsPageQuery } from '../../graphql/graphql';
import type { FieldErrors } from '../../utils/forms';
import type { Message } from '../../utils/message';

export type ChannelRow = ChannelsPageQuery['channels'][number];

/** What the channels page's action answers when it refuses: which form (and channel) the errors belong beside. */
export interface ChannelsActionData {
  intent: 'connect' | 'check' | 'updateToken' | 'disconnect' | 'setForwarding';
  channelId?: string;
  ok: false;
  fieldErrors?: FieldErrors;
  formError?: Message;
  /** What the connect form had, to fill it back in (never the token). */
  values?: { name?: string; phoneNumberId?: string; wabaId?: string; url?: string };
}

/** Reply forwarding's signing secret, answered in place the one time it is made. */
export interface ForwardingSecretData {
  intent: 'setForwarding';
  ok: true;
  secret: string;
}
