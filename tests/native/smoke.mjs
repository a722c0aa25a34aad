// Native smoke tests: the real program in a real X window (Xvfb, Mesa's
// llvmpipe), driven from its command line. Screenshots go to
// build/test-artifacts/native/.
//   node tests/native/smoke.mjs
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = path.join(root, 'build', 'native', 'portlab');
const artifacts = path.join(root, 'build', 'test-artifacts', 'native');
const XVFB = ['-a', '-s', '-screen 0 1280x800x24 -nolisten tcp'];

function runApp(args, dataDir) {
  return spawnSync('xvfb-run', [...XVFB, binary, '--data-dir', dataDir, ...args], { encoding: 'utf8', timeout: 60000 });
}

// Decodes the PNGs the app writes (8-bit RGBA, filter 0) and counts colours.
function pngColours(file) {
  const data = fs.readFileSync(file);
  let pos = 8;
  let width = 0;
  const idat = [];
  while (pos < data.length) {
    const length = data.readUInt32BE(pos);
    const type = data.toString('ascii', pos + 4, pos + 8);
    const body = data.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') width = body.readUInt32BE(0);
    if (type === 'IDAT') idat.push(body);
    pos += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const row = width * 4 + 1;
  const seen = new Set();
  for (let off = 0; off + row <= raw.length; off += row)
    for (let x = 1; x < row; x += 4 * 7) seen.add(raw.readUIntBE(off + x, 3));
  return seen.size;
}

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'portlab-native-'));
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const assert = (cond, message) => { if (!cond) throw new Error(message); };

test('the first screen is drawn in a real window', () => {
  const dir = tempDir();
  const shot = path.join(artifacts, 'home.png');
  const state = path.join(dir, 'state.json');
  const r = runApp(['--screenshot', shot, '--state', state], dir);
  assert(r.status === 0, `exit ${r.status}: ${r.stderr}`);
  const colours = pngColours(shot);
  assert(colours > 10, `screenshot shows a drawn screen (${colours} colours)`);
  const s = JSON.parse(fs.readFileSync(state, 'utf8'));
  assert(s.view === 'home', `view is home, got ${s.view}`);
});

test('--route opens the same place a web link would', () => {
  const dir = tempDir();
  const shot = path.join(artifacts, 'settings.png');
  const state = path.join(dir, 'state.json');
  const r = runApp(['--route', '#/settings', '--screenshot', shot, '--state', state], dir);
  assert(r.status === 0, `exit ${r.status}: ${r.stderr}`);
  assert(JSON.parse(fs.readFileSync(state, 'utf8')).view === 'settings', 'view is settings');
});

test('a damaged settings file is kept aside and reported', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'settings.json'), '{"format":"settings", broken');
  const state = path.join(dir, 'state.json');
  const r = runApp(['--screenshot', path.join(artifacts, 'damaged-settings.png'), '--state', state], dir);
  assert(r.status === 0, `exit ${r.status}: ${r.stderr}`);
  const s = JSON.parse(fs.readFileSync(state, 'utf8'));
  assert(s.notice.includes('could not be read'), `notice: ${s.notice}`);
  const aside = fs.readFileSync(path.join(dir, 'settings.damaged.json'), 'utf8');
  assert(aside === '{"format":"settings", broken', 'the damaged file is kept byte for byte');
});

test('bad arguments exit 2 with one line on stderr', () => {
  for (const args of [['--size', '10x10'], ['--bogus'], ['--route']]) {
    const r = spawnSync(binary, args, { encoding: 'utf8' });
    assert(r.status === 2, `${args.join(' ')}: exit ${r.status}`);
    assert(r.stderr.trim().split('\n').length === 1, `${args.join(' ')}: stderr is one line: ${r.stderr}`);
  }
});

test('portlab-cli: prints its version; an unknown command exits 2 with one line', () => {
  const cli = path.join(root, 'build', 'native', 'portlab-cli');
  const version = spawnSync(cli, ['version'], { encoding: 'utf8' });
  assert(version.status === 0 && /^\d+\.\d+\.\d+\n$/.test(version.stdout), `version: ${version.stdout}`);
  for (const args of [[], ['frobnicate']]) {
    const r = spawnSync(cli, args, { encoding: 'utf8' });
    assert(r.status === 2, `${args.join(' ')}: exit ${r.status}`);
    assert(r.stdout === '', `${args.join(' ')}: nothing on stdout`);
    assert(r.stderr.trim().length > 0, `${args.join(' ')}: says why on stderr`);
  }
});

test('idle: the process sleeps in the event wait (under 1% CPU)', async () => {
  const dir = tempDir();
  const pidFile = path.join(dir, 'pid');
  // xvfb-run starts a shell that records the app's pid, so its CPU time can be read.
  const child = spawn('xvfb-run', [...XVFB, 'sh', '-c', `"$0" --data-dir "$1" & echo $! > "$2"; wait`, binary, dir, pidFile],
    { stdio: 'ignore' });
  try {
    const deadline = Date.now() + 20000;
    while (!fs.existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const pid = fs.readFileSync(pidFile, 'utf8').trim();
    const ticks = () => {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(fields[11]) + Number(fields[12]);  // utime + stime, in clock ticks
    };
    await new Promise((r) => setTimeout(r, 2000));  // start-up and the trailing frames
    const before = ticks();
    const seconds = 3;
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const used = ticks() - before;
    const hz = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
    const percent = (100 * used) / hz / seconds;
    console.log(`        idle CPU: ${percent.toFixed(2)} % (${used} ticks in ${seconds} s)`);
    assert(percent < 1, `idle CPU ${percent.toFixed(2)} % is not under 1 %`);
  } finally {
    // Whatever happened above, the app and its X server do not outlive the
    // test: SIGTERM (which the app turns into a normal quit), then SIGKILL.
    const exited = new Promise((r) => child.on('exit', () => r(true)));
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').trim()) : 0;
    if (pid) try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
    const quit = await Promise.race([exited, new Promise((r) => setTimeout(() => r(false), 5000))]);
    if (!quit) {
      if (pid) try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
      await exited;
      throw new Error('the app did not quit within 5 s of SIGTERM');
    }
  }
});

fs.rmSync(artifacts, { recursive: true, force: true });
fs.mkdirSync(artifacts, { recursive: true });
let passed = 0;
let failed = 0;
for (const t of tests) {
  try {
    await t.fn();
    passed++;
    console.log(`  ok    ${t.name}`);
  } catch (err) {
    failed++;
    console.log(`  FAIL  ${t.name}\n        ${err.message}`);
  }
}
console.log(`native: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
