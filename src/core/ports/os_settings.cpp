#include "core/ports/os_settings.h"

#include <algorithm>
#include <climits>

#include "core/text.h"

namespace portlab::ports {
namespace {

using text::trim;

std::string quoted(std::string_view value) { return "'" + std::string(value) + "'"; }

SettingResult bad_value(std::string_view name, std::string message) {
  return {SettingResult::Status::BadValue, std::string(name) + ": " + message, "", ""};
}

// The real write fails with EINVAL. Every refusal PortLab models sits next
// to the R2.3 check in the same kernel/ipadm handler, so R2.3 is the
// closest rule even for "upper end below lower end".
SettingResult refused(std::string message) {
  return {SettingResult::Status::Refused, std::move(message), "EINVAL", "R2.3"};
}


// Reads one integer for a setting, or explains why it is not one.
net::Parsed<long long> integer(std::string_view value, long long lo, long long hi) {
  return net::parse_integer(trim(value), lo, hi);
}

std::string range_text(PortRange r) { return std::to_string(r.lo) + " " + std::to_string(r.hi); }

std::string port_list_text(const std::bitset<65536>& bits) {
  std::string out;
  for (int p = 0; p < 65536; ++p) {
    if (!bits[p]) continue;
    int q = p;
    while (q + 1 < 65536 && bits[q + 1]) ++q;
    if (!out.empty()) out += ",";
    out += std::to_string(p);
    if (q > p) out += "-" + std::to_string(q);
    p = q;
  }
  return out;
}

// BSD's RANGECHK: portrange.first/last are clamped into 1024-65535, not refused.
int bsd_clamp(long long v) { return static_cast<int>(std::clamp(v, 1024LL, 65535LL)); }

}  // namespace

net::Parsed<std::vector<PortRange>> parse_port_list(std::string_view text) {
  using Result = net::Parsed<std::vector<PortRange>>;
  std::vector<PortRange> out;
  text = trim(text);
  if (text.empty()) return {out, {}};
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string_view item = text.substr(start, comma == text.npos ? text.npos : comma - start);
    item = trim(item);
    size_t dash = item.find('-', 1);
    auto lo = net::parse_port(item.substr(0, dash));
    if (!lo.ok()) return Result::fail(lo.error);
    uint16_t hi = *lo.value;
    if (dash != std::string_view::npos) {
      auto h = net::parse_port(item.substr(dash + 1));
      if (!h.ok()) return Result::fail(h.error);
      hi = *h.value;
      if (hi < *lo.value)
        return Result::fail("range " + quoted(item) + " ends below where it starts");
    }
    out.push_back({*lo.value, hi});
    if (comma == text.npos) break;
    start = comma + 1;
  }
  return {out, {}};
}

// One row per setting: which profiles have it, how it is written and read.
struct SettingWriters {
  using Writer = SettingResult (*)(OsSettings&, std::string_view name, std::string_view value);
  using Reader = std::string (*)(const OsSettings&);
  struct Row {
    const char* name;
    std::vector<OsId> systems;
    Writer write;
    Reader read;
  };

  static SettingResult linux_range(OsSettings& s, std::string_view name, std::string_view v) {
    // The kernel reads two integers separated by white space; "lo-hi" is
    // refused there, so it is refused here too (the CLI's --range takes it).
    std::string_view t = trim(v);
    size_t gap = t.find_first_of(" \t");
    if (gap == std::string_view::npos)
      return bad_value(name, quoted(v) + " is not two numbers separated by a space, like '" +
                                 "40000 40003' (the kernel reads it that way)");
    auto lo = integer(t.substr(0, gap), 1, 65535);
    if (!lo.ok()) return bad_value(name, lo.error);
    auto hi = integer(t.substr(gap + 1), 1, 65535);
    if (!hi.ok()) return bad_value(name, hi.error);
    if (*hi.value < *lo.value)
      return refused(std::string(name) + ": the upper end " + std::to_string(*hi.value) +
                     " is below the lower end " + std::to_string(*lo.value) +
                     ", so the kernel refuses the write with EINVAL");
    if (*lo.value < s.unprivileged_port_start_)
      return refused(std::string(name) + ": the low end " + std::to_string(*lo.value) +
                     " is below net.ipv4.ip_unprivileged_port_start=" +
                     std::to_string(s.unprivileged_port_start_) +
                     ", so the kernel refuses the write with EINVAL");
    s.tcp_range_ = s.udp_range_ = {static_cast<uint16_t>(*lo.value),
                                   static_cast<uint16_t>(*hi.value)};
    return {};
  }

