// Draws the extension icon (128x128 PNG): a navy tile with three forecast bars and a band line.
// Run: node client/media/make-icon.mjs  (writes icon.png next to this file). No dependencies.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const SUB = 4; // supersampling per axis, for smooth edges

/** Shapes, painted in order; each says whether the point (x, y) in 0..128 lies inside. */
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const layers = [
  { color: [31, 42, 68], inside: roundedRect(4, 4, 124, 124, 22) },
  { color: [74, 144, 226], inside: roundedRect(22, 66, 42, 104, 4) },
  { color: [245, 179, 66], inside: roundedRect(54, 44, 74, 104, 4) },
  { color: [80, 200, 140], inside: roundedRect(86, 28, 106, 104, 4) },
  { color: [236, 240, 248], inside: segment(18, 110, 110, 110, 4) },
  { color: [236, 240, 248], inside: segment(32, 56, 64, 36, 4) },
  { color: [236, 240, 248], inside: segment(64, 36, 96, 18, 4) },
  { color: [236, 240, 248], inside: circle(96, 18, 5) },
];

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SUB; sy++) {
      for (let sx = 0; sx < SUB; sx++) {
        const px = x + (sx + 0.5) / SUB, py = y + (sy + 0.5) / SUB;
        let color = null;
        for (const layer of layers) if (layer.inside(px, py)) color = layer.color;
        if (color) { r += color[0]; g += color[1]; b += color[2]; a += 255; }
      }
    }
    const n = SUB * SUB, covered = a / 255 || 1;
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[o] = Math.round(r / covered); raw[o + 1] = Math.round(g / covered); raw[o + 2] = Math.round(b / covered);
    raw[o + 3] = Math.round(a / n);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(fileURLToPath(new URL('./icon.png', import.meta.url)), png);
