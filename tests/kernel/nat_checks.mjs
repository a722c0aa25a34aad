// Issue 4: the `linux` NAT profile (R5.1, R5.2, R5.5) against a real netfilter
// NAT built by nat_topology.mjs. What the kernel did is seen from the far
// side: the source address:port a server receives, and which datagrams or
// connections reach the LAN host. The same packets are replayed as a
// `portlab-cli nat --scenario` file and the results reduced to the same
// properties.
import fs from 'node:fs';
import path from 'node:path';
import {
  HAIRPIN_RULE, LAN_PREFIX, ROUTER_LAN, WAN, LAN1, LAN2, SERVER1, SERVER2, FORWARD,
} from './nat_topology.mjs';

const S1 = `${SERVER1}:9000`;
const S2 = `${SERVER2}:9000`;
const WAIT_MS = 1000;  // longest wait for one packet; the whole lab is local

const split = (endpoint) => {
  const i = endpoint.lastIndexOf(':');
  return { ip: endpoint.slice(0, i), port: Number(endpoint.slice(i + 1)) };
};

// RFC 4787 REQ-3a / netfilter: a replacement port stays in its port's class.
function portClass(port) {
  if (port < 512) return '1-511';
  if (port < 1024) return '600-1023';
  return '1024-65535';
}

// --------------------------------------------------------------- scenarios
function scenario(events, options) {
  const s = {
    profile: 'linux',
    router: { lan: LAN_PREFIX, wan: WAN },
    forwards: [FORWARD],
    events,
  };
  if (options) s.options = options;
  return s;
}

const send = (proto, from, to) => ({ send: { proto, from, to } });
const isSend = (result) => result.action === 'translated' || result.action === 'delivered';
// The same, plus the far side's answer (portlab-cli reports it as `reply`).
const ask = (proto, from, to) => ({ send: { proto, from, to, reply: true } });

// Whether the simulated answer to `r` reaches `client` from the address it
// sent to, which is what a connected socket (or a TCP handshake) requires.
// portlab-cli calls an answer leaving toward the internet "translated" and
// one reaching a LAN host "delivered"; either way it arrives.
const answered = (r, client, asked) => Boolean(r.reply) && isSend(r.reply)
  && r.reply.packet.to === client && r.reply.packet.from === asked;

let scenarioCount = 0;
function runScenario(ctx, s) {
  const file = path.join(ctx.tmp, `scenario-${(scenarioCount += 1)}.json`);
  fs.writeFileSync(file, JSON.stringify(s, null, 2));
  const out = ctx.cli(['nat', '--scenario', file]);
  if (!Array.isArray(out.results) || out.results.length !== s.events.length) {
    throw new Error(`${file}: expected ${s.events.length} results, got ${JSON.stringify(out)}`);
  }
  return out.results;
}


// ------------------------------------------------- outbound port selection
// Each flow is one UDP datagram from a LAN host; the servers report the
// source they saw. Order matters: later flows collide with earlier mappings.
const FLOWS = [
  { host: 'lan1', from: `${LAN1}:6000`, to: S1 },
  { host: 'lan2', from: `${LAN2}:6000`, to: S1 },
  { host: 'lan2', from: `${LAN2}:6000`, to: S2 },
  { host: 'lan1', from: `${LAN1}:700`, to: S1 },
  { host: 'lan2', from: `${LAN2}:700`, to: S1 },
  { host: 'lan1', from: `${LAN1}:300`, to: S1 },
  { host: 'lan2', from: `${LAN2}:300`, to: S1 },
  { host: 'lan1', from: `${LAN1}:6400`, to: S1 },
  { host: 'lan2', from: `${LAN2}:6400`, to: S2 },
];

// What happened to flow i's source port, given the external endpoints seen.
function outcome(external, i) {
  const seen = external[i];
  if (!seen) return { dropped: true };
  const { ip, port } = split(seen);
  const kept = port === split(FLOWS[i].from).port;
  return { address: ip, port: kept ? 'kept' : 'changed', class: portClass(port) };
}

// [name, flows involved, property of the external endpoints, reference]
const OUTBOUND_CHECKS = [
  ['R5.1 free port kept: 192.168.1.10:6000 -> server 1', [0], (e) => outcome(e, 0),
    { address: WAN, port: 'kept', class: '1024-65535' }],
  ['R5.1 collision: 192.168.1.20:6000 -> server 1 gets another port of its class', [0, 1],
    (e) => outcome(e, 1), { address: WAN, port: 'changed', class: '1024-65535' }],
  ['R5.1 mapping reused: 192.168.1.20:6000 -> server 2 keeps its external port', [1, 2],
    (e) => ({ same_as_toward_server_1: Boolean(e[2]) && e[2] === e[1] }),
    { same_as_toward_server_1: true }],
  ['R5.1 collision on source port 700 stays in 600-1023', [3, 4],
    (e) => [outcome(e, 3), outcome(e, 4)],
    [{ address: WAN, port: 'kept', class: '600-1023' },
      { address: WAN, port: 'changed', class: '600-1023' }]],
  ['R5.1 collision on source port 300 stays in 1-511', [5, 6],
    (e) => [outcome(e, 5), outcome(e, 6)],
    [{ address: WAN, port: 'kept', class: '1-511' },
      { address: WAN, port: 'changed', class: '1-511' }]],
  ['R5.1 port overlapping (RFC 7857): both hosts keep 6400 toward different servers', [7, 8],
    (e) => [outcome(e, 7), outcome(e, 8)],
    [{ address: WAN, port: 'kept', class: '1024-65535' },
      { address: WAN, port: 'kept', class: '1024-65535' }]],
];

