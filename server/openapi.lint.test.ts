import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test/app.js';

// The published API description, checked by a real OpenAPI linter (Redocly's recommended rules), so a
// generated client can call every operation and knows every error it may get.
let t: TestApp;
let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }>; security?: unknown[]; requestBody?: { content: Record<string, unknown> } }>> };

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.client().get('/api/openapi.json')).body as typeof doc;
}, 60_000);

afterAll(async () => t?.close());

describe('the OpenAPI document', () => {
  it('has no error and no warning under Redocly\'s recommended rules', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), config });
    const report = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
    expect(report).toEqual([]);
  });

  it('documents the error answers of every operation with the one error schema', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ where: `${method} ${path}`, op })));
    expect(operations.length).toBeGreaterThan(300);
    for (const { where, op } of operations) {
      expect(op.responses['429'], where).toBeDefined();
      for (const [status, response] of Object.entries(op.responses)) {
        // A route may document a richer body of its own (the stale-version 409 of incidents); the rest use the one.
        if (Number(status) >= 400 && Number(status) < 500) expect(response.content?.['application/json'], `${where} ${status}`).toBeDefined();
      }
    }
    const incident = doc.paths['/api/incidents/{id}']!.get!.responses;
    expect(Object.keys(incident).sort()).toEqual(['200', '400', '401', '403', '404', '429']);
    expect(incident['404']!.content!['application/json']).toEqual({ schema: { $ref: '#/components/schemas/Error' } });
  });

  it('declares the media type of every download', () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (methods.get) expect(methods.get.responses['200']?.content, path).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/incidents/{id}/report.pdf']!.get!.responses['200']!.content!)).toEqual(['application/pdf']);
    expect(Object.keys(doc.paths['/api/equipment/export.csv']!.get!.responses['200']!.content!)).toEqual(['text/csv']);
  });

  it('lets public operations go without a session and declares the bodies of upload operations', () => {
    expect(doc.paths['/api/public/tips']!.post!.security).toEqual([]);
    expect(doc.paths['/api/public/tips']!.post!.responses['401']).toBeUndefined();
    expect(doc.paths['/api/incidents']!.get!.security).toBeUndefined();
    const upload = doc.paths['/api/roster-imports']?.post ?? Object.values(doc.paths).find((m) => m.post?.requestBody?.content['application/zip'])?.post;
    expect(Object.keys(upload!.requestBody!.content)).toEqual(['application/zip', 'application/x-zip-compressed']);
    expect(Object.keys(upload!.responses)).toEqual(expect.arrayContaining(['413', '415']));
  });
});
