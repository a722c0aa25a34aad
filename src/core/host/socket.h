// One socket of a simulated host, as the bind/connect model sees it.
#pragma once

#include <cstdint>

#include "core/net/address.h"
#include "core/sim/clock.h"

namespace portlab::host {

enum class SocketState : uint8_t {
  Unbound,    // socket() done, no local port yet
  Bound,      // bind() gave it a port
  Listening,  // listen()
  Connected,  // has a remote end (TCP established, or a connected UDP socket)
  TimeWait,   // closed first by this side: the 4-tuple is held (R3.6)
};

// How the socket got its local port. Linux lets connect() share only ports
// that connect() itself assigned (R3.1), so this is part of the port's record.
enum class PortOrigin : uint8_t {
  None,
  ExplicitBind,  // bind(addr, port>0)
  BindZero,      // bind(addr, 0): the kernel picked (R3.2)
  Connect,       // connect() on an unbound TCP socket (R3.1)
  UdpAutobind,   // sendto()/connect() on an unbound UDP socket (R3.3)
  Accepted,      // accept(): shares its listener's port
};

struct SocketOptions {
  bool reuseaddr = false;  // SO_REUSEADDR
  bool reuseport = false;  // SO_REUSEPORT
  // IP_BIND_ADDRESS_NO_PORT (Linux 4.2+): bind(ip, 0) keeps the address and
  // leaves the port to connect(), which then follows R3.1 (section 3.3).
  bool bind_address_no_port = false;
};

// Who opens the socket. Root has every capability; CAP_NET_BIND_SERVICE is
// the Linux one that matters here (R4.1). Other systems only know root.
struct Credentials {
  uint32_t uid = 1000;
  bool cap_net_bind_service = false;
  // The socket was bound by a privileged process and handed over (systemd or
  // launchd socket activation), so its port passed the privilege check there.
  bool handed_over = false;
  bool is_root() const { return uid == 0; }
};

// A handle that goes stale when the socket is gone, so a recycled slot is
// never mistaken for the old socket.
struct SocketId {
  uint32_t index = UINT32_MAX;
  uint32_t generation = 0;
  bool valid() const { return index != UINT32_MAX; }
  bool operator==(SocketId o) const { return index == o.index && generation == o.generation; }
  bool operator!=(SocketId o) const { return !(*this == o); }
};

struct Socket {
  net::Transport transport = net::Transport::Tcp;
  SocketState state = SocketState::Unbound;
  PortOrigin origin = PortOrigin::None;
  SocketOptions options;
  Credentials owner;
  net::Endpoint local;   // address 0.0.0.0 = wildcard
  net::Endpoint remote;  // set when Connected or TimeWait
  sim::Millis time_wait_since = 0;
  sim::Millis time_wait_until = 0;

  bool has_port() const { return state != SocketState::Unbound; }
  // Sockets bound by bind()/listen()/accept() pin their port: Linux connect()
  // never shares it (R3.1).
  bool pins_port() const {
    return origin == PortOrigin::ExplicitBind || origin == PortOrigin::BindZero ||
           origin == PortOrigin::Accepted;
  }
};

const char* to_string(SocketState s);
const char* to_string(PortOrigin o);

}  // namespace portlab::host
