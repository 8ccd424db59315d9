import { z } from 'zod';

/**
 * The "today" home: every module contributes "things that need you" for the signed-in user, each with a
 * priority, a due time in the district's clock, a link into the module and a count. GET /api/home orders them.
 *
 * | method | path                   | permission | what |
 * |--------|------------------------|------------|------|
 * | GET    | /home                  | signed in  | My needs, most urgent first → HomePage |
 *
 * Live: the home listens to the live stream and reloads on the events in HOME_LIVE_EVENTS.
 */

export const NEED_PRIORITIES = ['urgent', 'high', 'normal', 'info'] as const;
export type NeedPriority = (typeof NEED_PRIORITIES)[number];

/** What the web can do from the item itself, besides following its link. */
export const needAction = z.object({ kind: z.literal('remind_plan'), planId: z.uuid(), remindedAt: z.iso.datetime().nullable() });

/** One thing that needs the user. */
export const needItem = z.object({
  key: z.string().describe('Provider id, unique in a page (module.what, with a record id when one item per record)'),
  module: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  count: z.number().int(),
  priority: z.enum(NEED_PRIORITIES),
  dueAt: z.iso.datetime().nullable().describe('When it is due or since when it waits'),
  dueLabel: z.string().nullable().describe('The due time in the district\'s clock, as shown'),
  link: z.string(),
  action: needAction.nullable(),
});
export type NeedItem = z.infer<typeof needItem>;

/** GET /home. */
export const homePage = z.object({
  today: z.string().describe('Today in the district, YYYY-MM-DD'),
  timeZone: z.string(),
  items: z.array(needItem),
});
export type HomePage = z.infer<typeof homePage>;

/** Live event types after which a home reloads its needs. */
export const HOME_LIVE_EVENTS = ['needs.changed', 'tip.life_safety', 'tip.acknowledged', 'notice.presence', 'alert.announced', 'alert.cleared'] as const;
