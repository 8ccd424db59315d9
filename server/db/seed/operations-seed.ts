import type { PgTable } from 'drizzle-orm/pg-core';
import { formatWorkOrderNumber } from '../../modules/work-orders/work-orders.policy.js';
import type { Db } from '../connection.js';
import { nextNumber } from '../counters.js';
import {
  activityEntries, patrolCheckItems, patrolCheckResults, patrolCheckRuns, patrolChecklists, patrolEntries, workOrders, type calls,
} from '../schema/index.js';
import type { DemoData } from './model.js';
import { generateOperations, type Operations } from './operations.js';

/**
 * Inserts the demo's operations. Work orders of failed checks take their numbers from the district's counter, oldest
 * first, so they follow any the seed opened before and the next one opened in the app continues the sequence.
 */
export async function seedOperations(
  tx: Db, data: DemoData, callRows: readonly (typeof calls.$inferInsert)[],
  insertAll: (tx: Db, table: PgTable, values: Record<string, unknown>[]) => Promise<void>,
): Promise<Operations> {
  const ops = generateOperations(data, callRows);
  const numbered = [];
  for (const order of [...ops.workOrders].sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime())) {
    const year = (order.createdAt as Date).getUTCFullYear();
    numbered.push({ ...order, number: formatWorkOrderNumber(year, await nextNumber(tx, data.district.id, 'work_order', year)) });
  }
  for (const [table, values] of [
    [patrolEntries, ops.patrols], [patrolChecklists, ops.checklists], [patrolCheckItems, ops.items], [patrolCheckRuns, ops.runs],
    [workOrders, numbered], [patrolCheckResults, ops.results], [activityEntries, ops.activity],
  ] as [PgTable, Record<string, unknown>[]][]) await insertAll(tx, table, values);
  return ops;
}
