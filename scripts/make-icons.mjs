// Draws the app icons of the installable app (web/public/icons/icon-192.png, icon-512.png): the SRO Desk shield of
// favicon.svg, white on the brand blue, filling a safe zone so launchers that mask icons (circle, squircle) keep
// all of it. Plain PNG written with zlib, no image library: `node scripts/make-icons.mjs` rewrites both files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1d, 0x4e, 0x89];
const WHITE = [0xff, 0xff, 0xff];

/** Points along a cubic Bezier curve (without its start point). */
function cubic(p0, p1, p2, p3, steps = 24) {
  const out = [];
  for (let i = 1; i <= steps; i += 1) {
    const t = i / steps;
    const u = 1 - t;
    out.push([0, 1].map((k) => u * u * u * p0[k] + 3 * u * u * t * p1[k] + 3 * u * t * t * p2[k] + t * t * t * p3[k]));
  }
  return out;
}

/** The shield of favicon.svg as a polygon in its 32-unit box, scaled about the centre by `s`. */
function shield(top, side, shoulder, waist, bottom, s) {
  const [l, r] = [16 - side, 16 + side];
  const pts = [[16, top], [l, shoulder], [l, waist],
    ...cubic([l, waist], [l, waist + 7.5 * s], [16 - 6.9 * s, bottom - 1.6 * s], [16, bottom]),
    ...cubic([16, bottom], [16 + 6.9 * s, bottom - 1.6 * s], [r, waist + 7.5 * s], [r, waist]), [r, shoulder]];
  return pts;
}

function inside(poly, x, y) {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i, i += 1) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

const outer = shield(2, 12, 7, 15, 30, 1);
const inner = shield(8.5, 6, 11, 15.5, 23.5, 0.52);

/** The colour at a point of the 32-unit box: blue ground, white shield, blue inner shield. */
function colourAt(x, y) {
  if (inside(inner, x, y)) return BLUE;
  if (inside(outer, x, y)) return WHITE;
  return BLUE;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG of `size` pixels: the shield in the middle 70 % (the maskable safe zone is 80 %), 4x4 supersampled. */
function icon(size) {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  const scale = 32 / (size * 0.7);
  const offset = size * 0.15;
  for (let py = 0; py < size; py += 1) {
    const row = py * (size * 3 + 1);
    raw[row] = 0;
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < 4; sy += 1) {
        for (let sx = 0; sx < 4; sx += 1) {
          const c = colourAt((px + (sx + 0.5) / 4 - offset) * scale, (py + (sy + 0.5) / 4 - offset) * scale);
          for (let k = 0; k < 3; k += 1) sum[k] += c[k];
        }
      }
      for (let k = 0; k < 3; k += 1) raw[row + 1 + px * 3 + k] = Math.round(sum[k] / 16);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../web/public/icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of [192, 512]) writeFileSync(new URL(`icon-${size}.png`, dir), icon(size));
