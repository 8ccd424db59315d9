import type { Actor } from '../auth/access.js';
import type { Db } from '../db/connection.js';
import type { Clock } from './clock.js';

/** What a service call knows about its caller and its surroundings. */
export interface ServiceContext {
  db: Db;
  actor: Actor;
  requestId: string;
  clock: Clock;
  /** The address users open (links in e-mail and notifications). */
  publicUrl?: string;
}
