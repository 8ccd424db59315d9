import { scopeOf, type Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import * as repo from './education.repository.js';

// Record-level access to classes: a class outside the actor's reach reads exactly like a missing one.

/** One class of the actor's district within `scope` (and of `requestedBy` when given), or undefined. */
export async function readClass(db: Db, ctx: ServiceContext, scope: Scope, id: string, requestedBy?: string) {
  const { rows } = await repo.findClasses(db, ctx.actor.districtId, scope, { id, requestedBy, limit: 1, offset: 0 });
  return rows[0];
}

/** A class at a school where the actor teaches (education.manage). */
export async function managedClass(ctx: ServiceContext, id: string) {
  const row = await readClass(ctx.db, ctx, scopeOf(ctx.actor, 'education.manage'), id);
  if (!row) throw notFound('Class');
  return row;
}

/** A class at a school where the actor reads classes (education.read). */
export async function readableClass(ctx: ServiceContext, id: string) {
  const row = await readClass(ctx.db, ctx, scopeOf(ctx.actor, 'education.read'), id);
  if (!row) throw notFound('Class');
  return row;
}

/** A request the actor made, at a school where they still request classes; anyone else's reads as absent. */
export async function ownRequest(ctx: ServiceContext, id: string) {
  const row = await readClass(ctx.db, ctx, scopeOf(ctx.actor, 'education.request'), id, ctx.actor.userId);
  if (!row) throw notFound('Class request');
  return row;
}