  static SettingResult linux_unpriv(OsSettings& s, std::string_view name, std::string_view v) {
    auto n = integer(v, 0, 65535);
    if (!n.ok()) return bad_value(name, n.error);
    if (s.tcp_range_.lo < *n.value)
      return refused(std::string(name) + ": " + std::to_string(*n.value) +
                     " would overlap net.ipv4.ip_local_port_range, which starts at " +
                     std::to_string(s.tcp_range_.lo) +
                     ", so the kernel refuses the write with EINVAL");
    s.unprivileged_port_start_ = static_cast<int>(*n.value);
    return {};
  }

  static SettingResult linux_reserved(OsSettings& s, std::string_view name, std::string_view v) {
    auto list = parse_port_list(v);
    if (!list.ok()) return bad_value(name, list.error);
    s.reserved_.reset();
    for (PortRange r : *list.value)
      for (int p = r.lo; p <= r.hi; ++p) s.reserved_.set(static_cast<size_t>(p));
    s.reserved_count_ = static_cast<int>(s.reserved_.count());
    return {};
  }

  template <int OsSettings::*field, long long lo, long long hi>
  static SettingResult int_field(OsSettings& s, std::string_view name, std::string_view v) {
    auto n = integer(v, lo, hi);
    if (!n.ok()) return bad_value(name, n.error);
    s.*field = static_cast<int>(*n.value);
    return {};
  }

  template <bool OsSettings::*field>
  static SettingResult bool_field(OsSettings& s, std::string_view name, std::string_view v) {
    auto n = integer(v, 0, 1);
    if (!n.ok()) return bad_value(name, n.error);
    s.*field = *n.value != 0;
    return {};
  }

  template <int OsSettings::*field>
  static std::string read_int(const OsSettings& s) {
    return std::to_string(s.*field);
  }
  template <bool OsSettings::*field>
  static std::string read_bool(const OsSettings& s) {
    return s.*field ? "1" : "0";
  }

  // BSD portrange.first (is_last false) or .last.
  template <bool is_last>
  static SettingResult bsd_bound(OsSettings& s, std::string_view name, std::string_view v) {
    auto n = integer(v, INT_MIN, INT_MAX);
    if (!n.ok()) return bad_value(name, n.error);
    int first = is_last ? s.tcp_range_.lo : bsd_clamp(*n.value);
    int last = is_last ? bsd_clamp(*n.value) : s.tcp_range_.hi;
    // Real BSD then counts downwards; PortLab does not model that.
    if (first > last)
      return bad_value(name, "first " + std::to_string(first) + " above last " +
                                 std::to_string(last) +
                                 " is a descending range, which PortLab does not model");
    s.tcp_range_ = s.udp_range_ = {static_cast<uint16_t>(first), static_cast<uint16_t>(last)};
    return {};
  }
  static std::string bsd_first(const OsSettings& s) { return std::to_string(s.tcp_range_.lo); }
  static std::string bsd_last(const OsSettings& s) { return std::to_string(s.tcp_range_.hi); }

  template <bool is_largest>
  static SettingResult solaris_anon(OsSettings& s, std::string_view name, std::string_view v) {
    auto n = integer(v, 1024, 65535);
    if (!n.ok()) return bad_value(name, n.error);
    int lo = is_largest ? s.tcp_range_.lo : static_cast<int>(*n.value);
    int hi = is_largest ? static_cast<int>(*n.value) : s.tcp_range_.hi;
    if (lo > hi)
      return refused(std::string(name) + ": smallest_anon_port " + std::to_string(lo) +
                     " would be above largest_anon_port " + std::to_string(hi) +
                     ", so ipadm refuses it");
    s.tcp_range_ = s.udp_range_ = {static_cast<uint16_t>(lo), static_cast<uint16_t>(hi)};
    return {};
  }