async function checkOutbound(ctx, ns) {
  const servers = ctx.lab.start(ns.inet,
    ['udp-recv', '--bind', S1, '--bind', S2, '--wait', '5000'], 7000);
  try {
    if (!(await servers.waitFor((l) => l.ready, WAIT_MS))) throw new Error('servers not ready');
    const external = [];
    for (const [i, flow] of FLOWS.entries()) {
      const tag = `flow-${i}`;
      ctx.lab.probe(ns[flow.host], ['udp-send', '--bind', flow.from, '--to', flow.to,
        '--data', tag]);
      const seen = await servers.waitFor((l) => l.recv && l.recv.data === tag, WAIT_MS);
      external.push(seen ? seen.recv.from : null);
    }
    const cliExternal = () => runScenario(ctx,
      scenario(FLOWS.map((f) => send('udp', f.from, f.to))))
      .map((r) => (isSend(r) ? r.packet.from : null));
    let cached;
    const cli = () => (cached ??= cliExternal());
    for (const [name, flows, of, reference] of OUTBOUND_CHECKS) {
      const seen = flows.map((i) => `${FLOWS[i].from}->${FLOWS[i].to} as ${external[i]}`);
      ctx.report.compare(name, { kernel: of(external), reference, cli: () => of(cli()),
        note: `observed: ${seen.join('; ')}` });
    }
  } finally {
    servers.child.kill('SIGKILL');
  }
}

// ------------------------------------------------------- inbound filtering
// lan1 sends to server 1, which echoes; then two strangers aim at the same
// external port: server 1's address from another port, and server 2 from the
// same port number. Only the echo may reach lan1 (APDF). Last, the exact peer
// sends a marker: once lan1 has it, anything the strangers got through would
// have arrived too, so no fixed listening window can end the check early.
async function checkFiltering(ctx, ns) {
  const from = `${LAN1}:6100`;
  const server = ctx.lab.start(ns.inet,
    ['udp-recv', '--bind', S1, '--echo', '--wait', '3000'], 5000);
  try {
    if (!(await server.waitFor((l) => l.ready, WAIT_MS))) throw new Error('server not ready');
    const client = ctx.lab.start(ns.lan1,
      ['udp-send', '--bind', from, '--to', S1, '--data', 'hello', '--wait', '4000'], 6000);
    const seen = await server.waitFor((l) => l.recv && l.recv.data === 'hello', WAIT_MS);
    if (!seen) throw new Error('server 1 never saw the outbound datagram');
    const mapped = `${WAN}:${split(seen.recv.from).port}`;
    const strangers = [[`${SERVER1}:9001`, 'other-port'], [`${SERVER2}:9000`, 'other-ip']];
    for (const [stranger, tag] of strangers) {
      ctx.lab.probe(ns.inet, ['udp-send', '--bind', stranger, '--to', mapped, '--data', tag]);
    }
    ctx.lab.probe(ns.inet, ['udp-send', '--bind', S1, '--to', mapped, '--data', 'marker']);
    await client.waitFor((l) => l.recv && l.recv.data === 'marker', WAIT_MS);
    client.child.kill('SIGKILL');
    const received = client.lines.filter((l) => l.recv);
    const kernelFate = (tag, peer) => {
      const got = received.find((l) => l.recv.data === tag && l.recv.from === peer);
      return got ? { action: 'delivered', to: got.recv.at } : { action: 'dropped' };
    };

    const events = [
      send('udp', from, S1),
      send('udp', S1, mapped),
      ...strangers.map(([stranger]) => send('udp', stranger, mapped)),
    ];
    let cached;
    const cli = () => (cached ??= runScenario(ctx, scenario(events)));
    const cliFate = (i) => {
      const r = cli()[i];
      return r.action === 'delivered' ? { action: 'delivered', to: r.packet.to }
        : { action: r.action === 'dropped' ? 'dropped' : r.action };
    };
    const cases = [
      [`R5.2 reply from the exact peer ${S1} to ${mapped}`, 'hello', S1, 1,
        { action: 'delivered', to: from }],
      [`R5.2 unsolicited from ${SERVER1}:9001 (other port) to ${mapped}`, 'other-port',
        strangers[0][0], 2, { action: 'dropped' }],
      [`R5.2 unsolicited from ${SERVER2}:9000 (other address) to ${mapped}`, 'other-ip',
        strangers[1][0], 3, { action: 'dropped' }],
    ];
    for (const [name, tag, peer, index, reference] of cases) {
      ctx.report.compare(name, { kernel: kernelFate(tag, peer), reference,
        cli: () => cliFate(index) });
    }
  } finally {
    server.child.kill('SIGKILL');
  }
}

