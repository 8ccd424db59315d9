// temporary profiling of the leaving notice (not committed)
import path from 'node:path';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { buildApp } from '../server/app.js';
import { createSession } from '../server/auth/sessions.js';
import { openPglite } from '../server/db/connection.js';
import { roleGrants, sroAssignments, users } from '../server/db/schema/index.js';
import { testConfig } from '../server/test/app.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict, createSchool } from '../server/test/fixtures.js';
const dir = path.join(TEST_TMP, `prof-${process.pid}`);
const database = await openPglite({ dataDir: dir });
await database.migrate();
const { db } = database;
const district = await createDistrict(database);
const school = await createSchool(database, { districtId: district.id, name: 'B' });
const tag = randomBytes(4).toString('hex');
const inserted = await db.insert(users).values(Array.from({ length: 301 }, (_, i) => ({ districtId: district.id, email: `b-${tag}-${i}@n.test`, name: `S ${i}`, passwordHash: 'x' }))).returning({ id: users.id });
await db.insert(roleGrants).values(inserted.map((u, i) => ({ userId: u.id, role: i === 0 ? ('sro' as const) : ('staff' as const), schoolId: school.id })));
await db.insert(sroAssignments).values({ userId: inserted[0]!.id, schoolId: school.id, kind: 'primary', startsOn: '2020-01-01' });
const cookie = `sro_session=${await createSession(db, inserted[0]!.id, false, new Date())}`;
const app = await buildApp({ config: testConfig({ DATA_DIR: path.join(dir, 'files') }), database, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const health = await fetch(`${base}/api/health`, { headers: { cookie } });
const csrf = health.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sro_csrf='))!;
const headers = { 'content-type': 'application/json', cookie: `${csrf}; ${cookie}`, 'x-csrf-token': csrf.slice(9) };
let open: string | null = null;
for (let r = 0; r < 8; r++) {
  const t0 = performance.now();
  const res = open ? await fetch(`${base}/api/presence/${open}/return`, { method: 'POST', headers: { cookie: headers.cookie, 'x-csrf-token': headers['x-csrf-token'] } })
    : await fetch(`${base}/api/presence/leave`, { method: 'POST', headers, body: JSON.stringify({ schoolId: school.id, reason: 'Call', expectedReturnAt: new Date(Date.now() + 3_600_000).toISOString(), backupContact: 'Dispatch' }) });
  const body = await res.json() as { id: string; returnedAt: string | null };
  console.log(open ? 'return' : 'leave', res.status, (performance.now() - t0).toFixed(1), 'ms');
  open = body.returnedAt ? null : body.id;
}
for (let r = 0; r < 3; r++) { const t0 = performance.now(); await fetch(`${base}/api/presence`, { headers: { cookie } }); console.log('GET presence', (performance.now() - t0).toFixed(1)); }
await app.close(); await database.close(); rmSync(dir, { recursive: true, force: true });
