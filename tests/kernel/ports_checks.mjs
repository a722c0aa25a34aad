// Issue 3: the Linux profile's ephemeral allocator (R2.x, R3.x) and bind()
// permission model (R4.x) against this machine's kernel. Every scenario gets a
// fresh namespace, so sysctls, TIME_WAIT entries and sockets of one scenario
// cannot leak into the next.

const DEST_A = '127.0.0.1:5001';
const DEST_B = '127.0.0.1:5002';
const TINY = { lo: 40000, hi: 40003 };
const range = (lo, hi) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);

function parity(ports) {
  if (ports.length === 0) return 'none';
  if (ports.every((p) => p % 2 === 0)) return 'even';
  if (ports.every((p) => p % 2 === 1)) return 'odd';
  return 'mixed';
}

const sortedUnique = (ports) => [...new Set(ports)].sort((a, b) => a - b);

// Runs the probe's `ephemeral` in a fresh namespace with the given range
// (null keeps the kernel default) and returns {ports, error, failed_at}.
function kernelEphemeral(lab, portRange, args) {
  const ns = lab.ns('eph');
  try {
    if (portRange) {
      lab.sysctl(ns, 'net.ipv4.ip_local_port_range', `${portRange.lo} ${portRange.hi}`);
    }
    return lab.probe(ns, ['ephemeral', ...args])[0];
  } finally {
    lab.drop(ns);
  }
}

function cliEphemeral(cli, seed, portRange, args) {
  const rangeArgs = portRange ? ['--range', `${portRange.lo}-${portRange.hi}`] : [];
  return cli(['ephemeral', '--os', 'linux', ...rangeArgs, ...args, '--seed', String(seed)]);
}

// One scenario run on both sides, reduced to the property `of` describes.
function compareEphemeral(ctx, name, { portRange, args, of, reference }) {
  const kernel = of(kernelEphemeral(ctx.lab, portRange, args));
  ctx.report.compare(name, {
    kernel,
    reference,
    cli: () => of(cliEphemeral(ctx.cli, ctx.seed, portRange, args)),
  });
}

function checkParity(ctx) {
  const cases = [
    ['connect', ['--mode', 'connect', '--dest', DEST_A], 'even', 'R3.1'],
    ['bind0', ['--mode', 'bind0'], 'odd', 'R3.2'],
    ['udp', ['--mode', 'udp', '--dest', DEST_A], 'mixed', 'R3.3'],
  ];
  for (const [mode, args, reference, rule] of cases) {
    compareEphemeral(ctx, `${rule} default range, 30 x ${mode}: parity of the local ports`, {
      portRange: null,
      args: [...args, '--count', '30'],
      of: (r) => ({ parity: parity(r.ports), allocated: r.ports.length, error: r.error }),
      reference: { parity: reference, allocated: 30, error: null },
    });
  }
}

function checkBounds(ctx) {
  const portRange = { lo: 50000, hi: 50099 };
  const modes = [
    ['connect', '--dest', DEST_A],
    ['bind0'],
    ['udp', '--dest', DEST_A],
  ];
  for (const [mode, ...dest] of modes) {
    compareEphemeral(ctx, `R2.1 ip_local_port_range 50000-50099, 40 x ${mode}: ports in bounds`, {
      portRange,
      args: ['--mode', mode, ...dest, '--count', '40'],
      of: (r) => ({
        inside: r.ports.every((p) => p >= portRange.lo && p <= portRange.hi),
        allocated: sortedUnique(r.ports).length,
        error: r.error,
      }),
      reference: { inside: true, allocated: 40, error: null },
    });
  }
}

function checkExhaustion(ctx) {
  const cases = [
    ['connect', ['--dest', DEST_A], 'EADDRNOTAVAIL', 'R3.1/R3.7'],
    ['bind0', [], 'EADDRINUSE', 'R3.2'],
  ];
  for (const [mode, dest, errno, rule] of cases) {
    compareEphemeral(ctx, `${rule} range 40000-40003, 5 x ${mode}: 4 ports, then ${errno}`, {
      portRange: TINY,
      args: ['--mode', mode, ...dest, '--count', '5'],
      of: (r) => ({ ports: sortedUnique(r.ports), error: r.error, failed_at: r.failed_at }),
      reference: { ports: range(TINY.lo, TINY.hi), error: errno, failed_at: 4 },
    });
  }
}

// Nine connects alternating over two destinations: the four ports of the
// range serve both (4-tuples differ), and the ninth connect finds none left.
function checkSharing(ctx) {
  const of = (r) => {
    const toA = new Set(r.ports.filter((_, i) => i % 2 === 0));
    const toB = new Set(r.ports.filter((_, i) => i % 2 === 1));
    return {
      ports: sortedUnique(r.ports),
      every_port_used_for_both: [...toA].every((p) => toB.has(p)) && toA.size === toB.size,
      error: r.error,
      failed_at: r.failed_at,
    };
  };
  compareEphemeral(ctx, 'R3.1 range 40000-40003, 9 connects over 2 destinations: ports shared', {
    portRange: TINY,
    args: ['--mode', 'connect', '--dest', DEST_A, '--dest', DEST_B, '--count', '9'],
    of,
    reference: {
      ports: range(TINY.lo, TINY.hi),
      every_port_used_for_both: true,
      error: 'EADDRNOTAVAIL',
      failed_at: 8,
    },
  });
}

