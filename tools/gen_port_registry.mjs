#!/usr/bin/env node
// Generates assets/ports/registry.tsv, PortLab's port registry, from two
// Debian files (no npm dependencies):
//   /usr/share/wireshark/services  (libwireshark-data) the IANA service name
//       and port number registry as Debian ships it: name, port (or range),
//       transports (tcp/udp/sctp/dccp) and the description in a comment;
//   /usr/share/nmap/nmap-services  (nmap-common) how often nmap's scans found
//       each port/transport open (the "open-frequency" field).
// plus tools/port_registry_overlay.tsv, the few IANA records Debian's copy
// lacks, each with its source. The asset records the source packages and
// versions, so the app can say where its facts come from;
// src/core/ports/registry.h parses it.
//
//   node tools/gen_port_registry.mjs          write the asset
//   node tools/gen_port_registry.mjs --check  exit 1 if the committed asset
//       differs from what the installed sources give (skips, exit 0, when
//       the sources are not installed)
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const GENERATOR = 'tools/gen_port_registry.mjs';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ASSET = 'assets/ports/registry.tsv';
const SERVICES = { path: '/usr/share/wireshark/services', pkg: 'libwireshark-data' };
const NMAP = { path: '/usr/share/nmap/nmap-services', pkg: 'nmap-common' };
const OVERLAY = 'tools/port_registry_overlay.tsv';
// Column order of the "o" records, and the only transports the registry knows.
const TRANSPORTS = ['tcp', 'udp', 'sctp', 'dccp'];

class SourceError extends Error {}

function fail(file, lineNo, message) {
  throw new SourceError(`${file}:${lineNo}: ${message}`);
}

function packageVersion(pkg) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' }).trim();
  } catch {
    throw new SourceError(`cannot read the installed version of ${pkg} with dpkg-query`);
  }
}

// services(5) lines as Wireshark writes them: "name<ws>port[-last]/tcp/udp<ws># text".
// Identical name, ports and description on several lines are merged.
function readServices(text) {
  const byKey = new Map();
  const lineRe = /^(\S+)\s+(\d+)(?:-(\d+))?\/([a-z]+(?:\/[a-z]+)*)\s*(?:#\s*(.*))?$/;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = lineRe.exec(line);
    if (!m) fail(SERVICES.path, i + 1, `not "name port/transport # description": ${line}`);
    const [, name, first, last = first, transportText, description = ''] = m;
    const lo = Number(first);
    const hi = Number(last);
    if (lo > 65535 || hi > 65535 || hi < lo)
      fail(SERVICES.path, i + 1, `bad port ${first}-${last}`);
    const transports = transportText.split('/');
    for (const t of transports)
      if (!TRANSPORTS.includes(t)) fail(SERVICES.path, i + 1, `unknown transport ${t}`);
    const desc = description.trim();
    if (/[\t\r]/.test(desc)) fail(SERVICES.path, i + 1, 'tab in description');
    const key = `${name}\t${lo}\t${hi}\t${desc}`;
    const entry = byKey.get(key) ?? { name, lo, hi, desc, transports: new Set() };
    for (const t of transports) entry.transports.add(t);
    byKey.set(key, entry);
  });
  const compareText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  return [...byKey.values()].sort(
    (a, b) => a.lo - b.lo || a.hi - b.hi || compareText(a.name, b.name) ||
      compareText(a.desc, b.desc));
}

// The overlay's records ("port<TAB>transports<TAB>name<TAB>description<TAB>
// source") join Debian's. One that Debian's copy already has is an error: the
// overlay is for what is missing, and must shrink when Debian catches up.
function addOverlay(services, text) {
  const added = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('#')) return;
    const f = line.split('\t');
    if (f.length !== 5) fail(OVERLAY, i + 1, 'needs port, transports, name, description, source');
    const [portText, transportText, name, desc, source] = f;
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) fail(OVERLAY, i + 1, `bad port ${portText}`);
    const transports = transportText.split('/');
    for (const t of transports)
      if (!TRANSPORTS.includes(t)) fail(OVERLAY, i + 1, `unknown transport ${t}`);
    if (source.trim() === '') fail(OVERLAY, i + 1, 'a record needs its source');
    const known = services.find((s) => s.name === name && s.lo <= port && port <= s.hi &&
      transports.every((t) => s.transports.has(t)));
    if (known)
      fail(OVERLAY, i + 1, `${port}/${transportText} ${name} is in ${SERVICES.path} now; ` +
        'remove it from the overlay');
    services.push({ name, lo: port, hi: port, desc, transports: new Set(transports) });
    added.push({ port, transportText, name, source });
  });
  return added;
}

