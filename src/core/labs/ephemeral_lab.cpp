#include "core/labs/ephemeral_lab.h"

#include <cstdlib>

namespace portlab::labs {

namespace {

// Documentation addresses (RFC 5737): nobody's real servers.
const char* const kDefaultDests[] = {"203.0.113.10:443", "198.51.100.7:443",
                                     "198.51.100.7:80"};

net::Endpoint endpoint(const char* text) { return *net::parse_endpoint(text).value; }

}  // namespace

const char* to_string(EphemeralMode mode) {
  switch (mode) {
    case EphemeralMode::Connect: return "connect";
    case EphemeralMode::BindZero: return "bind0";
    case EphemeralMode::Udp: return "udp";
  }
  return "";
}

EphemeralLab::EphemeralLab() : profile_(find_os("linux")), host_(*profile_, 1) {
  for (const char* d : kDefaultDests) dests_.push_back(endpoint(d));
}

std::string EphemeralLab::rebuild() {
  host::Host next(*profile_, seed_);
  if (!range_.empty()) {
    const std::string problem = apply_range(next, range_);
    if (!problem.empty()) return "range: " + problem;
  }
  for (const std::string& item : sysctls_) {
    const std::string problem = apply_sysctl(next, item);
    if (!problem.empty()) return "sysctl: " + problem;
  }
  next.use_rfc6056(algorithm_);
  next.set_trace(true);  // every allocation is listed with its probes
  host_ = std::move(next);
  processes_ = host::Processes();
  allocations_.clear();
  selected_allocation_ = 0;
  next_dest_ = 0;
  journal_.clear();  // the host starts over: nothing to replay
  return "";
}

void EphemeralLab::reset() { rebuild(); }

std::string EphemeralLab::set_os(const std::string& key) {
  const ports::OsProfile* profile = find_os(key);
  if (!profile) return os_error(key);
  profile_ = profile;
  range_.clear();
  sysctls_.clear();
  return rebuild();
}

void EphemeralLab::set_seed(uint64_t seed) {
  seed_ = seed;
  rebuild();
}

std::string EphemeralLab::set_range(const std::string& lo_hi) {
  host::Host probe(*profile_, seed_);
  for (const std::string& item : sysctls_) apply_sysctl(probe, item);
  const std::string problem = apply_range(probe, lo_hi);
  if (!problem.empty()) return problem;
  range_ = lo_hi;
  return rebuild();
}

std::string EphemeralLab::set_sysctl(const std::string& name, const std::string& value) {
  const std::string item = name + "=" + value;
  const std::string problem = apply_sysctl(host_, item);
  if (!problem.empty()) return problem;
  sysctls_.push_back(item);
  return rebuild();
}

void EphemeralLab::start_exhaustion_demo() {
  profile_ = find_os("linux");
  sysctls_.clear();
  range_ = "40000-40003";
  algorithm_.reset();
  mode_ = EphemeralMode::Connect;
  dests_ = {endpoint(kDefaultDests[0])};
  selected_.reset();
  rebuild();
}

void EphemeralLab::set_algorithm(std::optional<host::Rfc6056> algorithm) {
  const bool changed = algorithm != algorithm_;
  algorithm_ = algorithm;
  host_.use_rfc6056(algorithm);
  if (changed && !journal_.empty())
    journal_add({JournalEntry::Kind::Algorithm, 0, false, algorithm ? algorithm_key(*algorithm) : "default"});
}

void EphemeralLab::set_mode(EphemeralMode mode) {
  if (mode == mode_) return;
  mode_ = mode;
  if (!journal_.empty()) journal_add({JournalEntry::Kind::Mode, 0, false, to_string(mode)});
}

void EphemeralLab::select_destination(std::optional<size_t> index) {
  if (index && *index >= dests_.size()) return;
  if (index == selected_) return;
  selected_ = index;
  if (!journal_.empty())
    journal_add({JournalEntry::Kind::Use, 0, false, index ? net::to_string(dests_[*index]) : "all"});
}

std::string EphemeralLab::add_destination(const std::string& text) {
  const net::Parsed<net::Endpoint> e = net::parse_endpoint(text);
  if (!e.ok()) return e.error;
  if (e.value->port == 0) return "'" + text + "' has port 0, which nobody listens on";
  for (const net::Endpoint& d : dests_)
    if (d == *e.value) return net::to_string(d) + " is already in the list";
  dests_.push_back(*e.value);
  if (!journal_.empty()) journal_add({JournalEntry::Kind::AddDest, 0, false, net::to_string(*e.value)});
  return "";
}

void EphemeralLab::remove_destination(size_t index) {
  if (index >= dests_.size() || dests_.size() == 1) return;  // one server always remains
  if (!journal_.empty())
    journal_add({JournalEntry::Kind::RemoveDest, 0, false, net::to_string(dests_[index])});
  dests_.erase(dests_.begin() + static_cast<std::ptrdiff_t>(index));
  if (selected_ && *selected_ >= dests_.size()) selected_.reset();
}

int EphemeralLab::open(int count) {
  int done = 0;
  const net::Transport transport =
      mode_ == EphemeralMode::Udp ? net::Transport::Udp : net::Transport::Tcp;
  for (int i = 0; i < count; ++i) {
    Allocation a;
    a.number = static_cast<int>(allocations_.size()) + 1;
    a.mode = mode_;
    a.at = host_.now();
    a.dest = selected_ ? dests_[*selected_] : dests_[next_dest_++ % dests_.size()];
    a.socket = host_.open(transport, host::Credentials{1000, false, false});
    a.decision = mode_ == EphemeralMode::Connect ? host_.connect(a.socket, a.dest)
                 : mode_ == EphemeralMode::Udp   ? host_.send_to(a.socket, a.dest)
                                                 : host_.bind(a.socket, net::Ipv4{}, 0);
    const bool ok = a.decision.ok;
    if (ok) processes_.own(a.socket, kLearnerProgram);
    else host_.close(a.socket, false);  // a failed call leaves no socket behind
    allocations_.push_back(std::move(a));
    if (!ok) {
      journal_add({JournalEntry::Kind::Open, done + 1, true, ""});
      return done;
    }
    ++done;
  }
  if (done > 0) journal_add({JournalEntry::Kind::Open, done, false, ""});
  return done;
}

const Allocation* EphemeralLab::selected_allocation() const {
  if (allocations_.empty()) return nullptr;
  const int n = selected_allocation_;
  if (n >= 1 && n <= static_cast<int>(allocations_.size())) return &allocations_[n - 1];
  return &allocations_.back();
}

void EphemeralLab::close_all() {
  for (const Allocation& a : allocations_) {
    if (!host_.socket(a.socket)) continue;
    processes_.release(a.socket);  // what stays in TIME_WAIT has no process
    host_.close(a.socket, true);
  }
  journal_add({JournalEntry::Kind::CloseAll, 0, false, ""});
}

void EphemeralLab::advance(sim::Millis ms) {
  if (ms <= 0) return;  // the clock never runs backwards
  host_.advance(ms);
  journal_add({JournalEntry::Kind::Wait, ms, false, ""});
}

void EphemeralLab::journal_add(JournalEntry entry) {
  using Kind = JournalEntry::Kind;
  if (journal_.empty()) {
    journal_start_ = {mode_, algorithm_, dests_, selected_};
    journal_.push_back(std::move(entry));
    return;
  }
  JournalEntry& last = journal_.back();
  if (last.kind == entry.kind) {
    switch (entry.kind) {
      case Kind::Open:
        // open(a) then open(b) replay as open(a+b) only when the first did
        // not stop at a failure (open stops there).
        if (last.failed) break;
        last.n += entry.n;
        last.failed = entry.failed;
        return;
      case Kind::Wait: last.n += entry.n; return;
      case Kind::CloseAll: return;  // the second finds nothing open
      case Kind::Mode:
      case Kind::Algorithm:
      case Kind::Use: last.text = entry.text; return;  // only the last choice matters
      case Kind::AddDest:
      case Kind::RemoveDest: break;
    }
  }
  journal_.push_back(std::move(entry));
}

EphemeralLab::JournalStart EphemeralLab::journal_start() const {
  if (!journal_.empty()) return journal_start_;
  return {mode_, algorithm_, dests_, selected_};
}

std::vector<std::string> EphemeralLab::journal() const {
  using Kind = JournalEntry::Kind;
  std::vector<std::string> lines;
  for (const JournalEntry& e : journal_) {
    switch (e.kind) {
      case Kind::Open: lines.push_back("open " + std::to_string(e.n)); break;
      case Kind::CloseAll: lines.push_back("close-all"); break;
      case Kind::Wait: {
        // Whole milliseconds as seconds with at most three decimals.
        std::string text = std::to_string(e.n / 1000);
        if (const long long ms = e.n % 1000) {
          std::string frac = std::to_string(ms);
          frac.insert(0, 3 - frac.size(), '0');
          while (frac.back() == '0') frac.pop_back();
          text += "." + frac;
        }
        lines.push_back("wait " + text);
        break;
      }
      case Kind::Mode: lines.push_back("mode " + e.text); break;
      case Kind::Algorithm: lines.push_back("algorithm " + e.text); break;
      case Kind::Use: lines.push_back("use " + e.text); break;
      case Kind::AddDest: lines.push_back("dest " + e.text); break;
      case Kind::RemoveDest: lines.push_back("remove-dest " + e.text); break;
    }
  }
  return lines;
}

int EphemeralLab::count(host::SocketState state) const {
  int n = 0;
  host_.sockets().for_each([&](host::SocketId, const host::Socket& s) { n += s.state == state; });
  return n;
}

sim::Millis EphemeralLab::next_expiry() const {
  sim::Millis soonest = 0;
  host_.sockets().for_each([&](host::SocketId, const host::Socket& s) {
    if (s.state != host::SocketState::TimeWait) return;
    const sim::Millis left = s.time_wait_until - host_.now();
    if (soonest == 0 || left < soonest) soonest = left > 0 ? left : 1;
  });
  return soonest;
}

const std::vector<AlgorithmScore>& EphemeralLab::comparison() {
  if (compared_os_ != profile_ || compared_seed_ != seed_ || comparison_.empty()) {
    comparison_ = compare_algorithms(*profile_, seed_);
    compared_os_ = profile_;
    compared_seed_ = seed_;
  }
  return comparison_;
}

std::vector<AlgorithmScore> compare_algorithms(const ports::OsProfile& profile, uint64_t seed) {
  std::vector<AlgorithmScore> scores;
  const net::Endpoint server = endpoint(kDefaultDests[0]);
  for (int k = 0; k <= 5; ++k) {
    AlgorithmScore score;
    if (k == 0) {
      score.name = std::string(profile.name) + " default";
    } else {
      score.algorithm = static_cast<host::Rfc6056>(k);
      score.name = "RFC 6056 alg. " + std::to_string(k);
    }
    host::Host h(profile, seed);
    // The same 1000 ports on every system, placed inside what each accepts.
    h.set_ephemeral_range({40000, static_cast<uint16_t>(40000 + kCompareRange - 1)});
    h.use_rfc6056(score.algorithm);
    long probes = 0;
    int guessable = 0;
    int previous = -1;
    int connects = 0;
    for (int i = 0; i < kCompareConnects; ++i) {
      const host::Decision d = h.connect(h.open(net::Transport::Tcp), server);
      probes += d.probes;
      ++connects;
      if (!d.ok) {
        ++score.failures;
        continue;
      }
      const int delta = static_cast<int>(d.port) - previous;
      if (previous >= 0 && delta >= 1 && delta <= kGuessWindow) ++guessable;
      previous = d.port;
    }
    score.predictability = static_cast<double>(guessable) / (kCompareConnects - 1);
    score.probes_per_connect = static_cast<double>(probes) / connects;
    scores.push_back(score);
  }
  return scores;
}

std::string EphemeralLab::apply_preset(const course::Directive& preset) {
  EphemeralLab next;
  next.dests_.clear();
  const std::string os_key = preset.get("os");
  if (!os_key.empty()) {
    next.profile_ = find_os(os_key);
    if (!next.profile_) return "os: " + os_error(os_key);
  }
  if (!preset.get("seed").empty()) {
    const auto seed = net::parse_integer(preset.get("seed"), 0, 999999999999999999LL);
    if (!seed.ok()) return "seed: " + seed.error;
    next.seed_ = static_cast<uint64_t>(*seed.value);
  }
  const std::string mode = preset.get("mode");
  if (mode == "bind0") next.mode_ = EphemeralMode::BindZero;
  else if (mode == "udp") next.mode_ = EphemeralMode::Udp;
  else if (!mode.empty() && mode != "connect")
    return "mode: '" + mode + "' is not connect, bind0 or udp";
  if (!preset.get("algorithm").empty()) {
    const std::string problem = parse_algorithm(preset.get("algorithm"), next.algorithm_);
    if (!problem.empty()) return "algorithm: " + problem;
    if (next.mode_ != EphemeralMode::Connect)
      return "algorithm: RFC 6056 algorithms choose connect() ports; use mode: connect";
  }
  for (const std::string& item : preset.all("sysctl")) next.sysctls_.push_back(item);
  next.range_ = preset.get("range");
  for (const std::string& d : preset.all("dest")) {
    const std::string problem = next.add_destination(d);
    if (!problem.empty()) return "dest: " + problem;
  }
  if (next.dests_.empty()) next.dests_.push_back(endpoint(kDefaultDests[0]));
  // Sysctls first, then the range, in the order `portlab-cli ephemeral` takes them.
  host::Host check(*next.profile_, next.seed_);
  for (const std::string& item : next.sysctls_) {
    const std::string problem = apply_sysctl(check, item);
    if (!problem.empty()) return "sysctl: " + problem;
  }
  if (!next.range_.empty()) {
    const std::string problem = apply_range(check, next.range_);
    if (!problem.empty()) return "range: " + problem;
  }
  std::string problem = next.rebuild();
  if (!problem.empty()) return problem;
  int count = 0;
  if (!preset.get("count").empty()) {
    const auto n = net::parse_integer(preset.get("count"), 1, 100000);
    if (!n.ok()) return "count: " + n.error;
    count = static_cast<int>(*n.value);
  }
  next.open(count);
  *this = std::move(next);
  return "";
}

std::string EphemeralLab::open_link(const std::string& arg) {
  if (arg.empty()) return "";
  if (arg == "exhaustion") {
    start_exhaustion_demo();
    return "";
  }
  if (!find_os(arg))
    return "The Ephemeral Lab has no OS or demonstration called '" + arg + "' (known: " +
           ports::os_profile_keys() + ", exhaustion)";
  return set_os(arg);
}

}  // namespace portlab::labs
