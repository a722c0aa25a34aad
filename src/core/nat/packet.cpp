#include "core/nat/packet.h"

namespace portlab::nat {

std::string describe_tcp_flags(uint8_t flags) {
  std::string out;
  auto add = [&](uint8_t bit, const char* name) {
    if (!(flags & bit)) return;
    if (!out.empty()) out += "+";
    out += name;
  };
  add(kSyn, "SYN");
  add(kFin, "FIN");
  add(kRst, "RST");
  add(kAck, "ACK");
  return out.empty() ? "no flags" : out;
}

std::string describe(const Packet& p) {
  std::string out = std::string(net::to_string(p.proto)) + " " + net::to_string(p.src) + " -> " +
                    net::to_string(p.dst);
  if (p.proto == net::Transport::Tcp) out += " [" + describe_tcp_flags(p.tcp_flags) + "]";
  return out;
}

bool parse_tcp_flags(std::string_view text, uint8_t* flags) {
  struct Word {
    const char* text;
    uint8_t flags;
  };
  static const Word kWords[] = {{"syn", kSyn},        {"syn-ack", kSyn | kAck}, {"ack", kAck},
                                {"fin", kFin | kAck}, {"fin-ack", kFin | kAck}, {"rst", kRst}};
  for (const Word& w : kWords) {
    if (text == w.text) {
      *flags = w.flags;
      return true;
    }
  }
  return false;
}

}  // namespace portlab::nat
