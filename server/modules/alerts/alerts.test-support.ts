import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../common/roles.js';
import { auditEvents, alertSettings } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestAppOptions, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';

// Test support of the alerts and reunification modules: a district with two schools and people of each role.

/** The people of the test district, by short name: role and where the grant is (a school key or district). */
export const PEOPLE: Record<string, { role: Role; at: 'north' | 'south' | 'district' }> = {
  teacher: { role: 'staff', at: 'north' },
  teacher2: { role: 'staff', at: 'north' },
  southTeacher: { role: 'staff', at: 'south' },
  counselor: { role: 'counselor', at: 'north' },
  sro: { role: 'sro', at: 'north' },
  principal: { role: 'school_admin', at: 'north' },
  southPrincipal: { role: 'school_admin', at: 'south' },
  director: { role: 'director', at: 'district' },
  sysadmin: { role: 'sysadmin', at: 'district' },
};

/** A test district: app, schools, user ids and signed-in clients by short name. */
export interface AlertWorld {
  t: TestApp;
  districtId: string;
  north: { id: string; name: string };
  south: { id: string; name: string };
  ids: Record<string, string>;
  emails: Record<string, string>;
  as: Record<string, TestClient>;
}

/** Builds the app and the district; `cancelWindowSeconds` 0 makes alerts announce at once. */
export async function createAlertWorld(options: TestAppOptions & { cancelWindowSeconds?: number } = {}): Promise<AlertWorld> {
  const t = await createTestApp(options);
  const district = await createDistrict(t.database);
  const north = await createSchool(t.database, { districtId: district.id, name: 'North High' });
  const south = await createSchool(t.database, { districtId: district.id, name: 'South Middle' });
  await t.db.insert(alertSettings).values({ districtId: district.id, cancelWindowSeconds: options.cancelWindowSeconds ?? 0 });
  const ids: Record<string, string> = {};
  const emails: Record<string, string> = {};
  const as: Record<string, TestClient> = {};
  const tag = district.id.slice(0, 8);
  for (const [key, p] of Object.entries(PEOPLE)) {
    const schoolId = p.at === 'district' ? null : p.at === 'north' ? north.id : south.id;
    const email = `${key.toLowerCase()}.${tag}@alerts.test`;
    const user = await createUser(t.database, { email, name: key, districtId: district.id, grants: [{ role: p.role, schoolId }] });
    ids[key] = user.id;
    emails[key] = email;
    as[key] = t.client();
    await as[key].signIn(email);
  }
  return { t, districtId: district.id, north, south, ids, emails, as };
}

/** Audit events of a type about a subject. */
export async function auditOf(t: TestApp, type: string, subjectId: string) {
  return t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, type), eq(auditEvents.subjectId, subjectId)));
}

/** One Server-Sent Event as a client parsed it. */
export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
  receivedAt: number;
}

/** A live-stream client over a real socket: it parses events and lets tests wait for them. */
export interface SseClient {
  status: number;
  events: SseEvent[];
  /** The next event of `type` not yet taken (waits up to `timeoutMs`). */
  next(type: string, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

/** Listens on a random port of 127.0.0.1 (once) and answers the base URL. */
export async function listen(t: TestApp): Promise<string> {
  const address = t.app.server.address() as AddressInfo | null;
  if (!address) await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

/** Opens GET /api/live as the signed-in client, with Last-Event-ID when given. */
export function openStream(base: string, client: TestClient, lastEventId?: string): Promise<SseClient> {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { cookie, accept: 'text/event-stream' };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    const req = http.get(`${base}/api/live`, { headers }, (res) => {
      const events: SseEvent[] = [];
      const taken = new Set<SseEvent>();
      const waiters: (() => void)[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
          }
          if (fields.event) events.push({ id: fields.id ?? null, event: fields.event, data: fields.data ?? '', receivedAt: Date.now() });
        }
        for (const wake of waiters.splice(0)) wake();
      });
      const client: SseClient = {
        status: res.statusCode ?? 0,
        events,
        next(type, timeoutMs = 5000) {
          return new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`no ${type} event within ${timeoutMs} ms; got ${events.map((e) => e.event).join(', ')}`)), timeoutMs);
            const look = () => {
              const found = events.find((e) => e.event === type && !taken.has(e));
              if (found) {
                taken.add(found);
                clearTimeout(timer);
                done(found);
              } else waiters.push(look);
            };
            look();
          });
        },
        close: () => req.destroy(),
      };
      resolve(client);
    });
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
  });
}
