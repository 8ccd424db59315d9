import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installAuth, routeTable } from './plugin.js';

// A signed-in route must say what data it returns: the app refuses to start otherwise (common/need-to-know.ts).
describe('route categories', () => {
  it('refuses to register a signed-in route that declares no category and has no permission', async () => {
    const app = Fastify();
    installAuth(app);
    expect(() => app.get('/api/unclassified', async () => ({ ok: true }))).toThrow(/declares no data category/);
    await app.close();
  });

  it('takes the permission\'s category, a declared one, or public/self for sign-in routes', async () => {
    const app = Fastify();
    installAuth(app);
    app.get('/api/roster', { config: { permission: 'student.read' } }, async () => ({}));
    app.get('/api/referral-inbox', { config: { permission: 'counseling.receive' } }, async () => ({}));
    app.get('/api/mine', { config: { category: 'self' } }, async () => ({}));
    app.get('/api/open', { config: { access: 'public' } }, async () => ({}));
    await app.ready();
    const byUrl = Object.fromEntries(routeTable.get(app)!.map((r) => [r.url, r.category]));
    expect(byUrl).toEqual({ '/api/roster': 'education', '/api/referral-inbox': 'law_enforcement', '/api/mine': 'self', '/api/open': 'public' });
    await app.close();
  });
});
