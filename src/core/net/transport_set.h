// A set of transports, e.g. "tcp/udp": the transports a service is
// registered on (R1.4) or really uses (R6.1). One byte, so registry entries
// and exam rows stay small and copying one is free.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>

#include "core/net/address.h"

namespace portlab::net {

class TransportSet {
 public:
  constexpr TransportSet() = default;
  constexpr TransportSet(std::initializer_list<Transport> transports) {
    for (Transport t : transports) add(t);
  }

  constexpr void add(Transport t) { bits_ |= bit(t); }
  constexpr bool has(Transport t) const { return (bits_ & bit(t)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr uint8_t bits() const { return bits_; }
  int size() const {
    int n = 0;
    for (int i = 0; i < kTransportCount; ++i) n += (bits_ >> i) & 1;
    return n;
  }

  constexpr TransportSet operator|(TransportSet o) const { return from_bits(bits_ | o.bits_); }
  constexpr bool operator==(TransportSet o) const { return bits_ == o.bits_; }
  constexpr bool operator!=(TransportSet o) const { return bits_ != o.bits_; }

  // Every transport, in the order /etc/services writes them: tcp, udp, sctp, dccp.
  static constexpr Transport kAll[kTransportCount] = {Transport::Tcp, Transport::Udp,
                                                      Transport::Sctp, Transport::Dccp};

 private:
  static constexpr uint8_t bit(Transport t) {
    return static_cast<uint8_t>(1u << static_cast<int>(t));
  }
  static constexpr TransportSet from_bits(int bits) {
    TransportSet s;
    s.bits_ = static_cast<uint8_t>(bits);
    return s;
  }
  uint8_t bits_ = 0;
};

// "tcp/udp" (the /etc/services spelling); "" for the empty set.
inline std::string to_string(TransportSet set) {
  std::string out;
  for (Transport t : TransportSet::kAll) {
    if (!set.has(t)) continue;
    if (!out.empty()) out += '/';
    out += to_string(t);
  }
  return out;
}

}  // namespace portlab::net
