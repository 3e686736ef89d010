import type { TestApi } from './api';
import type { TestMember } from './identity';

export interface Notice {
  type: string;
  title: string;
  body: string;
  link: string;
}

const INBOX = `query { notifications(first: 100) { items { type title body link } } }`;

/** A member's notifications (newest first) through the API, in a language; only those of `type` if given. */
export async function inboxOf(api: TestApi, member: TestMember, type?: string, language = 'en'): Promise<Notice[]> {
  const { body } = await api.graphql<{ notifications: { items: Notice[] } }>(
    INBOX,
    {},
    { authorization: `Bearer ${member.sessionToken}`, 'accept-language': language },
  );
  if (!body.data) throw new Error(`notifications refused: ${JSON.stringify(body.errors)}`);
  return body.data.notifications.items.filter((item) => !type || item.type === type);
}

/** How many notifications of `type` each member has, by the member's label. */
export async function countsOf(
  api: TestApi,
  members: Record<string, TestMember>,
  type: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [label, member] of Object.entries(members)) counts[label] = (await inboxOf(api, member, type)).length;
  return counts;
}
