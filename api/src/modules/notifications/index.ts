/** The notifications module's public face: `notify` for every other module, the inbox for readers. */
export { notificationsModule } from './notifications.module';
export { NotificationsService, type Audience } from './notifications.service';
export { NotificationType, NOTIFICATION_TYPES } from './notification-types';
