#include "core/ports/registry.h"

#include <algorithm>
#include <utility>

namespace portlab::ports {
namespace {

constexpr std::string_view kFormatName = "portlab-port-registry";
constexpr int kFormatVersion = 1;
constexpr uint32_t kMillion = 1000000;

// Service names are ASCII (RFC 6335 section 5.1), so ASCII folding is enough.
std::string fold(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

}  // namespace

// Turns the asset text into a PortRegistry: reads every line, collects the
// errors, then builds the flat indexes.
class RegistryBuilder {
 public:
  explicit RegistryBuilder(std::string text) {
    registry_.text_ = std::make_unique<const std::string>(std::move(text));
  }

  RegistryParse run() {
    std::string_view text = *registry_.text_;
    int line_number = 0;
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      // Tolerate a checkout that turned the asset's line ends into CRLF.
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      read_line(++line_number, line);
      start = end + 1;
    }
    if (errors_.empty() && !format_seen_) error(1, "missing the '@ format' record");
    if (errors_.empty() && registry_.entries_.empty()) error(line_number, "no 's' records");
    RegistryParse result;
    if (!errors_.empty()) {
      result.errors = std::move(errors_);
      return result;
    }
    build_indexes();
    result.registry = std::move(registry_);
    return result;
  }

 private:
  void error(int line, std::string message) {
    if (errors_.size() < kMaxRegistryErrors) errors_.push_back({line, std::move(message)});
  }

  void read_line(int line, std::string_view text) {
    if (text.empty() || text.front() == '#') return;
    std::vector<std::string_view> f = split_tabs(text);
    if (f[0] == "@") return read_meta(line, f);
    if (!format_seen_) return error(line, "record before the '@ format' record");
    if (f[0] == "s") return read_service(line, f);
    if (f[0] == "o") return read_open(line, f);
    error(line, "unknown record type '" + std::string(f[0]) + "' (expected @, s or o)");
  }

  void read_meta(int line, const std::vector<std::string_view>& f) {
    RegistryProvenance& p = registry_.provenance_;
    std::string_view key = f.size() > 1 ? f[1] : "";
    if (key == "format") {
      if (f.size() != 4 || f[2] != kFormatName || f[3] != std::to_string(kFormatVersion))
        return error(line, "unsupported format (expected '@ format " + std::string(kFormatName) +
                               " " + std::to_string(kFormatVersion) + "')");
      format_seen_ = true;
      p.format_version = kFormatVersion;
    } else if (key == "source") {
      if (f.size() != 6) return error(line, "'@ source' needs role, package, version and path");
      p.sources.push_back({std::string(f[2]), std::string(f[3]), std::string(f[4]),
                           std::string(f[5])});
    } else if (key == "generator") {
      if (f.size() != 3) return error(line, "'@ generator' needs one value");
      p.generator = std::string(f[2]);
    } else {
      error(line, "unknown '@' key '" + std::string(key) + "'");
    }
  }

  // s <port>[-<last>] <tcp/udp/...> <name> <description>
  void read_service(int line, const std::vector<std::string_view>& f) {
    if (f.size() != 5)
      return error(line, "an 's' record has 5 tab-separated fields, this one has " +
                             std::to_string(f.size()));
    ServiceEntry e;
    std::string_view ports = f[1];
    size_t dash = ports.find('-');
    auto first = net::parse_port(ports.substr(0, dash));
    auto last = dash == std::string_view::npos ? first : net::parse_port(ports.substr(dash + 1));
    if (!first.ok()) return error(line, first.error);
    if (!last.ok()) return error(line, last.error);
    if (*last.value <= *first.value && dash != std::string_view::npos)
      return error(line, "port block '" + std::string(ports) + "' does not go upwards");
    e.first_port = *first.value;
    e.last_port = *last.value;
    if (!read_transports(line, f[2], e.transports)) return;
    if (f[3].empty() || f[3].find(' ') != std::string_view::npos)
      return error(line, "service name '" + std::string(f[3]) + "' is empty or has a space");
    e.name = f[3];
    e.description = f[4];
    registry_.entries_.push_back(e);
  }

  bool read_transports(int line, std::string_view text, net::TransportSet& out) {
    size_t start = 0;
    while (true) {
      size_t slash = text.find('/', start);
      size_t length = slash == std::string_view::npos ? text.npos : slash - start;
      auto t = net::parse_transport(text.substr(start, length));
      if (!t.ok()) {
        error(line, t.error);
        return false;
      }
      if (out.has(*t.value)) {
        error(line, std::string("transport ") + net::to_string(*t.value) + " listed twice");
        return false;
      }
      out.add(*t.value);
      if (slash == std::string_view::npos) return true;
      start = slash + 1;
    }
  }

  // o +<step> <tcp> <udp> <sctp> <dccp>   (millionths; the port is the
  // previous o record's port plus step, starting from 0)
  void read_open(int line, const std::vector<std::string_view>& f) {
    if (f.size() != 2 + net::kTransportCount)
      return error(line, "an 'o' record has 6 tab-separated fields, this one has " +
                             std::to_string(f.size()));
    if (f[1].empty() || f[1].front() != '+')
      return error(line, "an 'o' record's step must look like +1, not '" + std::string(f[1]) + "'");
    auto step = net::parse_integer(f[1].substr(1), open_rows_seen_ ? 1 : 0, 65535);
    if (!step.ok()) return error(line, "step: " + step.error);
    long long port = last_open_port_ + *step.value;
    if (port > 65535) return error(line, "step " + std::string(f[1]) + " goes past port 65535");
    PortRegistry::OpenRow row{};
    for (int i = 0; i < net::kTransportCount; ++i) {
      auto ppm = net::parse_integer(f[2 + i], 0, kMillion);
      if (!ppm.ok()) return error(line, "open frequency: " + ppm.error);
      row.ppm[i] = static_cast<uint32_t>(*ppm.value);
    }
    open_rows_seen_ = true;
    last_open_port_ = port;
    registry_.open_rows_.push_back(row);
    open_ports_.push_back(static_cast<uint16_t>(port));
  }