  static SettingResult solaris_extra(OsSettings& s, std::string_view name, std::string_view v) {
    auto list = parse_port_list(v);
    if (!list.ok()) return bad_value(name, list.error);
    std::vector<uint16_t> ports;
    for (PortRange r : *list.value) {
      if (r.lo != r.hi) return bad_value(name, "ipadm takes single ports here, not ranges");
      ports.push_back(r.lo);
    }
    s.extra_priv_ports_ = ports;
    return {};
  }
  static std::string solaris_extra_text(const OsSettings& s) {
    std::string out;
    for (uint16_t p : s.extra_priv_ports_) out += (out.empty() ? "" : ",") + std::to_string(p);
    return out;
  }

  // netsh int ipv4 set dynamicport tcp|udp start=N num=M (R2.4).
  template <bool udp>
  static SettingResult windows_dynamic(OsSettings& s, std::string_view name,
                                       std::string_view v) {
    std::string_view t = trim(v);
    long long start = -1, num = -1;
    while (!t.empty()) {
      size_t end = t.find_first_of(" ,");
      std::string_view word = t.substr(0, end);
      t = end == std::string_view::npos ? std::string_view() : trim(t.substr(end + 1));
      size_t eq = word.find('=');
      std::string_view key = word.substr(0, eq);
      if (eq == std::string_view::npos || (key != "start" && key != "num"))
        return bad_value(name, quoted(v) + " is not 'start=N num=M' as netsh takes it");
      auto n = integer(word.substr(eq + 1), key == "start" ? 1025 : 1,
                       key == "start" ? 65535 : 64511);
      if (!n.ok()) return bad_value(name, std::string(key) + " " + n.error);
      (key == "start" ? start : num) = *n.value;
    }
    if (start < 0 || num < 0)
      return bad_value(name, quoted(v) + " needs both start=N and num=M, as netsh does");
    if (start + num - 1 > 65535)
      return bad_value(name, "start=" + std::to_string(start) + " num=" + std::to_string(num) +
                                 " would end past 65535");
    PortRange r{static_cast<uint16_t>(start), static_cast<uint16_t>(start + num - 1)};
    (udp ? s.udp_range_ : s.tcp_range_) = r;
    return {};
  }
  template <bool udp>
  static std::string windows_dynamic_text(const OsSettings& s) {
    PortRange r = udp ? s.udp_range_ : s.tcp_range_;
    return "start=" + std::to_string(r.lo) + " num=" + std::to_string(r.size());
  }

  static SettingResult xp_max_user_port(OsSettings& s, std::string_view name,
                                        std::string_view v) {
    auto n = integer(v, 5000, 65534);  // the documented MaxUserPort bounds
    if (!n.ok()) return bad_value(name, n.error);
    s.tcp_range_ = s.udp_range_ = {1025, static_cast<uint16_t>(*n.value)};
    return {};
  }

  static const std::vector<Row>& rows() {
    using O = OsId;
    using S = OsSettings;
    static const std::vector<Row> table = {
        {"net.ipv4.ip_local_port_range", {O::Linux}, linux_range,
         [](const S& s) { return range_text(s.tcp_range_); }},
        {"net.ipv4.ip_local_reserved_ports", {O::Linux}, linux_reserved,
         [](const S& s) { return port_list_text(s.reserved_); }},
        {"net.ipv4.ip_unprivileged_port_start", {O::Linux}, linux_unpriv,
         read_int<&S::unprivileged_port_start_>},
        {"net.ipv4.tcp_tw_reuse", {O::Linux}, int_field<&S::tcp_tw_reuse_, 0, 2>,
         read_int<&S::tcp_tw_reuse_>},
        {"net.ipv4.ip_autobind_reuse", {O::Linux}, bool_field<&S::autobind_reuse_>,
         read_bool<&S::autobind_reuse_>},
        {"net.inet.ip.portrange.first", {O::Macos, O::Freebsd}, bsd_bound<false>, bsd_first},
        {"net.inet.ip.portrange.last", {O::Macos, O::Freebsd}, bsd_bound<true>, bsd_last},
        {"net.inet.ip.portrange.reservedlow", {O::Freebsd}, int_field<&S::reserved_low_, 0, 65535>,
         read_int<&S::reserved_low_>},
        {"net.inet.ip.portrange.reservedhigh", {O::Freebsd},
         int_field<&S::reserved_high_, 0, 65535>, read_int<&S::reserved_high_>},
        {"net.inet.ip.portrange.randomized", {O::Freebsd}, bool_field<&S::randomized_>,
         read_bool<&S::randomized_>},
        {"net.inet.tcp.randomize_ports", {O::Macos}, bool_field<&S::tcp_randomize_ports_>,
         read_bool<&S::tcp_randomize_ports_>},
        {"net.inet.udp.randomize_ports", {O::Macos}, bool_field<&S::udp_randomize_ports_>,
         read_bool<&S::udp_randomize_ports_>},
        {"smallest_anon_port", {O::Solaris}, solaris_anon<false>, bsd_first},
        {"largest_anon_port", {O::Solaris}, solaris_anon<true>, bsd_last},
        {"smallest_nonpriv_port", {O::Solaris}, int_field<&S::smallest_nonpriv_port_, 1024, 32768>,
         read_int<&S::smallest_nonpriv_port_>},
        {"extra_priv_ports", {O::Solaris}, solaris_extra, solaris_extra_text},
        {"dynamicport.tcp", {O::WindowsModern}, windows_dynamic<false>,
         windows_dynamic_text<false>},
        {"dynamicport.udp", {O::WindowsModern}, windows_dynamic<true>, windows_dynamic_text<true>},
        {"MaxUserPort", {O::WindowsXp}, xp_max_user_port,
         [](const S& s) { return std::to_string(s.tcp_range_.hi); }},
    };
    return table;
  }

