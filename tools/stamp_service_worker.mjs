// Writes the page's service worker with its BUILD set to a hash of the files
// it caches, so every build that changes the page installs a new worker and
// replaces the old cache (see web/sw.js).
//
//   node tools/stamp_service_worker.mjs web/sw.js build/web
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [template, outDir] = process.argv.slice(2);
if (!template || !outDir) {
  console.error('usage: node tools/stamp_service_worker.mjs <sw.js template> <web output dir>');
  process.exit(2);
}
const source = fs.readFileSync(template, 'utf8');
const files = source.match(/const FILES = \[([^\]]*)\]/)[1].match(/'[^']+'/g).map((s) => s.slice(1, -1));
const hash = crypto.createHash('sha256');
for (const name of files) {
  if (name === './') continue;
  hash.update(name);
  hash.update(fs.readFileSync(path.join(outDir, name)));
}
const build = hash.digest('hex').slice(0, 16);
fs.writeFileSync(path.join(outDir, 'sw.js'), source.replace("const BUILD = 'dev';", `const BUILD = '${build}';`));
console.log(`service worker stamped: build ${build}`);
