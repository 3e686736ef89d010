import { useTranslation } from 'react-i18next';
import type { ContactRepliesQuery } from '../../graphql/graphql';
import { useDateTime } from '../../utils/use-date-time';
import { ReplyContent } from './reply-content';
import { Card } from '../ui/card';
import { Pagination } from '../ui/pagination';
import { Table, type Column } from '../ui/table';

export type ReplyRow = ContactRepliesQuery['contactReplies']['edges'][number]['node'];

/**
 * What the contact sent to the workspace's numbers, newest first (read-only: the portal does not chat), each as
 * `ReplyContent` shows it; `channels` names the number a reply came in on, when the reader may see channels.
 */
export function RepliesCard({
  replies,
  nextCursor,
  channels,
}: {
  replies: ReplyRow[];
  nextCursor: string | null;
  channels: Record<string, string>;
}) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const columns: Column<ReplyRow>[] = [
    {
      id: 'time',
      header: t('contacts.replies.time'),
      className: 'table__nowrap',
      cell: (reply) => <time dateTime={reply.receivedAt}>{dateTime(reply.receivedAt)}</time>,
    },
    {
      id: 'text',
      header: t('contacts.replies.text'),
      cell: (reply) => <ReplyContent reply={reply} />,
    },
    { id: 'kind', header: t('contacts.replies.kind'), className: 'table__mono', cell: (reply) => reply.type },
    {
      id: 'channel',
      header: t('contacts.replies.channel'),
      className: 'table__nowrap',
      cell: (reply) => (reply.channelId ? (channels[reply.channelId] ?? '—') : '—'),
    },
  ];
  return (
    <Card title={t('contacts.replies.title')} icon="list" className="card--flush">
      <Table
        caption={t('contacts.replies.title')}
        columns={columns}
        rows={replies}
        rowKey={(reply) => reply.id}
        empty={t('contacts.replies.empty')}
        testId="contact-replies"
      />
      <Pagination nextCursor={nextCursor} label={t('contacts.replies.title')} />
    </Card>
  );
}
