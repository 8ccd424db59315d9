/* eslint-disable no-console */
/**
 * `npm run setup -- --district "Riverside ISD" --state TX --timezone America/Chicago --admin-email a@b.org
 * --admin-name "Ana Admin" [--leaid 4812345]`: creates the first district of an empty deployment and its
 * administrator, for scripted installs. The password comes from SETUP_ADMIN_PASSWORD or standard input (first
 * line), never from the command line (it would show in the process list and shell history). The administrator's
 * authenticator secret is printed once: the account is enrolled at once and the first sign-in asks for a code.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { DataDirLockedError } from '../../db/lock.js';
import { openConfiguredDatabase } from '../../db/open.js';
import { systemClock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { SecretBox } from '../../lib/secret-box.js';
import { newDistrictBody } from './setup.schemas.js';
import { setupFromCommandLine } from './setup.service.js';

const USAGE = `Usage: npm run setup -- --district <name> --state <NY|IL|TX|MI|CA|FL> --timezone <IANA zone>
                       --admin-email <e-mail> --admin-name <name> [--leaid <7-digit NCES id>]

  Creates the first district of an empty SRO Desk and its administrator; refuses when a district exists.
  The administrator's password is read from SETUP_ADMIN_PASSWORD, else from the first line of standard input
  (at least 12 characters). It is never taken from the command line.
  Prints the administrator's two-step sign-in secret and otpauth:// URL: add it to an authenticator app.
`;

/** Exit codes (sysexits): usage 64, invalid input 65, refused because a district exists 73. */
const EXIT = { usage: 64, invalid: 65, refused: 73 } as const;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Administrator password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(Buffer.from(chunk as Buffer));
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: {
        district: { type: 'string' }, state: { type: 'string' }, timezone: { type: 'string' }, leaid: { type: 'string' },
        'admin-email': { type: 'string' }, 'admin-name': { type: 'string' }, help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n`);
    console.error(USAGE);
    return EXIT.usage;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const missing = ['district', 'state', 'timezone', 'admin-email', 'admin-name'].filter((k) => !values[k]);
  if (missing.length) {
    console.error(`Missing ${missing.map((m) => `--${m}`).join(', ')}\n`);
    console.error(USAGE);
    return EXIT.usage;
  }
  const password = process.env.SETUP_ADMIN_PASSWORD ?? (await readStdin());
  const parsed = newDistrictBody.safeParse({
    districtName: values.district, state: values.state, timezone: values.timezone, leaid: values.leaid ?? null,
    adminEmail: values['admin-email'], adminName: values['admin-name'], adminPassword: password,
  });
  if (!parsed.success) {
    const flag: Record<string, string> = {
      districtName: '--district', state: '--state', timezone: '--timezone', leaid: '--leaid', adminEmail: '--admin-email',
      adminName: '--admin-name', adminPassword: 'password (SETUP_ADMIN_PASSWORD or standard input)',
    };
    for (const issue of parsed.error.issues) console.error(`${flag[String(issue.path[0])] ?? issue.path.join('.')}: ${issue.message}`);
    return EXIT.invalid;
  }
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const result = await setupFromCommandLine({ database, clock: systemClock, box: new SecretBox(config.sessionSecret) }, parsed.data);
    console.log([
      `District created: ${parsed.data.districtName} (${parsed.data.state}, ${parsed.data.timezone}), ${result.drillRules} drill rules of the state set.`,
      `Administrator: ${parsed.data.adminEmail} (system administrator of the district, operator of this deployment).`,
      '',
      'Two-step sign-in is on for this account. Add it to an authenticator app now; the first sign-in asks for a code:',
      `  secret:  ${result.secret}`,
      `  otpauth: ${result.otpauthUrl}`,
      '',
      `Then sign in at ${config.publicUrl}`,
    ].join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.field ? `${error.field}: ${error.message}` : error.message);
      return error.code === 'conflict' && !error.field ? EXIT.refused : EXIT.invalid;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof z.ZodError ? error.message : error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
