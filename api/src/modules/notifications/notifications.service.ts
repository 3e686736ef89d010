import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock';
import { newId } from '../../core/ids';
import { translate, type Language } from '../../core/messages';
import { query, execute } from '../../db/sql';
import type { MembersService, Permission } from '../identity';
import { checkParams, displayParams, linkOf, NotificationType, type NotificationParams } from './notification-types';
import {
  COUNT_UNREAD,
  INSERT_NOTIFICATIONS,
  INSERT_NOTIFICATIONS_MANY,
  MARK_READ,
  MEMBERS_OF_WORKSPACES,
  PAGE_NOTIFICATIONS,
} from './notifications.sql';

/** Who receives a notification: named people, the members holding a permission, or everyone. */
export type Audience = { userIds: string[] } | { permission: Permission } | { everyone: true };

export interface RenderedNotification {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string;
  params: NotificationParams;
  createdAt: Date;
  readAt: Date | null;
}

const LOCALES: Record<Language, string> = { en: 'en-US', id: 'id-ID' };

/**
 * The platform's notification service. Every module calls `notify` (payments, campaigns,
 * low balance, security) inside its own transaction, so a notification exists exactly when
 * the event it reports was committed.
 */
export class NotificationsService {
  constructor(
    private readonly members: MembersService,
    private readonly clock: Clock,
  ) {}

  async notify(
    em: EntityManager,
    workspaceId: string,
    type: NotificationType,
    params: NotificationParams,
    audience: Audience,
  ): Promise<number> {
    checkParams(type, params);
    const userIds =
      'userIds' in audience
        ? [...new Set(audience.userIds)]
        : await this.members.memberUserIds(em, workspaceId, 'permission' in audience ? audience.permission : undefined);
    if (userIds.length === 0) return 0;
    await execute(em, INSERT_NOTIFICATIONS, [
      workspaceId,
      userIds.map(() => newId()),
      userIds,
      type,
      JSON.stringify(params),
      this.clock.now(),
    ]);
    return userIds.length;
  }

  /**
   * Many notifications of one type, each to the members of its workspace holding `permission`
   * (a batch of payments of many workspaces): two statements whatever the count, in `em`'s
   * transaction like `notify`. Returns how many rows were written.
   */
  async notifyMany(
    em: EntityManager,
    type: NotificationType,
    items: { workspaceId: string; params: NotificationParams }[],
    permission: Permission,
  ): Promise<number> {
    if (items.length === 0) return 0;
    items.forEach((item) => checkParams(type, item.params));
    const workspaceIds = [...new Set(items.map((item) => item.workspaceId))];
    const members = new Map<string, string[]>();
    for (const row of await query(em, MEMBERS_OF_WORKSPACES, [workspaceIds, permission])) {
      members.set(row.workspace_id, [...(members.get(row.workspace_id) ?? []), row.user_id]);
    }
    const rows: string[][] = [[], [], [], []];
    for (const item of items) {
      const params = JSON.stringify(item.params);
      for (const userId of new Set(members.get(item.workspaceId))) {
        [newId(), item.workspaceId, userId, params].forEach((value, column) => rows[column]!.push(value));
      }
    }
    if (rows[0]!.length === 0) return 0;
    await execute(em, INSERT_NOTIFICATIONS_MANY, [...rows, type, this.clock.now()]);
    return rows[0]!.length;
  }

  async page(
    em: EntityManager,
    reader: { workspaceId: string; userId: string; language: Language },
    options: { after?: string; unreadOnly: boolean; limit: number },
  ) {
    const rows = await query(em, PAGE_NOTIFICATIONS, [
      reader.workspaceId,
      reader.userId,
      options.after ?? null,
      options.unreadOnly,
      options.limit + 1,
    ]);
    const [{ count: unreadCount } = { count: 0 }] = await query(em, COUNT_UNREAD, [reader.workspaceId, reader.userId]);
    const items = rows.slice(0, options.limit).map((row) => this.render(row, reader.language));
    return {
      items,
      unreadCount,
      nextCursor: rows.length > options.limit ? items[items.length - 1]?.id : undefined,
    };
  }

  async unreadCount(em: EntityManager, workspaceId: string, userId: string): Promise<number> {
    const [row] = await query(em, COUNT_UNREAD, [workspaceId, userId]);
    return row?.count ?? 0;
  }

  /** Marks the reader's own notifications read (these ids, or all of them); returns how many changed. */
  async markRead(em: EntityManager, workspaceId: string, userId: string, ids?: string[]): Promise<number> {
    const result = await execute(em, MARK_READ, [workspaceId, userId, this.clock.now(), ids ?? null]);
    return result.rowCount;
  }

  /** Text in the reader's language, from the type and parameters (never stored translated). */
  private render(
    row: { id: string; type: string; params: NotificationParams; created_at: Date; read_at: Date | null },
    language: Language,
  ): RenderedNotification {
    const type = row.type as NotificationType;
    const shown = displayParams(type, row.params, LOCALES[language], language);
    return {
      id: row.id,
      type,
      title: translate(language, `notifications.${type}.title`, shown),
      body: translate(language, `notifications.${type}.body`, shown),
      link: linkOf(type, row.params),
      params: row.params,
      createdAt: new Date(row.created_at),
      readAt: row.read_at ? new Date(row.read_at) : null,
    };
  }
}
