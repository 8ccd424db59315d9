import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('uses the embedded database in ./data by default and keeps a generated secret there', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'srodesk-config-'));
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8')).toBe(config.sessionSecret);
    // the same secret is read back on the next start, so sessions and sealed secrets survive restarts
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
  });

  it('refuses bad values and names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url', SESSION_SECRET: 'x'.repeat(40) })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
  });

  it('reads the SMS provider and requires the HTTP provider\'s URL, account, token and sender', () => {
    const secret = { SESSION_SECRET: 'x'.repeat(40) };
    expect(loadConfig(secret).sms).toBeUndefined();
    expect(loadConfig({ ...secret, SMS_PROVIDER: 'email-gateway' }).sms).toEqual({ provider: 'email-gateway' });
    expect(() => loadConfig({ ...secret, SMS_PROVIDER: 'http', SMS_URL: 'https://api.example.test/Messages.json' })).toThrow(/SMS_ACCOUNT[\s\S]*SMS_TOKEN[\s\S]*SMS_FROM/);
    expect(() => loadConfig({ ...secret, SMS_PROVIDER: 'pigeon' })).toThrow(/SMS_PROVIDER/);
    expect(loadConfig({ ...secret, SMS_PROVIDER: 'http', SMS_URL: 'https://api.example.test/Messages.json', SMS_ACCOUNT: 'AC1', SMS_TOKEN: 't', SMS_FROM: '+15550001111' }).sms)
      .toEqual({ provider: 'http', url: 'https://api.example.test/Messages.json', account: 'AC1', token: 't', from: '+15550001111' });
  });

  it('generates Web Push VAPID keys into the data folder once, or takes both from the environment', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'srodesk-vapid-'));
    const first = loadConfig({ DATA_DIR: dir, SESSION_SECRET: 'x'.repeat(40) }).vapid!;
    expect(first.publicKey).toMatch(/^[\w-]{87}$/);
    expect(JSON.parse(readFileSync(path.join(dir, 'vapid.json'), 'utf8'))).toEqual(first);
    expect(loadConfig({ DATA_DIR: dir, SESSION_SECRET: 'x'.repeat(40) }).vapid).toEqual(first);
    const given = { VAPID_PUBLIC_KEY: `B${'A'.repeat(86)}`, VAPID_PRIVATE_KEY: 'C'.repeat(43) };
    expect(loadConfig({ DATA_DIR: dir, SESSION_SECRET: 'x'.repeat(40), ...given }).vapid).toEqual({ publicKey: given.VAPID_PUBLIC_KEY, privateKey: given.VAPID_PRIVATE_KEY });
    expect(() => loadConfig({ DATA_DIR: dir, SESSION_SECRET: 'x'.repeat(40), VAPID_PUBLIC_KEY: given.VAPID_PUBLIC_KEY })).toThrow(/VAPID_PRIVATE_KEY/);
  });

  it('turns on secure cookies for an https public URL', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://sro.example.org', SESSION_SECRET: 'x'.repeat(40) });
    expect(config.secureCookies).toBe(true);
    expect(config.publicUrl).toBe('https://sro.example.org');
  });
});
