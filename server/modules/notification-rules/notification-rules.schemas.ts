export {
  notificationRuleBody, notificationRuleSchema, notificationRuleSetSchema, updateNotificationRuleBody,
  type NotificationRule, type NotificationRuleBody, type NotificationRuleSet, type UpdateNotificationRuleBody,
} from '../../../common/notification-rules.js';
