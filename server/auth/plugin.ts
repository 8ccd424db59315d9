import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { maySee, PERMISSION_CATEGORY, type DataCategory } from '../../common/need-to-know.js';
import type { Permission } from '../../common/permissions.js';
import { AppError } from '../lib/errors.js';
import { hashToken } from '../lib/ids.js';
import type { ServiceContext } from '../lib/context.js';
import { requirePermission } from './access.js';
import { CSRF_COOKIE, CSRF_HEADER } from './csrf.js';
import { loadSession, mustEnrolMfa, type LoadedSession } from './sessions.js';

export const SESSION_COOKIE = 'sro_session';

/**
 * Who may call a route: `public` anyone; `pending` a session that has not finished sign-in (MFA step,
 * MFA enrolment required by policy); `user` (the default) a fully signed-in user.
 */
export type RouteAccess = 'public' | 'pending' | 'user';

declare module 'fastify' {
  interface FastifyRequest {
    session: LoadedSession | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    permission?: Permission;
    /**
     * The category of data the route returns (common/need-to-know.ts). Defaults to its permission's category; a route
     * without a permission must declare one (`self` for self-service), public and sign-in routes default to public/self.
     */
    category?: DataCategory;
    /** Media type of a download whose path does not say it, for the API description. */
    produces?: string;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One API route as the access checks see it; the authorization tests walk this table. */
export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess;
  permission?: Permission;
  /** The category of data the route returns: what the need-to-know check and docs/PRIVACY.md read. */
  category: DataCategory;
  /** Media types of a raw-body upload route (server/lib/input.ts). */
  uploadTypes?: readonly string[];
  /** Media type of a download route whose path does not say it (server/lib/openapi.ts). */
  produces?: string;
  /** The list's name when it also answers as CSV (`?format=csv`, server/modules/exports). */
  csvList?: string;
}

/** Every /api route with its access and permission, filled as routes are registered. */
export const routeTable = new WeakMap<FastifyInstance, RouteInfo[]>();

/**
 * True for a request routed to an API route (or to no route under /api/). Decided by the matched route,
 * not the raw URL: the router decodes `%61pi/...` to `/api/...`, which must not skip the CSRF check.
 */
function isApiRequest(request: FastifyRequest): boolean {
  const routeUrl = request.routeOptions.url;
  return routeUrl ? routeUrl.startsWith('/api/') : request.url.startsWith('/api/');
}

/**
 * The category of data a route returns: declared, else its permission's, else public (public routes) or the caller's
 * own (sign-in steps). A signed-in route with neither refuses to start the app: it cannot ship unclassified.
 */
function categoryOf(method: string | string[], url: string, access: RouteAccess, permission?: Permission, declared?: DataCategory): DataCategory {
  if (declared) return declared;
  if (permission) return PERMISSION_CATEGORY[permission];
  if (access === 'public') return 'public';
  if (access === 'pending') return 'self';
  throw new Error(`Route ${String(method)} ${url} declares no data category: add config.category (common/need-to-know.ts)`);
}

/** Installs CSRF checking, session loading and the route-level access and permission checks. */
export function installAuth(app: FastifyInstance): void {
  app.decorateRequest('session', null);
  const table: RouteInfo[] = [];
  routeTable.set(app, table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    route.config ??= {};
    // The API description is public: it documents the API, it holds no data.
    if (route.url.startsWith('/api/docs')) route.config.access = 'public';
    const { access = 'user', permission } = route.config;
    const category = categoryOf(route.method, route.url, access, permission, route.config.category);
    route.config.category = category;
    if (permission && route.schema && !route.schema.hide) {
      route.schema.description = `${route.schema.description ?? ''}Requires the permission \`${permission}\`.`.trim();
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') table.push({ method, url: route.url, access, permission, category, uploadTypes: route.config.uploadTypes, produces: route.config.produces, csvList: route.config.csv?.list });
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!isApiRequest(request)) return;
    const { deps } = app;
    const cookieToken = request.cookies[CSRF_COOKIE];
    const token = request.cookies[SESSION_COOKIE];
    // The CSRF token is bound to the session cookie it came with (server/auth/csrf.ts).
    const binding = token ? hashToken(token) : '';
    if (!deps.csrf.valid(cookieToken, binding)) setCsrfCookie(reply, binding);
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (!deps.csrf.matches(cookieToken, typeof header === 'string' ? header : undefined, binding)) {
        throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header; reload the page and try again`);
      }
    }
    if (token) {
      request.session = await loadSession(deps.database.db, token, deps.clock.now());
      if (!request.session) clearSessionCookie(reply);
    }
  });

  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config;
    const access = config.access ?? 'user';
    // Only API routes are guarded: the web app's files (index.html, scripts, styles) must load before sign-in.
    if (access === 'public' || request.is404 || !isApiRequest(request)) return;
    const session = request.session;
    if (!session) throw new AppError('unauthenticated', 'Sign in to continue');
    if (access === 'user' && (session.mfaPending || mustEnrolMfa(session))) {
      throw new AppError('mfa_required', session.mfaPending
        ? 'Enter the code from your authenticator app to finish signing in'
        : 'Your district requires two-step sign-in for your role: set it up to continue');
    }
    if (access === 'user' && session.mustChangePassword && request.routeOptions.url !== '/api/auth/password') {
      throw new AppError('forbidden', 'Choose a new password to replace the temporary one first');
    }
    // The need-to-know table first (common/need-to-know.ts), then the permission: both answer 403.
    const { actor } = session;
    if (!maySee(actor.grants.map((g) => g.role), actor.organizationId !== null, config.category ?? 'public')) {
      throw new AppError('forbidden', `Your role does not see ${config.category ?? 'this'} data`);
    }
    if (config.permission) requirePermission(actor, config.permission);
  });
}

/** The service context of a signed-in request (routes with access `user` or `pending`). */
export function contextOf(request: FastifyRequest): ServiceContext {
  const session = request.session;
  if (!session) throw new AppError('unauthenticated', 'Sign in to continue');
  const { deps } = request.server;
  return { db: deps.database.db, actor: session.actor, requestId: request.id, clock: deps.clock, publicUrl: deps.config.publicUrl };
}

/** Sets the CSRF cookie: a fresh token bound to the session of `binding` (empty: no session). */
function setCsrfCookie(reply: FastifyReply, binding: string): void {
  const { config, csrf } = reply.server.deps;
  void reply.setCookie(CSRF_COOKIE, csrf.issue(binding), {
    path: '/', sameSite: 'strict', secure: config.secureCookies, httpOnly: false,
  });
}

/** Sets the session cookie, with a CSRF token bound to the new session. */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  const { config } = reply.server.deps;
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: 12 * 60 * 60,
  });
  setCsrfCookie(reply, hashToken(token));
}

/** Clears the session cookie; the CSRF token becomes one without a session. */
export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  setCsrfCookie(reply, '');
}