  static const Row* find(OsId os, std::string_view name) {
    for (const Row& row : rows())
      if (name == row.name && std::count(row.systems.begin(), row.systems.end(), os)) return &row;
    return nullptr;
  }
};

OsSettings::OsSettings(const OsProfile& profile)
    : profile_(&profile), tcp_range_(profile.ephemeral), udp_range_(profile.ephemeral) {}

SettingResult OsSettings::set(std::string_view name, std::string_view value) {
  const SettingWriters::Row* row = SettingWriters::find(profile_->id, name);
  if (!row) {
    std::string known;
    for (const auto& [n, v] : values()) known += (known.empty() ? "" : ", ") + n;
    return {SettingResult::Status::UnknownName,
            "'" + std::string(name) + "' is not a setting of the " + profile_->key +
                " profile (it has: " + known + ")",
            "", ""};
  }
  return row->write(*this, name, value);
}

SettingResult OsSettings::set_ephemeral_range(PortRange range) {
  const std::string lo = std::to_string(range.lo), hi = std::to_string(range.hi);
  const std::string shown = lo + "-" + hi;
  if (range.hi < range.lo)
    return bad_value("range", "'" + shown + "' ends below where it starts");
  switch (profile_->id) {
    case OsId::Linux:
      return set("net.ipv4.ip_local_port_range", lo + " " + hi);
    case OsId::Macos:
    case OsId::Freebsd: {
      if (range.lo < 1024)
        return bad_value("range", "'" + shown + "' starts below 1024; " + profile_->name +
                                      " clamps net.inet.ip.portrange.first to 1024-65535");
      tcp_range_ = udp_range_ = range;
      return {};
    }
    case OsId::Solaris: {
      if (range.lo < 1024)
        return bad_value("range", "'" + shown + "' starts below 1024, the smallest " +
                                      "smallest_anon_port ipadm accepts");
      tcp_range_ = udp_range_ = range;
      return {};
    }
    case OsId::WindowsModern: {
      const std::string netsh = "start=" + lo + " num=" + std::to_string(range.size());
      OsSettings next = *this;
      SettingResult r = next.set("dynamicport.tcp", netsh);
      if (r.ok()) r = next.set("dynamicport.udp", netsh);
      if (r.ok()) *this = next;
      return r;
    }
    case OsId::WindowsXp:
      if (range.lo != 1025)
        return bad_value("range", "'" + shown + "': Windows XP's range always starts at 1025; " +
                                      "only MaxUserPort (the top) can change");
      return set("MaxUserPort", hi);
  }
  return {};
}

std::vector<std::pair<std::string, std::string>> OsSettings::values() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const SettingWriters::Row& row : SettingWriters::rows())
    if (std::count(row.systems.begin(), row.systems.end(), profile_->id))
      out.emplace_back(row.name, row.read(*this));
  return out;
}

bool OsSettings::extra_priv_port(uint16_t port) const {
  return std::find(extra_priv_ports_.begin(), extra_priv_ports_.end(), port) !=
         extra_priv_ports_.end();
}

}  // namespace portlab::ports
