// A child process of bench/tips.ts and of the tip flood of bench/hardening.ts: on one prepared database handle,
// the whole app and a bare Fastify route that writes the same tip row (an argon2id passphrase hash and a SHA-256
// code hash, as the service stores them) with the same driver. It answers both ports over IPC and stops on 'close'.
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { buildApp } from '../../server/app.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { openPglite, openPostgres, type Database } from '../../server/db/connection.js';
import { tips } from '../../server/db/schema/index.js';
import { codeHash, newPassphrase, newTipCode } from '../../server/modules/tips/tips.anonymity.js';
import { testConfig } from '../../server/test/app.js';

const [target, districtId] = process.argv.slice(2);
const database: Database = target!.startsWith('postgres') ? openPostgres(target!) : await openPglite({ dataDir: target });
// RATE_LIMIT_SCALE in the environment (the tip-flood benchmark: 1, the real budgets) replaces the tests' loose one.
const scale = process.env.RATE_LIMIT_SCALE;
const app = await buildApp({ config: testConfig(scale ? { RATE_LIMIT_SCALE: scale } : {}), database, logger: false });
const bare = Fastify({ logger: false });
let count = 0;
bare.post<{ Body: { schoolId: string; category: 'bullying'; description: string } }>('/tips', async (request, reply) => {
  const code = newTipCode();
  const passphrase = newPassphrase();
  const passphraseHash = await hashPassword(passphrase);
  const now = new Date();
  await database.db.insert(tips).values({
    districtId: districtId!, schoolId: request.body.schoolId, number: `B-${process.pid}-${++count}`, codeHash: codeHash(code), passphraseHash,
    category: request.body.category, description: request.body.description, createdAt: now, updatedAt: now,
  });
  return reply.code(201).send({ code, passphrase, lifeSafety: false });
});
await app.listen({ port: 0, host: '127.0.0.1' });
await bare.listen({ port: 0, host: '127.0.0.1' });
process.send!({
  type: 'listening', app: (app.server.address() as AddressInfo).port, bare: (bare.server.address() as AddressInfo).port,
});
process.on('message', (msg: { type: string }) => {
  if (msg.type !== 'close') return;
  void (async () => {
    await bare.close();
    await app.close();
    await database.close();
  })().finally(() => process.exit(0));
});
