// A home network in namespaces, the shape networking-facts.md section 7 used:
//
//   lan1 192.168.1.10 --+
//                       +-- sw (bridge) -- rt lan0 192.168.1.1  [nftables NAT]
//   lan2 192.168.1.20 --+                  rt wan0 203.0.113.1 -- inet 203.0.113.2
//                                                               198.51.100.7 (server 1)
//                                                               198.51.100.8 (server 2)
//
// The LAN hosts share one bridge in their own namespace, like a home router's
// switch chip: a hairpinned reply from lan2 to lan1 then goes straight across
// the bridge without passing the router's conntrack (the reason hairpin needs
// the extra masquerade rule). The bridge namespace sets
// bridge-nf-call-iptables=0 as in the reference experiment.

export const LAN_PREFIX = '192.168.1.1/24';
export const ROUTER_LAN = '192.168.1.1';
export const WAN = '203.0.113.1';
export const LAN1 = '192.168.1.10';
export const LAN2 = '192.168.1.20';
export const SERVER1 = '198.51.100.7';
export const SERVER2 = '198.51.100.8';
export const FORWARD = { proto: 'tcp', external_port: 8081, internal: `${LAN2}:80` };

// Masquerade on the WAN side and one DNAT forward. The DNAT rule matches on
// the WAN address only (not on the WAN interface), so LAN clients that use the
// public address are forwarded too, which is what makes hairpin possible.
const RULESET = `
table ip nat {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    ip daddr ${WAN} tcp dport ${FORWARD.external_port} dnat to ${FORWARD.internal}
  }
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "wan0" masquerade
  }
}
`;

// The reference's hairpin fix: masquerade DNATed LAN-to-LAN traffic, so the
// server answers the router instead of the client directly.
export const HAIRPIN_RULE =
  `add rule ip nat postrouting oifname "lan0" ip saddr 192.168.1.0/24 ct status dnat masquerade\n`;

export function buildNatLab(lab) {
  const ns = {
    lan1: lab.ns('lan1'),
    lan2: lab.ns('lan2'),
    sw: lab.ns('sw'),
    rt: lab.ns('rt'),
    inet: lab.ns('inet'),
  };
  lab.sysctl(ns.sw, 'net.bridge.bridge-nf-call-iptables', '0');
  lab.ip(ns.sw, 'link', 'add', 'br0', 'type', 'bridge');
  lab.ip(ns.sw, 'link', 'set', 'br0', 'up');
  const lanPorts = [[ns.lan1, 'p1', LAN1], [ns.lan2, 'p2', LAN2], [ns.rt, 'p0', null]];
  for (const [host, port, address] of lanPorts) {
    const inside = host === ns.rt ? 'lan0' : 'eth0';
    lab.veth(host, inside, ns.sw, port);
    lab.ip(ns.sw, 'link', 'set', port, 'master', 'br0');
    if (address) {
      lab.ip(host, 'addr', 'add', `${address}/24`, 'dev', inside);
      lab.ip(host, 'route', 'add', 'default', 'via', ROUTER_LAN);
    }
  }
  lab.ip(ns.rt, 'addr', 'add', LAN_PREFIX, 'dev', 'lan0');

  lab.veth(ns.rt, 'wan0', ns.inet, 'eth0');
  lab.ip(ns.rt, 'addr', 'add', `${WAN}/24`, 'dev', 'wan0');
  lab.ip(ns.rt, 'route', 'add', 'default', 'via', '203.0.113.2');
  for (const address of ['203.0.113.2', SERVER1, SERVER2]) {
    lab.ip(ns.inet, 'addr', 'add', `${address}/24`, 'dev', 'eth0');
  }

  lab.sysctl(ns.rt, 'net.ipv4.ip_forward', '1');
  // A router that forwards a packet back out of the interface it came in on
  // sends an ICMP redirect; lan1 would then send later packets for the public
  // address straight to lan2. Off, so each hairpin attempt tests only NAT.
  for (const dev of ['all', 'lan0']) {
    lab.sysctl(ns.rt, `net.ipv4.conf.${dev}.send_redirects`, '0');
  }
  lab.nft(ns.rt, RULESET);
  return ns;
}