// nmap-services lines: "name<tab>port/proto<tab>0.123456[<tab># comment]".
// Frequencies are kept exactly, as integer millionths.
function readOpenFrequencies(text) {
  const byPort = new Map();
  const lineRe = /^\S+\t(\d+)\/([a-z]+)\t(\d)\.(\d{1,6})(?:\t.*)?$/;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('#')) return;
    const m = lineRe.exec(line);
    if (!m) fail(NMAP.path, i + 1, `not "name port/proto frequency": ${line}`);
    const [, portText, transport, whole, fraction] = m;
    const port = Number(portText);
    const column = TRANSPORTS.indexOf(transport);
    if (port > 65535) fail(NMAP.path, i + 1, `bad port ${portText}`);
    if (column < 0) fail(NMAP.path, i + 1, `unknown transport ${transport}`);
    const ppm = Number(whole) * 1000000 + Number(fraction.padEnd(6, '0'));
    if (ppm > 1000000) fail(NMAP.path, i + 1, `frequency above 1: ${whole}.${fraction}`);
    const row = byPort.get(port) ?? TRANSPORTS.map(() => null);
    if (row[column] !== null) fail(NMAP.path, i + 1, `${port}/${transport} listed twice`);
    row[column] = ppm;
    byPort.set(port, row);
  });
  return [...byPort.entries()].sort((a, b) => a[0] - b[0]);
}

function render(services, frequencies, provenance, overlay) {
  const out = [
    '# PortLab port registry. Generated by tools/gen_port_registry.mjs: do not edit by hand.',
    '# Regenerate: node tools/gen_port_registry.mjs   Verify: add --check',
    '# Tab-separated records, one per line; lines starting with # are comments.',
    '#   @  key  value...                    provenance',
    '#   s  port[-last]  tcp/udp/sctp/dccp  name  description (may be empty)',
    '#      one IANA service (RFC 6335 registry as Debian ships it) on these transports',
    '#   o  +step  tcp  udp  sctp  dccp',
    '#      how often nmap found the port open, in millionths (nmap-services',
    '#      "open-frequency"), for the port `step` above the previous o record',
    '#      (the first counts from 0); ports nmap never saw open have no o record',
    '@\tformat\tportlab-port-registry\t1',
  ];
  for (const p of provenance) out.push(`@\tsource\t${p.role}\t${p.pkg}\t${p.version}\t${p.path}`);
  out.push(`@\tgenerator\t${GENERATOR}`);
  for (const o of overlay)
    out.push(`# added from ${OVERLAY}: ${o.port}/${o.transportText} ${o.name}, source: ${o.source}`);
  for (const s of services) {
    const ports = s.lo === s.hi ? `${s.lo}` : `${s.lo}-${s.hi}`;
    const transports = TRANSPORTS.filter((t) => s.transports.has(t)).join('/');
    out.push(`s\t${ports}\t${transports}\t${s.name}\t${s.desc}`);
  }
  // Steps instead of port numbers keep the asset under 150 KB gzipped.
  let previous = 0;
  for (const [port, row] of frequencies) {
    if (row.every((v) => !v)) continue;
    out.push(`o\t+${port - previous}\t${row.map((v) => `${v ?? 0}`).join('\t')}`);
    previous = port;
  }
  return out.join('\n') + '\n';
}

function generate() {
  const provenance = [
    { role: 'services', ...SERVICES, version: packageVersion(SERVICES.pkg) },
    { role: 'open_frequency', ...NMAP, version: packageVersion(NMAP.pkg) },
  ];
  const services = readServices(fs.readFileSync(SERVICES.path, 'utf8'));
  const overlay = addOverlay(services, fs.readFileSync(path.join(ROOT, OVERLAY), 'utf8'));
  const compareText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  services.sort((a, b) => a.lo - b.lo || a.hi - b.hi || compareText(a.name, b.name) ||
    compareText(a.desc, b.desc));
  const frequencies = readOpenFrequencies(fs.readFileSync(NMAP.path, 'utf8'));
  return render(services, frequencies, provenance, overlay);
}

function firstDifference(a, b) {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); ++i)
    if (left[i] !== right[i]) return { line: i + 1, committed: left[i], generated: right[i] };
  return null;
}

function main(argv) {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length) {
    console.error(`gen_port_registry: unknown argument '${unknown[0]}' (only --check)`);
    return 2;
  }
  const missing = [SERVICES, NMAP].filter((s) => !fs.existsSync(s.path));
  if (missing.length) {
    const what = missing.map((s) => `${s.path} (Debian package ${s.pkg})`).join(' and ');
    if (check) {
      console.log(`gen_port_registry: skipped: ${what} not installed, ` +
        `so ${ASSET} cannot be checked`);
      return 0;
    }
    console.error(`gen_port_registry: cannot generate ${ASSET}: ${what} not installed`);
    return 1;
  }
  const text = generate();
  const assetPath = path.join(ROOT, ASSET);
  if (!check) {
    fs.mkdirSync(path.dirname(assetPath), { recursive: true });
    fs.writeFileSync(assetPath, text);
    console.log(`gen_port_registry: wrote ${ASSET} (${text.length} bytes)`);
    return 0;
  }
  const committed = fs.existsSync(assetPath) ? fs.readFileSync(assetPath, 'utf8') : '';
  const diff = firstDifference(committed, text);
  if (!diff) {
    console.log(`gen_port_registry: ${ASSET} matches the installed sources`);
    return 0;
  }
  console.error(`gen_port_registry: ${ASSET} differs from what the installed sources give ` +
    `(first at line ${diff.line}):\n  committed: ${diff.committed ?? '(end of file)'}\n` +
    `  generated: ${diff.generated ?? '(end of file)'}\n` +
    `Regenerate it with: node ${GENERATOR}`);
  return 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof SourceError)) throw e;
  console.error(`gen_port_registry: ${e.message}`);
  process.exitCode = 1;
}
