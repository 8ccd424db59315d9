/** A database that cannot be used, with the cause named for an operator; `code` is stable for scripts and logs. */
export class DatabaseConnectError extends Error {
  constructor(readonly code: string, message: string, readonly detail?: string) {
    super(message);
  }
}

/** The URL without its password, safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/** Refuses a DATABASE_URL that is not PostgreSQL before any connection is tried. */
export function checkDatabaseUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseConnectError('DB_URL_INVALID', 'DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseConnectError(
      'DB_URL_SCHEME',
      `DATABASE_URL uses ${parsed.protocol.replace(/:$/, '')}://, but SRO Desk needs PostgreSQL: postgres://user:password@host:5432/database`,
    );
  }
}

function causeChain(error: unknown): { code?: string; message?: string; errors?: unknown[] }[] {
  const chain: { code?: string; message?: string; errors?: unknown[] }[] = [];
  let current = error as { code?: string; message?: string; cause?: unknown; errors?: unknown[] } | undefined;
  for (let i = 0; current && i < 5; i++) {
    chain.push(current);
    for (const inner of current.errors ?? []) chain.push(inner as { code?: string });
    current = current.cause as typeof current;
  }
  return chain;
}

/** Turns a driver error met while connecting into a DatabaseConnectError that says what to fix. */
export function explainConnectionError(error: unknown, url: string, timeoutSeconds: number): DatabaseConnectError {
  if (error instanceof DatabaseConnectError) return error;
  const where = redactUrl(url);
  let host = 'the database host';
  let database = 'the database';
  let user = 'the user';
  try {
    const parsed = new URL(url);
    host = `${parsed.hostname}:${parsed.port || '5432'}`;
    database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.username;
    user = decodeURIComponent(parsed.username) || 'the user';
  } catch {
    // checkDatabaseUrl ran first; keep the generic words
  }
  const codes = causeChain(error).map((e) => e.code).filter((c): c is string => typeof c === 'string');
  const has = (...wanted: string[]) => codes.find((c) => wanted.includes(c));
  const detail = causeChain(error).map((e) => e.message).filter(Boolean).join(' / ');
  let code: string | undefined;
  if ((code = has('ECONNREFUSED'))) {
    return new DatabaseConnectError(code, `Connection refused by ${host}: is PostgreSQL running and listening on that port? (${where})`, detail);
  }
  if ((code = has('ENOTFOUND', 'EAI_AGAIN'))) {
    return new DatabaseConnectError(code, `The database host ${host} is unknown (DNS lookup failed). Check the host name in DATABASE_URL (${where}).`, detail);
  }
  if ((code = has('CONNECT_TIMEOUT', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'))) {
    return new DatabaseConnectError(code, `The database host ${host} is unreachable (no answer within ${timeoutSeconds} s). Check the address, firewall and network (${where}).`, detail);
  }
  if ((code = has('28P01'))) {
    return new DatabaseConnectError(code, `PostgreSQL refused the password of ${user} (authentication failed). Check the user and password in DATABASE_URL.`, detail);
  }
  if ((code = has('28000'))) {
    return new DatabaseConnectError(code, `PostgreSQL refused the user ${user} (no such role, or pg_hba.conf does not allow it): ${detail}`, detail);
  }
  if ((code = has('3D000'))) {
    return new DatabaseConnectError(code, `The database "${database}" does not exist on ${host}. Create it first: createdb ${database} (or CREATE DATABASE).`, detail);
  }
  if ((code = has('42501'))) {
    return new DatabaseConnectError(code, `The user ${user} lacks a privilege SRO Desk needs on "${database}": ${detail}`, detail);
  }
  return new DatabaseConnectError(codes[0] ?? 'DB_CONNECT_FAILED', `Could not use the database at ${where}: ${detail || String(error)}`, detail);
}
