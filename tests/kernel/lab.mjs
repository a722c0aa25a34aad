// A throw-away network lab: network namespaces named plk-<pid>-<name>, veth
// links between them, sysctls and nftables rules inside them, and the probe
// run inside them. Everything it creates is removed by cleanup(), which the
// runner calls on success, failure, exceptions and SIGINT/SIGTERM. Nothing is
// configured in the root namespace.
import { spawn, spawnSync } from 'node:child_process';
import readline from 'node:readline';

const PREFIX = 'plk-';
const SYNC_TIMEOUT_MS = 5000;

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: SYNC_TIMEOUT_MS, ...options });
  if (r.error) throw new Error(`${command} ${args.join(' ')}: ${r.error.message}`);
  return r;
}

function runOrThrow(command, args, options = {}) {
  const r = run(command, args, options);
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`);
  }
  return r;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function parseLines(text, what) {
  return text.split('\n').filter((l) => l.trim()).map((l) => {
    try {
      return JSON.parse(l);
    } catch {
      throw new Error(`${what} printed a line that is not JSON: ${l}`);
    }
  });
}

// Namespaces of earlier runs that died without cleaning up (their pid is gone).
// A concurrent run's namespaces are left alone.
export function removeLeftovers() {
  const r = run('ip', ['netns', 'list']);
  for (const line of r.stdout.split('\n')) {
    const name = line.split(' ')[0];
    const m = /^plk-(\d+)-/.exec(name);
    if (m && !isAlive(Number(m[1]))) run('ip', ['netns', 'del', name]);
  }
}

// A probe started in the background: its JSON lines arrive in `lines`;
// waitFor(predicate, ms) resolves with the first matching line or null.
class RunningProbe {
  constructor(child, what) {
    this.child = child;
    this.lines = [];
    this.waiters = [];
    this.stderr = '';
    child.stderr.on('data', (d) => { this.stderr += d; });
    readline.createInterface({ input: child.stdout }).on('line', (text) => {
      if (!text.trim()) return;
      let line;
      try {
        line = JSON.parse(text);
      } catch {
        line = { unparsed: text };
      }
      this.lines.push(line);
      const waiting = [];
      for (const w of this.waiters) {
        if (w.predicate(line)) w.resolve(line);
        else waiting.push(w);
      }
      this.waiters = waiting;
    });
    this.done = new Promise((resolve) => child.on('close', (code) => resolve(code)));
    this.what = what;
  }

  waitFor(predicate, ms) {
    const found = this.lines.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const waiter = { predicate, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(null);
      }, ms);
    });
  }

  async finish() {
    const code = await this.done;
    if (code !== 0) throw new Error(`${this.what} exited ${code}: ${this.stderr.trim()}`);
    return this.lines;
  }
}

export class Lab {
  constructor(probePath) {
    this.probePath = probePath;
    this.base = `${PREFIX}${process.pid}-`;
    this.namespaces = [];
    this.children = new Set();
  }

  // Creates namespace `short` (full name plk-<pid>-short) with lo up.
  ns(short) {
    const name = this.base + short;
    runOrThrow('ip', ['netns', 'add', name]);
    this.namespaces.push(name);
    this.ip(name, 'link', 'set', 'lo', 'up');
    return name;
  }

  drop(name) {
    run('ip', ['netns', 'del', name]);
    this.namespaces = this.namespaces.filter((n) => n !== name);
  }

  ip(ns, ...args) {
    return runOrThrow('ip', ['-n', ns, ...args]);
  }

  exec(ns, command, args, options = {}) {
    return run('ip', ['netns', 'exec', ns, command, ...args], options);
  }

  sysctl(ns, name, value) {
    const r = this.exec(ns, 'sysctl', ['-qw', `${name}=${value}`]);
    if (r.status !== 0) throw new Error(`sysctl ${name}=${value} in ${ns}: ${r.stderr.trim()}`);
  }

  nft(ns, ruleset) {
    const r = this.exec(ns, 'nft', ['-f', '-'], { input: ruleset });
    if (r.status !== 0) throw new Error(`nft in ${ns}: ${r.stderr.trim()}`);
  }

  // A veth pair with one end in each namespace (created there directly, so
  // the root namespace never sees it).
  veth(nsA, nameA, nsB, nameB) {
    this.ip(nsA, 'link', 'add', nameA, 'type', 'veth', 'peer', 'name', nameB, 'netns', nsB);
    this.ip(nsA, 'link', 'set', nameA, 'up');
    this.ip(nsB, 'link', 'set', nameB, 'up');
  }

  // Runs the probe to completion and returns its JSON lines.
  probe(ns, args) {
    const r = this.exec(ns, this.probePath, args);
    const what = `probe ${args.join(' ')} in ${ns}`;
    if (r.status !== 0) throw new Error(`${what} exited ${r.status}: ${r.stderr.trim()}`);
    return parseLines(r.stdout, what);
  }

  // Starts the probe in the background; it is killed by cleanup() at the
  // latest, and by a timer a little after its own --wait.
  start(ns, args, limitMs) {
    const child = spawn('ip', ['netns', 'exec', ns, this.probePath, ...args]);
    this.children.add(child);
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', () => {
      clearTimeout(timer);
      this.children.delete(child);
    });
    return new RunningProbe(child, `probe ${args.join(' ')} in ${ns}`);
  }

  cleanup() {
    for (const child of this.children) child.kill('SIGKILL');
    this.children.clear();
    for (const name of this.namespaces) run('ip', ['netns', 'del', name]);
    this.namespaces = [];
  }
}

// Whether this process may create namespaces at all: returns null if so,
// otherwise the reason it cannot.
export function namespaceSupport() {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return `needs root (running as uid ${process.getuid()})`;
  }
  const name = `${PREFIX}${process.pid}-try`;
  const r = spawnSync('ip', ['netns', 'add', name], { encoding: 'utf8', timeout: SYNC_TIMEOUT_MS });
  if (r.error) return `cannot run ip: ${r.error.message}`;
  if (r.status !== 0) return `ip netns add failed: ${r.stderr.trim()}`;
  spawnSync('ip', ['netns', 'del', name], { timeout: SYNC_TIMEOUT_MS });
  return null;
}

export function hasCommand(command, args = ['--version']) {
  const r = spawnSync(command, args, { timeout: SYNC_TIMEOUT_MS });
  return !r.error && r.status === 0;
}