  void build_indexes() {
    PortRegistry& r = registry_;
    r.open_row_.assign(65536, 0);
    for (size_t i = 0; i < open_ports_.size(); ++i)
      r.open_row_[open_ports_[i]] = static_cast<uint32_t>(i + 1);

    // Counting sort of (port, entry) pairs into the flat per-port table.
    r.first_posting_.assign(65537, 0);
    for (const ServiceEntry& e : r.entries_)
      for (uint32_t p = e.first_port; p <= e.last_port; ++p) ++r.first_posting_[p + 1];
    for (size_t p = 1; p < r.first_posting_.size(); ++p)
      r.first_posting_[p] += r.first_posting_[p - 1];
    r.postings_.assign(r.first_posting_.back(), nullptr);
    std::vector<uint32_t> next(r.first_posting_.begin(), r.first_posting_.end() - 1);
    for (ServiceEntry& e : r.entries_) {
      for (uint32_t p = e.first_port; p <= e.last_port; ++p) r.postings_[next[p]++] = &e;
      for (net::Transport t : net::TransportSet::kAll)
        if (e.transports.has(t))
          e.open_ppm = std::max(e.open_ppm, r.seen_open_ppm(e.first_port, t));
    }

    r.names_.reserve(r.entries_.size());
    for (const ServiceEntry& e : r.entries_) r.names_.push_back({fold(e.name), &e});
    std::sort(r.names_.begin(), r.names_.end(), [](const auto& a, const auto& b) {
      if (a.folded != b.folded) return a.folded < b.folded;
      return a.entry->first_port < b.entry->first_port;
    });
  }

  PortRegistry registry_;
  std::vector<RegistryError> errors_;
  std::vector<uint16_t> open_ports_;  // the port of each open row
  bool format_seen_ = false;
  bool open_rows_seen_ = false;
  long long last_open_port_ = 0;
};

const RegistrySource* RegistryProvenance::find(std::string_view role) const {
  for (const RegistrySource& s : sources)
    if (s.role == role) return &s;
  return nullptr;
}

EntryList PortRegistry::at(uint16_t port) const {
  const ServiceEntry* const* base = postings_.data();
  return {base + first_posting_[port], base + first_posting_[port + 1u]};
}

const ServiceEntry* PortRegistry::find(uint16_t port, net::Transport transport) const {
  for (uint32_t i = first_posting_[port], end = first_posting_[port + 1u]; i < end; ++i)
    if (postings_[i]->transports.has(transport)) return postings_[i];
  return nullptr;
}

std::vector<const ServiceEntry*> PortRegistry::find_all(uint16_t port,
                                                       net::Transport transport) const {
  std::vector<const ServiceEntry*> out;
  for (const ServiceEntry* e : at(port))
    if (e->transports.has(transport)) out.push_back(e);
  return out;
}

uint32_t PortRegistry::seen_open_ppm(uint16_t port, net::Transport transport) const {
  uint32_t row = open_row_[port];
  return row == 0 ? 0 : open_rows_[row - 1].ppm[static_cast<int>(transport)];
}

double PortRegistry::seen_open(uint16_t port, net::Transport transport) const {
  return seen_open_ppm(port, transport) / static_cast<double>(kMillion);
}

std::vector<const ServiceEntry*> PortRegistry::find_name(
    std::string_view name, std::optional<net::Transport> transport) const {
  std::string key = fold(name);
  auto lo = std::lower_bound(names_.begin(), names_.end(), key,
                             [](const NameKey& k, const std::string& v) { return k.folded < v; });
  std::vector<const ServiceEntry*> out;
  for (auto it = lo; it != names_.end() && it->folded == key; ++it)
    if (!transport || it->entry->transports.has(*transport)) out.push_back(it->entry);
  return out;
}

std::vector<const ServiceEntry*> PortRegistry::find_prefix(
    std::string_view prefix, std::optional<net::Transport> transport) const {
  std::vector<const ServiceEntry*> out;
  if (prefix.empty()) return out;
  std::string key = fold(prefix);
  auto lo = std::lower_bound(names_.begin(), names_.end(), key,
                             [](const NameKey& k, const std::string& v) { return k.folded < v; });
  // Rank and port sit beside the pointer, so the sort rarely follows it.
  struct Ranked {
    uint32_t ppm;
    uint16_t port;
    const ServiceEntry* entry;
  };
  std::vector<Ranked> ranked;
  for (auto it = lo; it != names_.end() && it->folded.compare(0, key.size(), key) == 0; ++it) {
    const ServiceEntry* e = it->entry;
    if (transport && !e->transports.has(*transport)) continue;
    uint32_t ppm = transport ? seen_open_ppm(e->first_port, *transport) : e->open_ppm;
    ranked.push_back({ppm, e->first_port, e});
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.ppm != b.ppm) return a.ppm > b.ppm;
    if (a.port != b.port) return a.port < b.port;
    return a.entry->name < b.entry->name;
  });
  out.reserve(ranked.size());
  for (const Ranked& r : ranked) out.push_back(r.entry);
  return out;
}

RegistryParse parse_port_registry(std::string text) {
  return RegistryBuilder(std::move(text)).run();
}

}  // namespace portlab::ports