// Range 40010-40011 with a listener on 40010: connect() never shares a port
// held by bind()/listen(), so every destination gets 40011 and the second
// connect to the same destination finds nothing.
function checkListenerNotShared(ctx) {
  compareEphemeral(ctx, 'R3.1 range 40010-40011, listener on 40010: connects use only 40011', {
    portRange: { lo: 40010, hi: 40011 },
    args: ['--mode', 'connect', '--dest', DEST_A, '--dest', DEST_B, '--count', '4',
      '--existing', '0.0.0.0:40010/tcp:listen'],
    of: (r) => ({ ports: sortedUnique(r.ports), error: r.error, failed_at: r.failed_at }),
    reference: { ports: [40011], error: 'EADDRNOTAVAIL', failed_at: 2 },
  });
}

// bind() cases: the same arguments go to the probe (which makes the existing
// sockets as root, then switches uid) and to `portlab-cli bind`; sysctls are
// written into the namespace for the kernel and passed as --sysctl to the CLI.
// Every case names its uid: the probe runs as root, portlab-cli defaults to 1000.
const UNPRIV = 'net.ipv4.ip_unprivileged_port_start';
const BIND_CASES = [
  ['R4.1 uid 65534 binds TCP 0.0.0.0:80', [], ['--port', '80', '--uid', '65534'], 'EACCES'],
  ['R4.1 uid 65534 binds UDP 0.0.0.0:80', [],
    ['--port', '80', '--proto', 'udp', '--uid', '65534'], 'EACCES'],
  ['R4.1 uid 65534 binds TCP 127.0.0.1:1023', [],
    ['--addr', '127.0.0.1', '--port', '1023', '--uid', '65534'], 'EACCES'],
  ['R4.1 uid 65534 binds TCP 0.0.0.0:1024', [], ['--port', '1024', '--uid', '65534'], null],
  ['R4.1 uid 65534 with CAP_NET_BIND_SERVICE binds TCP 0.0.0.0:80', [],
    ['--port', '80', '--uid', '65534', '--cap', 'net_bind_service'], null],
  ['R4.1 root binds TCP 0.0.0.0:80', [], ['--port', '80', '--uid', '0'], null],
  ['R4.2 ip_unprivileged_port_start=443: uid 65534 binds 443', [[UNPRIV, '443']],
    ['--port', '443', '--uid', '65534'], null],
  ['R4.2 ip_unprivileged_port_start=443: uid 65534 binds 80', [[UNPRIV, '443']],
    ['--port', '80', '--uid', '65534'], 'EACCES'],
  ['R4.2 ip_unprivileged_port_start=0: uid 65534 binds 22', [[UNPRIV, '0']],
    ['--port', '22', '--uid', '65534'], null],
  ['R4.1 privilege is checked before in-use: uid 65534, port 80 already listening', [],
    ['--port', '80', '--uid', '65534', '--existing', '0.0.0.0:80/tcp:listen'], 'EACCES'],
  ['R3.5 127.0.0.1:8080 while 0.0.0.0:8080 listens', [],
    ['--addr', '127.0.0.1', '--port', '8080', '--uid', '0',
      '--existing', '0.0.0.0:8080/tcp:listen'],
    'EADDRINUSE'],
  ['R3.5 127.0.0.2:8080 while 127.0.0.1:8080 listens', [],
    ['--addr', '127.0.0.2', '--port', '8080', '--uid', '0',
      '--existing', '127.0.0.1:8080/tcp:listen'], null],
  ['R2.4 UDP 0.0.0.0:8080 while TCP 0.0.0.0:8080 listens', [],
    ['--port', '8080', '--proto', 'udp', '--uid', '0',
      '--existing', '0.0.0.0:8080/tcp:listen'], null],
];

function checkBind(ctx) {
  const of = (r) => ({ ok: r.ok, errno: r.ok ? null : r.errno });
  for (const [name, sysctls, args, errno] of BIND_CASES) {
    const ns = ctx.lab.ns('bind');
    let kernel;
    try {
      for (const [key, value] of sysctls) ctx.lab.sysctl(ns, key, value);
      kernel = of(ctx.lab.probe(ns, ['bind', ...args])[0]);
    } finally {
      ctx.lab.drop(ns);
    }
    const sysctlArgs = sysctls.flatMap(([key, value]) => ['--sysctl', `${key}=${value}`]);
    ctx.report.compare(name, {
      kernel,
      reference: { ok: errno === null, errno },
      cli: () => of(ctx.cli(['bind', '--os', 'linux', ...args, ...sysctlArgs])),
    });
  }
}

export const portChecks = [
  ['ephemeral parity', checkParity],
  ['ephemeral range bounds', checkBounds],
  ['ephemeral exhaustion', checkExhaustion],
  ['ephemeral sharing across destinations', checkSharing],
  ['ephemeral never shares a listening port', checkListenerNotShared],
  ['bind permission and conflicts', checkBind],
];
