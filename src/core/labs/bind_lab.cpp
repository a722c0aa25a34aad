#include "core/labs/bind_lab.h"

namespace portlab::labs {

namespace {

const ports::OsProfile& default_os() { return *find_os("linux"); }

}  // namespace

BindLab::BindLab() : host_(default_os(), 1) {}

std::string BindLab::rebuild(const ports::OsProfile& profile) {
  host::Host next(profile, 1);
  host::Processes next_processes;
  for (const std::string& item : sysctls_) {
    const std::string problem = apply_sysctl(next, item);
    if (!problem.empty()) return "sysctl: " + problem;
  }
  int peer = 0;
  for (const ExistingSocket& e : existing_) {
    const std::string problem = labs::add_existing(next, e, peer, &next_processes);
    if (!problem.empty()) return "existing: " + problem;
  }
  host_ = std::move(next);
  processes_ = std::move(next_processes);
  return "";
}

std::string BindLab::set_os(const std::string& key) {
  const ports::OsProfile* profile = find_os(key);
  if (!profile) return os_error(key);
  sysctls_.clear();
  if (profile->id != ports::OsId::Linux) cap_ = false;
  // Keep the existing sockets that can still exist on the new system.
  std::vector<ExistingSocket> all = std::move(existing_);
  existing_.clear();
  std::string dropped;
  rebuild(*profile);
  for (const ExistingSocket& e : all) {
    if (!add_existing(e.text).empty()) dropped += (dropped.empty() ? "" : ", ") + e.text;
  }
  if (dropped.empty()) return "";
  return "Removed sockets that cannot exist together on " + std::string(profile->name) + ": " +
         dropped;
}

std::string BindLab::set_capability(bool on) {
  if (on) {
    const std::string problem = check_capability("net_bind_service", os());
    if (!problem.empty()) return problem;
  }
  cap_ = on;
  return "";
}

std::string BindLab::set_sysctl(const std::string& name, const std::string& value) {
  const std::string item = name + "=" + value;
  // Checked on the live host first: a refusal leaves everything as it was.
  const std::string problem = apply_sysctl(host_, item);
  if (!problem.empty()) return problem;
  sysctls_.push_back(item);
  return "";
}

std::string BindLab::add_existing(const std::string& text) {
  ExistingSocket e;
  std::string problem = parse_existing(text, uid_, e);
  if (!problem.empty()) return problem;
  int peer = static_cast<int>(existing_.size());
  problem = labs::add_existing(host_, e, peer, &processes_);
  if (!problem.empty()) return problem;
  existing_.push_back(e);
  return "";
}

void BindLab::remove_existing(size_t index) {
  if (index >= existing_.size()) return;
  existing_.erase(existing_.begin() + static_cast<std::ptrdiff_t>(index));
  rebuild(os());
}

const BindAttempt& BindLab::try_bind() {
  BindAttempt a;
  a.request = request_;
  a.os = &os();
  a.uid = uid_;
  a.cap_net_bind_service = cap_;
  host::Credentials who;
  who.uid = uid_;
  who.cap_net_bind_service = cap_;
  host::SocketOptions options;
  options.reuseaddr = request_.reuseaddr;
  options.reuseport = request_.reuseport;
  // Always explained, also a successful bind(0) (the host explains automatic
  // choices only when tracing).
  host_.set_trace(true);
  const host::SocketId id = host_.open(request_.transport, who, options);
  a.decision = host_.bind(id, request_.addr, request_.port);
  host_.set_trace(false);
  host_.close(id, false);
  if (a.decision.ok && request_.keep_open) {
    std::string text = net::to_string(net::Endpoint{request_.addr, a.decision.port}) + "/" +
                       (request_.transport == net::Transport::Udp ? "udp" : "tcp");
    if (options.reuseaddr) text += ":reuseaddr";
    if (options.reuseport) text += ":reuseport";
    text += ":uid=" + std::to_string(uid_) + ":proc=" + kLearnerProgram;
    add_existing(text);
  }
  history_.push_back(std::move(a));
  return history_.back();
}

std::string BindLab::apply_preset(const course::Directive& preset) {
  BindLab next;
  const std::string os_key = preset.get("os");
  if (!os_key.empty()) {
    const std::string problem = next.set_os(os_key);
    if (!problem.empty()) return "os: " + problem;
  }
  if (!preset.get("uid").empty()) {
    const net::Parsed<long long> uid = net::parse_integer(preset.get("uid"), 0, 4294967295LL);
    if (!uid.ok()) return "uid: " + uid.error;
    next.uid_ = static_cast<uint32_t>(*uid.value);
  }
  for (const std::string& cap : preset.all("cap")) {
    const std::string problem = check_capability(cap, next.os());
    if (!problem.empty()) return "cap: " + problem;
    next.cap_ = true;
  }
  for (const std::string& item : preset.all("sysctl")) {
    const std::string problem = apply_sysctl(next.host_, item);
    if (!problem.empty()) return "sysctl: " + problem;
    next.sysctls_.push_back(item);
  }
  for (const std::string& text : preset.all("existing")) {
    const std::string problem = next.add_existing(text);
    if (!problem.empty()) return "existing: " + problem;
  }
  if (!preset.get("port").empty()) {
    const net::Parsed<uint16_t> port = net::parse_port(preset.get("port"));
    if (!port.ok()) return "port: " + port.error;
    next.request_.port = *port.value;
  }
  if (!preset.get("addr").empty()) {
    const net::Parsed<net::Ipv4> addr = net::parse_ipv4(preset.get("addr"));
    if (!addr.ok()) return "addr: " + addr.error;
    next.request_.addr = *addr.value;
  }
  if (!preset.get("proto").empty()) {
    const net::Parsed<net::Transport> t = net::parse_transport(preset.get("proto"));
    if (!t.ok()) return "proto: " + t.error;
    if (*t.value != net::Transport::Tcp && *t.value != net::Transport::Udp)
      return "proto: the Bind Lab models tcp and udp";
    next.request_.transport = *t.value;
  }
  *this = std::move(next);
  return "";
}

std::string BindLab::open_link(const std::string& arg) {
  if (arg.empty()) return "";
  if (!find_os(arg)) return "The Bind Lab has no OS called '" + arg + "' (known: " +
                            ports::os_profile_keys() + ")";
  return set_os(arg);
}

}  // namespace portlab::labs
