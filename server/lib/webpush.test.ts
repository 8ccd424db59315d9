import { createECDH } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startPushService, type TestPushService } from '../test/push-service.js';
import { encryptPushPayload, generateVapidKeys, vapidSubject, WebPushSender } from './webpush.js';

describe('Web Push message encryption', () => {
  it('matches the worked example of RFC 8291 appendix A byte for byte', () => {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from('yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw', 'base64url'));
    expect(ecdh.getPublicKey().toString('base64url')).toBe('BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8');
    const body = encryptPushPayload(Buffer.from('When I grow up, I want to be a watermelon'), {
      p256dh: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4', auth: 'BTBZMqHH6r4Tts7J_aSIgg',
    }, { salt: Buffer.from('DGv6ra1nlYgDCS1FRnbzlw', 'base64url'), ecdh });
    expect(body.toString('base64url')).toBe(
      'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
    );
  });

  it('refuses keys of the wrong shape and generates VAPID keys of the right one', () => {
    expect(() => encryptPushPayload(Buffer.from('x'), { p256dh: 'AAAA', auth: 'BTBZMqHH6r4Tts7J_aSIgg' })).toThrow(/p256dh/);
    const keys = generateVapidKeys();
    expect(Buffer.from(keys.publicKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(keys.privateKey, 'base64url')).toHaveLength(32);
    expect(vapidSubject('http://localhost:3000', 'SRO Desk <no-reply@srodesk.local>')).toBe('mailto:no-reply@srodesk.local');
    expect(vapidSubject('https://sro.example.org', 'x@y.z')).toBe('https://sro.example.org');
  });
});

describe('VAPID tokens', () => {
  const services: TestPushService[] = [];
  afterAll(async () => { await Promise.all(services.map((p) => p.close())); });

  it('signs one token per push service and signs a new one after half its 12-hour life', async () => {
    const [a, b] = [await startPushService(), await startPushService()];
    services.push(a, b);
    const sender = new WebPushSender(generateVapidKeys(), 'mailto:ops@srodesk.test');
    const target = (p: TestPushService) => {
      const { subscription } = p.subscribe();
      return { endpoint: subscription.endpoint, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth };
    };
    const t0 = new Date('2025-11-10T15:00:00Z');
    const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000);
    await sender.send(target(a), { n: 1 }, t0);
    await sender.send(target(a), { n: 2 }, hours(5));
    await sender.send(target(b), { n: 3 }, hours(5));
    await sender.send(target(a), { n: 4 }, hours(6.5));
    const [first, second, fourth] = await a.waitFor(3);
    const [third] = await b.waitFor(1);
    // Every message decrypted and verified by the service; the same token within its reuse window.
    expect([first, second, fourth].map((m) => (m!.payload as { n: number }).n)).toEqual([1, 2, 4]);
    expect(second!.jwt).toEqual(first!.jwt);
    expect(first!.jwt.exp).toBe(t0.getTime() / 1000 + 12 * 3600);
    expect(third!.jwt.aud).toBe(b.origin);
    expect(fourth!.jwt.exp).toBe(hours(6.5).getTime() / 1000 + 12 * 3600);
  });
});
