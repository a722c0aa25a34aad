// The web build's download size: each file of build/web raw and gzipped,
// and the total, against the budget (issue 7: at most 1.0 MB gzipped, the
// whole page: html, js, wasm, data with fonts). Gzip at zlib's default
// level 6, what static servers commonly use, so the figure is not flattered.
//
//   node tools/web_size.mjs [dir]     exit 1 when over budget
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET_GZIP_BYTES = 1000000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] || path.join(root, 'build', 'web');
if (!fs.existsSync(dir)) {
  console.error(`web_size: ${dir} does not exist; build the web app first (make web)`);
  process.exit(2);
}

let raw = 0;
let gzipped = 0;
const rows = [];
for (const name of fs.readdirSync(dir).sort()) {
  const file = path.join(dir, name);
  if (!fs.statSync(file).isFile()) continue;
  const bytes = fs.readFileSync(file);
  const gz = zlib.gzipSync(bytes).length;
  raw += bytes.length;
  gzipped += gz;
  rows.push([name, bytes.length, gz]);
}
const line = (a, b, c) => console.log(`${a.padEnd(16)} ${String(b).padStart(10)} ${String(c).padStart(10)}`);
line('file', 'bytes', 'gzipped');
for (const [name, b, g] of rows) line(name, b, g);
line('total', raw, gzipped);
const ok = gzipped <= BUDGET_GZIP_BYTES;
console.log(`budget: ${gzipped} of ${BUDGET_GZIP_BYTES} bytes gzipped (${(100 * gzipped / BUDGET_GZIP_BYTES).toFixed(1)} %)`);
// The runner's summary line.
console.log(`size: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
