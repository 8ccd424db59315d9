import { request, type APIRequestContext } from 'playwright-core';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'srodesk-demo';

/** An API session of one user, for preparing data a spec needs (its own users, for example). */
export interface ApiSession {
  /** POST with the CSRF header; throws unless the answer is 2xx; returns the parsed JSON body. */
  post<T>(path: string, body?: unknown): Promise<T>;
  /** PATCH with the CSRF header; throws unless the answer is 2xx; returns the parsed JSON body. */
  patch<T>(path: string, body: unknown): Promise<T>;
  /** PUT with the CSRF header; throws unless the answer is 2xx; returns the parsed JSON body. */
  put<T>(path: string, body: unknown): Promise<T>;
  /** GET; throws unless the answer is 2xx; returns the parsed JSON body. */
  get<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

/** Signs in through the API (no browser) as `email`: a demo account unless `password` is given. */
export async function apiSession(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const context: APIRequestContext = await request.newContext({ baseURL: baseUrl });
  await context.get('/api/health');
  // The CSRF token is bound to the session: sign-in issues a new one, so every request reads the current cookie.
  const csrf = async () => {
    const token = (await context.storageState()).cookies.find((c) => c.name === 'sro_csrf')?.value;
    if (!token) throw new Error('no CSRF cookie from the server');
    return { 'x-csrf-token': token };
  };
  const check = async <T>(what: string, res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> => {
    if (!res.ok()) throw new Error(`${what} answered ${res.status()}: ${await res.text()}`);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
  await check('sign-in', await context.post('/api/auth/sign-in', { data: { email, password }, headers: await csrf() }));
  return {
    post: async (path, body = {}) => check(`POST ${path}`, await context.post(`/api${path}`, { data: body, headers: await csrf() })),
    patch: async (path, body) => check(`PATCH ${path}`, await context.patch(`/api${path}`, { data: body, headers: await csrf() })),
    put: async (path, body) => check(`PUT ${path}`, await context.put(`/api${path}`, { data: body, headers: await csrf() })),
    get: async (path) => check(`GET ${path}`, await context.get(`/api${path}`)),
    close: () => context.dispose(),
  };
}

/** A user created for one spec: its id, e-mail and temporary password. */
export interface CreatedUser {
  id: string;
  email: string;
  name: string;
  temporaryPassword: string;
}

let counter = 0;

/** An e-mail address no other spec or run uses (the server of a run is shared by every spec). */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@e2e.test`;
}

/** Creates a user as the demo system administrator, with the given role grants (district-wide staff by default). */
export async function createUser(
  baseUrl: string,
  options: { prefix: string; name: string; grants?: { role: string; schoolId: string | null }[] },
): Promise<CreatedUser> {
  const admin = await apiSession(baseUrl, 'sysadmin@demo.test');
  try {
    const email = uniqueEmail(options.prefix);
    const created = await admin.post<{ user: { id: string; email: string; name: string }; temporaryPassword: string }>('/users', {
      email,
      name: options.name,
      grants: options.grants ?? [{ role: 'staff', schoolId: null }],
    });
    return { id: created.user.id, email: created.user.email, name: created.user.name, temporaryPassword: created.temporaryPassword };
  } finally {
    await admin.close();
  }
}
