import type { IdentityServices } from '../identity';
import { defineModule } from '../manifest';
import { Migration20261201090000Notifications } from './migrations/20261201-090000-notifications';
import { Notification } from './notification.entity';
import { NotificationType } from './notification-types';
import * as notificationsSql from './notifications.sql';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

export const notificationsModule = defineModule<
  'notifications',
  { notifications: NotificationsService },
  { identity: IdentityServices }
>({
  name: 'notifications',
  requires: ['identity'],
  entities: [Notification],
  migrations: [{ name: 'Migration20261201090000Notifications', class: Migration20261201090000Notifications }],
  statements: Object.values(notificationsSql),
  resolvers: [NotificationsResolver],
  services: ({ clock }, { identity }) => {
    const notifications = new NotificationsService(identity.members, clock);
    // A sign-in from a device the account never used: told to its owner in every workspace it belongs to.
    identity.auth.onNewDevice(async (em, { userId, workspaceIds, device, ip }) => {
      for (const workspaceId of workspaceIds) {
        await notifications.notify(
          em,
          workspaceId,
          NotificationType.NEW_DEVICE_SIGN_IN,
          { device, ip },
          { userIds: [userId] },
        );
      }
    });
    return { notifications };
  },
});
