// Linux kernel vs PortLab's engines: runs real socket operations inside
// network namespaces it creates (as root) and checks that portlab-cli predicts
// what the kernel did. See tests/kernel/README.md.
//   node tests/kernel/run.mjs [--cli PATH] [--probe PATH] [--seed N]
//                             [--only ports|nat] [--kernel-only]
// PATHs default to $PORTLAB_CLI / $PORTLAB_KERNEL_PROBE, then build/native/.
// Ends with "kernel: N passed, M failed"; without root or namespaces it says
// SKIPPED and reports 0 passed, 0 failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lab, removeLeftovers, namespaceSupport, hasCommand } from './lab.mjs';
import { Report } from './report.mjs';
import { portChecks } from './ports_checks.mjs';
import { natChecks } from './nat_checks.mjs';
import { buildNatLab } from './nat_topology.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function parseArgs(argv) {
  const options = {
    cli: process.env.PORTLAB_CLI || path.join(root, 'build', 'native', 'portlab-cli'),
    probe: process.env.PORTLAB_KERNEL_PROBE
      || path.join(root, 'build', 'native', 'portlab_kernel_probe'),
    seed: 1,
    only: null,
    kernelOnly: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
      i += 1;
      return argv[i];
    };
    if (name === '--cli') options.cli = path.resolve(value());
    else if (name === '--probe') options.probe = path.resolve(value());
    else if (name === '--seed') options.seed = Number(value());
    else if (name === '--only') options.only = value();
    else if (name === '--kernel-only') options.kernelOnly = true;
    else throw new Error(`unknown option ${name}`);
  }
  if (!Number.isInteger(options.seed) || options.seed < 0) throw new Error('--seed: not a number');
  if (options.only && !['ports', 'nat'].includes(options.only)) {
    throw new Error(`--only: expected ports or nat, got ${options.only}`);
  }
  return options;
}

// portlab-cli <args> --json, parsed; any failure is an exception naming it.
function makeCli(cliPath) {
  return (args) => {
    const full = [...args, '--json'];
    const r = spawnSync(cliPath, full, { encoding: 'utf8', timeout: 10000 });
    const shown = `portlab-cli ${full.join(' ')}`;
    if (r.error) throw new Error(`${shown}: ${r.error.message}`);
    if (r.status !== 0) throw new Error(`${shown} exited ${r.status}: ${r.stderr.trim()}`);
    try {
      return JSON.parse(r.stdout);
    } catch {
      throw new Error(`${shown} printed no JSON: ${r.stdout.slice(0, 200)}`);
    }
  };
}

function skipAll(reason) {
  console.log(`SKIPPED: Linux kernel integration tests: ${reason}`);
  console.log('kernel: 0 passed, 0 failed');
  process.exit(0);
}

async function runGroup(report, name, body) {
  try {
    await body();
  } catch (e) {
    report.error(name, e);
  }
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.log(`FAIL kernel runner: ${e.message}`);
    console.log('kernel: 0 passed, 1 failed');
    process.exit(2);
  }
  if (process.platform !== 'linux') skipAll(`needs Linux (this is ${process.platform})`);
  const unsupported = namespaceSupport();
  if (unsupported) skipAll(unsupported);

  const report = new Report(options.kernelOnly);
  const needed = options.kernelOnly ? [options.probe] : [options.probe, options.cli];
  const missing = needed.filter((f) => !fs.existsSync(f));
  if (missing.length) {
    for (const f of missing) report.error('binaries', new Error(`${f} not built`));
    report.summary();
    process.exit(1);
  }

  removeLeftovers();
  const lab = new Lab(options.probe);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portlab-kernel-'));
  const cleanup = () => {
    lab.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      cleanup();
      report.line(false, `run interrupted by ${signal}`);
      report.summary();
      process.exit(130);
    });
  }
  process.on('exit', cleanup);

  const started = Date.now();
  const ctx = { lab, report, tmp, seed: options.seed, cli: makeCli(options.cli) };
  console.log(`kernel ${os.release()}; portlab-cli ${options.kernelOnly ? '(not used)'
    : options.cli}; probe ${options.probe}; seed ${options.seed}`);
  try {
    if (options.only !== 'nat') {
      for (const [name, check] of portChecks) await runGroup(report, name, () => check(ctx));
    }
    if (options.only !== 'ports') {
      if (!hasCommand('nft')) {
        console.log('SKIPPED: NAT checks: nft (nftables) is not installed');
      } else {
        let ns = null;
        await runGroup(report, 'NAT lab setup', () => { ns = buildNatLab(lab); });
        for (const [name, check] of ns ? natChecks : []) {
          await runGroup(report, name, () => check(ctx, ns));
        }
      }
    }
  } finally {
    cleanup();
  }
  console.log(`time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  report.summary();
  process.exit(report.failed === 0 ? 0 : 1);
}

main();
