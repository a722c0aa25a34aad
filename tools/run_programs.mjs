// Runs test programs two at a time (the machine's cores) and totals what
// they report. A doctest program reports its test cases; any other program
// is one test that passes when it exits 0. Each program's output goes to
// LOGDIR/<n>-<program>.log. Prints one line per program and a closing
// "<label>: N passed, M failed"; exits 1 if anything failed.
//
//   node tools/run_programs.mjs LABEL LOGDIR -- PROGRAM [ARGS...] [-- PROGRAM [ARGS...]]...
//
// One process per program instead of one per test case (as ctest runs
// them): under ASan the view tests spent most of their time starting up.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

const [label, logDir, separator, ...rest] = process.argv.slice(2);
if (!label || !logDir || separator !== '--' || rest.length === 0) {
  console.error('usage: node tools/run_programs.mjs LABEL LOGDIR -- PROGRAM [ARGS...] [-- PROGRAM [ARGS...]]...');
  process.exit(2);
}
const programs = [];
for (const word of rest) {
  if (word === '--') programs.push([]);
  else if (programs.length === 0) programs.push([word]);
  else programs[programs.length - 1].push(word);
}
fs.mkdirSync(logDir, { recursive: true });

const DOCTEST = /test cases: +(\d+) \| +(\d+) passed \| +(\d+) failed/;

function run([program, ...args], index) {
  const log = path.join(logDir, `${index + 1}-${path.basename(program)}.log`);
  return new Promise((resolve) => {
    const out = fs.openSync(log, 'w');
    const child = spawn(program, args, { stdio: ['ignore', out, out] });
    child.on('error', (err) => { fs.writeSync(out, `cannot run ${program}: ${err.message}\n`); });
    child.on('close', (code, signal) => {
      fs.closeSync(out);
      const text = fs.readFileSync(log, 'utf8');
      const m = text.match(DOCTEST);
      let passed = m ? Number(m[2]) : (code === 0 ? 1 : 0);
      let failed = m ? Number(m[3]) : (code === 0 ? 0 : 1);
      // A crash after a clean summary (a leak report, a signal) still fails.
      if (code !== 0 && failed === 0) { failed = 1; passed = Math.max(0, passed - 1); }
      const status = failed ? `FAIL (exit ${signal || code}, see ${log})` : 'ok';
      resolve({ passed, failed, line: `  ${status.padEnd(6)} ${path.basename(program)}: ${passed} passed, ${failed} failed` });
    });
  });
}

const jobs = Math.max(1, Math.min(2, os.availableParallelism ? os.availableParallelism() : os.cpus().length));
const results = new Array(programs.length);
let next = 0;
await Promise.all(Array.from({ length: jobs }, async () => {
  while (next < programs.length) {
    const i = next++;
    results[i] = await run(programs[i], i);
  }
}));
let passed = 0;
let failed = 0;
for (const r of results) {
  console.log(r.line);
  passed += r.passed;
  failed += r.failed;
}
console.log(`${label}: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
