import type { CsrfTokens } from '../auth/csrf.js';
import type { AppConfig } from '../config.js';
import type { Database } from '../db/connection.js';
import type { Clock } from './clock.js';
import type { Mailer } from './mailer.js';
import type { SmsProvider } from './sms.js';
import type { WebPushSender } from './webpush.js';
import type { SecretBox } from './secret-box.js';

/**
 * What every route and service can reach through `app.deps`. Kept apart from `app.ts` so services that take
 * it (auth, users) do not import the module that imports them.
 */
export interface AppDeps {
  config: AppConfig;
  database: Database;
  clock: Clock;
  box: SecretBox;
  csrf: CsrfTokens;
  mailer: Mailer;
  /** Text messages (SMS_PROVIDER); null when not configured. */
  sms: SmsProvider | null;
  /** Web Push (VAPID keys from the config or generated into the data folder). */
  push: WebPushSender;
}
