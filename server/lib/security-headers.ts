import type { FastifyInstance } from 'fastify';

/**
 * The browser-side defences sent with every answer (pages, API, files, errors, 404s). The web app is built by
 * Vite into external module scripts and style sheets, so the policy allows no inline script or style element
 * at all; images may be data: (the two-step QR code) or blob: (previews of files being uploaded). The page can
 * be framed by no one (clickjacking), a response is never sniffed into another type, the address of a page
 * (which may carry a record id) never leaves the site in a Referer, and powerful browser features are off.
 */
const APP_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "font-src 'self'",
  "connect-src 'self'", "media-src 'self' blob:", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
  "frame-ancestors 'none'", "frame-src 'none'", "worker-src 'self'", "manifest-src 'self'",
].join('; ');

/** The API explorer (Swagger UI) sets inline styles of its own; its scripts are still files only. */
const DOCS_POLICY = APP_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

const PERMISSIONS_POLICY = [
  'accelerometer=()', 'autoplay=()', 'camera=()', 'display-capture=()', 'geolocation=()', 'gyroscope=()',
  'magnetometer=()', 'microphone=()', 'midi=()', 'payment=()', 'usb=()', 'interest-cohort=()',
].join(', ');

/** Adds the security headers to every response; HSTS only when the public address is https. */
export function installSecurityHeaders(app: FastifyInstance): void {
  const https = app.deps.config.publicUrl.startsWith('https://');
  app.addHook('onSend', async (request, reply) => {
    const docs = request.url.startsWith('/api/docs');
    void reply.header('content-security-policy', docs ? DOCS_POLICY : APP_POLICY);
    void reply.header('x-frame-options', 'DENY');
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('permissions-policy', PERMISSIONS_POLICY);
    void reply.header('cross-origin-opener-policy', 'same-origin');
    void reply.header('cross-origin-resource-policy', 'same-origin');
    if (https) void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
