// The port registry: IANA service names per (port, transport), with their
// descriptions and how often nmap finds each port open.
//
// It is parsed from the text of assets/ports/registry.tsv (written by
// tools/gen_port_registry.mjs from Debian's copy of the IANA registry and
// nmap-services; the format is described in the asset's header). Core does
// no file I/O: callers hand in the text (registry_data.h has the copy built
// into the program).
//
// R1.4: lookups are keyed by (port, transport): 514/tcp is `shell`, 514/udp
// is `syslog`. Lookups by number go through a flat per-port table, so they
// cost a couple of memory reads, never a tree walk.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/net/address.h"
#include "core/net/transport_set.h"

namespace portlab::ports {

// One registry record: a name registered on some transports for one port or,
// for a few services (x11 6000-6063), a block of ports.
struct ServiceEntry {
  std::string_view name;         // as IANA spells it: "http-alt", "3Com-nsd"
  std::string_view description;  // may be empty (514/udp syslog has none)
  uint16_t first_port = 0;
  uint16_t last_port = 0;        // == first_port except for blocks
  net::TransportSet transports;
  // The highest open frequency (millionths) of first_port over `transports`;
  // orders prefix matches so the services people meet come first.
  uint32_t open_ppm = 0;
  bool is_block() const { return last_port != first_port; }
};

// Where the registry's facts come from, as recorded in the asset.
struct RegistrySource {
  std::string role;     // "services" or "open_frequency"
  std::string package;  // Debian package: "libwireshark-data"
  std::string version;  // "4.0.17-0+deb12u3"
  std::string path;     // "/usr/share/wireshark/services"
};

struct RegistryProvenance {
  int format_version = 0;
  std::string generator;  // "tools/gen_port_registry.mjs"
  std::vector<RegistrySource> sources;
  const RegistrySource* find(std::string_view role) const;
};

// Entries that share one port, e.g. 514: shell (tcp) and syslog (udp).
class EntryList {
 public:
  EntryList(const ServiceEntry* const* begin, const ServiceEntry* const* end)
      : begin_(begin), end_(end) {}
  const ServiceEntry* const* begin() const { return begin_; }
  const ServiceEntry* const* end() const { return end_; }
  size_t size() const { return static_cast<size_t>(end_ - begin_); }
  bool empty() const { return begin_ == end_; }

 private:
  const ServiceEntry* const* begin_;
  const ServiceEntry* const* end_;
};

class PortRegistry {
 public:
  // All entries on `port`, any transport, in asset order (by name).
  EntryList at(uint16_t port) const;
  // The first service registered on (port, transport); nullptr when none.
  const ServiceEntry* find(uint16_t port, net::Transport transport) const;
  // Every service registered on (port, transport), usually one; 465/tcp has
  // two (submissions and urd). In asset order (by name).
  std::vector<const ServiceEntry*> find_all(uint16_t port, net::Transport transport) const;

  // How often nmap found (port, transport) open: 0.0-1.0; 0 when nmap never
  // saw it open (or has no figure for it).
  double seen_open(uint16_t port, net::Transport transport) const;
  uint32_t seen_open_ppm(uint16_t port, net::Transport transport) const;

  // Entries named exactly `name`, ignoring case, by port. With a transport,
  // only entries registered on it.
  std::vector<const ServiceEntry*> find_name(
      std::string_view name, std::optional<net::Transport> transport = std::nullopt) const;
  // Entries whose name starts with `prefix` (exact names included), ignoring
  // case, most often seen open first (on `transport` when given), then by
  // port and name. An empty prefix matches nothing.
  std::vector<const ServiceEntry*> find_prefix(
      std::string_view prefix, std::optional<net::Transport> transport = std::nullopt) const;

  const std::vector<ServiceEntry>& entries() const { return entries_; }
  const RegistryProvenance& provenance() const { return provenance_; }

 private:
  friend class RegistryBuilder;
  struct NameKey {
    std::string folded;  // lower case
    const ServiceEntry* entry;
  };
  struct OpenRow {
    uint32_t ppm[net::kTransportCount];
  };

  std::unique_ptr<const std::string> text_;  // entries' names point into it
  std::vector<ServiceEntry> entries_;
  // Flat index by port: the entries on port p are
  // postings_[first_posting_[p] .. first_posting_[p + 1]).
  std::vector<uint32_t> first_posting_;
  std::vector<const ServiceEntry*> postings_;
  // open_row_[p] is 0 when nmap never saw p open, else 1 + its row in open_rows_.
  std::vector<uint32_t> open_row_;
  std::vector<OpenRow> open_rows_;
  std::vector<NameKey> names_;  // sorted by folded name, then port
  RegistryProvenance provenance_;
};

// A malformed line in the registry text.
struct RegistryError {
  int line = 0;  // 1-based
  std::string message;
};

struct RegistryParse {
  std::optional<PortRegistry> registry;
  std::vector<RegistryError> errors;  // at most kMaxRegistryErrors
  bool ok() const { return registry.has_value(); }
};

inline constexpr size_t kMaxRegistryErrors = 20;

// Parses the asset text. Any malformed line makes the whole parse fail, with
// every error (up to kMaxRegistryErrors) reported by line number.
RegistryParse parse_port_registry(std::string text);

}  // namespace portlab::ports