// ---------------------------------------------------- forwarding, hairpin
async function tcpAttempt(ctx, ns, server, host, args) {
  const earlier = new Set(server.lines);
  const [result] = ctx.lab.probe(ns[host], ['tcp-connect', ...args, '--wait', '800']);
  // The server prints an accepted connection a moment after the client saw it.
  const accepted = result.ok
    ? await server.waitFor((l) => l.accept && !earlier.has(l), WAIT_MS)
    : null;
  return { result, accepted };
}

async function checkForwarding(ctx, ns) {
  const internal = FORWARD.internal;
  const server = ctx.lab.start(ns.lan2, ['tcp-serve', '--bind', internal, '--wait', '6000'], 8000);
  try {
    if (!(await server.waitFor((l) => l.ready, WAIT_MS))) throw new Error('server not ready');

    const outsider = `${SERVER1}:7000`;
    const forwarded = await tcpAttempt(ctx, ns, server, 'inet',
      ['--bind', outsider, '--dest', `${WAN}:8081`]);
    const unforwarded = await tcpAttempt(ctx, ns, server, 'inet',
      ['--bind', `${SERVER1}:7001`, '--dest', `${WAN}:8082`]);
    // TCP: "answered" means the handshake completed, i.e. the server's
    // SYN+ACK came back through the router from the address the client used.
    const fate = ({ result, accepted }) => (accepted
      ? { action: 'delivered', from: accepted.accept.from, to: accepted.accept.at,
        answered: result.ok }
      : { action: 'dropped' });
    const cliFate = (r, client, asked) => (r.action === 'delivered'
      ? { action: 'delivered', from: r.packet.from, to: r.packet.to,
        answered: answered(r, client, asked) }
      : { action: r.action });
    const inbound = [ask('tcp', outsider, `${WAN}:8081`),
      ask('tcp', `${SERVER1}:7001`, `${WAN}:8082`)];
    let cached;
    const cli = () => (cached ??= runScenario(ctx, scenario(inbound)));
    ctx.report.compare(`R5.2 DNAT forward: ${outsider} -> ${WAN}:8081 reaches ${internal}`, {
      kernel: fate(forwarded),
      reference: { action: 'delivered', from: outsider, to: internal, answered: true },
      cli: () => cliFate(cli()[0], outsider, `${WAN}:8081`),
    });
    ctx.report.compare(`R5.2 no forward: ${SERVER1}:7001 -> ${WAN}:8082 is not delivered`, {
      kernel: fate(unforwarded),
      reference: { action: 'dropped' },
      cli: () => cliFate(cli()[1], `${SERVER1}:7001`, `${WAN}:8082`),
    });

    // Hairpin: lan1 uses the public address of lan2's forwarded service. It
    // works when the connection completes; then the server saw the source the
    // router gave it (without the rule, lan2 answers lan1 directly, from its
    // own address, and lan1 rejects that answer).
    const cliHairpin = (hairpin, client) => {
      const [r] = runScenario(ctx, scenario([ask('tcp', client, `${WAN}:8081`)],
        hairpin ? { hairpin: true } : undefined));
      const works = isSend(r) && r.packet.to === internal && answered(r, client, `${WAN}:8081`);
      return { works, source_at_server: works ? r.packet.from : null };
    };
    for (const hairpin of [false, true]) {
      if (hairpin) ctx.lab.nft(ns.rt, HAIRPIN_RULE);
      const client = `${LAN1}:${hairpin ? 5556 : 5555}`;
      const attempt = await tcpAttempt(ctx, ns, server, 'lan1',
        ['--bind', client, '--dest', `${WAN}:8081`]);
      const works = attempt.result.ok && Boolean(attempt.accepted);
      const rule = `${hairpin ? 'with' : 'without'} "ct status dnat masquerade"`;
      ctx.report.compare(`R5.5 hairpin ${client} -> ${WAN}:8081 ${rule}`, {
        kernel: { works, source_at_server: works ? attempt.accepted.accept.from : null },
        reference: { works: hairpin, source_at_server: hairpin ? `${ROUTER_LAN}:5556` : null },
        cli: () => cliHairpin(hairpin, client),
        note: attempt.result.ok ? undefined : `client ${attempt.result.errno}`,
      });
    }
  } finally {
    server.child.kill('SIGKILL');
  }
}

export const natChecks = [
  ['NAT outbound port selection', checkOutbound],
  ['NAT inbound filtering', checkFiltering],
  ['NAT forwarding and hairpin', checkForwarding],
];

