// portlab_kernel_probe: asks the real Linux kernel the questions PortLab's
// engines answer, and prints what the kernel did as JSON, one object a line.
// tests/kernel/run.mjs runs it inside network namespaces it creates and
// compares the output with portlab-cli. Linux/POSIX headers only: it must not
// share code with the engines it checks.
//
//   ephemeral --mode connect|bind0|udp [--dest IP:PORT]... --count N [--reuseaddr]
//             [--existing ADDR:PORT/PROTO[:reuseaddr][:reuseport][:listen]]...
//       Same output shape as `portlab-cli ephemeral --json`:
//       {"ports": [...], "error": null|"ERRNO", "failed_at": null|index}.
//       connect mode first listens on every --dest (they must be local), then
//       connects round-robin over them. Every socket stays open until exit,
//       so each port stays taken.
//   bind --port P [--addr A] [--proto tcp|udp] [--uid N] [--cap net_bind_service]
//        [--existing ADDR:PORT/PROTO[:reuseaddr][:reuseport][:listen]]...
//        [--reuseaddr] [--reuseport]
//       Same arguments as `portlab-cli bind`; existing sockets are made as root
//       before switching to --uid. Prints {"ok": true} or {"ok": false, "errno": "EACCES"}.
//   udp-recv --bind A:P... --wait MS [--echo]
//       Prints {"ready": true}, then {"recv": {"at", "from", "data"}} per datagram
//       until MS milliseconds have passed; --echo sends each datagram back.
//   udp-send --bind A:P --to D:Q... [--data TEXT] [--wait MS]
//       Sends TEXT from A:P to each D:Q, then prints replies for MS milliseconds.
//   tcp-serve --bind A:P --wait MS
//       Prints {"ready": true}, then {"accept": {"at", "from"}} per connection.
//   tcp-connect --dest D:Q [--bind A:P] --wait MS
//       Prints {"ok": true, "local": ..., "peer": ...} or {"ok": false, "errno": ...}
//       (ETIMEDOUT when the handshake did not finish within MS).
#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace {

struct Failure {
  std::string message;
};

[[noreturn]] void fail(const std::string& message) { throw Failure{message}; }

// Only the errors the checks can meet need a name; others print as E<number>.
std::string errno_name(int e) {
  static const std::map<int, const char*> names = {
      {EACCES, "EACCES"},           {EADDRINUSE, "EADDRINUSE"},
      {EADDRNOTAVAIL, "EADDRNOTAVAIL"}, {EINVAL, "EINVAL"},
      {EAGAIN, "EAGAIN"},           {ECONNREFUSED, "ECONNREFUSED"},
      {ETIMEDOUT, "ETIMEDOUT"},     {EPERM, "EPERM"},
      {EHOSTUNREACH, "EHOSTUNREACH"}, {ENETUNREACH, "ENETUNREACH"},
      {ECONNRESET, "ECONNRESET"},   {EMFILE, "EMFILE"},
      {ENOBUFS, "ENOBUFS"}};
  auto it = names.find(e);
  return it != names.end() ? it->second : "E" + std::to_string(e);
}

std::string quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Each result line is flushed at once: the runner reacts to lines while the
// probe is still running (e.g. waits for "ready").
void emit(const std::string& json) {
  std::fputs((json + "\n").c_str(), stdout);
  std::fflush(stdout);
}

// ------------------------------------------------------------------ options
class Options {
 public:
  Options(int argc, char** argv, const std::vector<std::string>& known) {
    for (int i = 2; i < argc; ++i) {
      std::string name = argv[i];
      bool is_known = false;
      for (const std::string& k : known) is_known = is_known || k == name;
      if (!is_known) fail("unknown option " + name);
      bool is_flag = name == "--echo" || name == "--reuseaddr" || name == "--reuseport";
      if (is_flag) {
        values_[name].push_back("");
      } else {
        if (i + 1 >= argc) fail(name + " needs a value");
        values_[name].push_back(argv[++i]);
      }
    }
  }
  bool has(const std::string& name) const { return values_.count(name) != 0; }
  std::vector<std::string> all(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
  }
  std::string value(const std::string& name, const std::string& fallback) const {
    auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second.back();
  }
  std::string required(const std::string& name) const {
    if (!has(name)) fail(name + " is required");
    return value(name, "");
  }
  long number(const std::string& name, long fallback) const {
    if (!has(name)) return fallback;
    std::string text = value(name, "");
    char* end = nullptr;
    long n = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || n < 0) fail(name + ": not a number: " + text);
    return n;
  }

 private:
  std::map<std::string, std::vector<std::string>> values_;
};

// ---------------------------------------------------------------- addresses
sockaddr_in endpoint(const std::string& text) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos) fail("expected IP:PORT, got " + text);
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  if (inet_pton(AF_INET, text.substr(0, colon).c_str(), &sa.sin_addr) != 1)
    fail("bad address in " + text);
  long port = std::strtol(text.substr(colon + 1).c_str(), nullptr, 10);
  if (port < 0 || port > 65535) fail("bad port in " + text);
  sa.sin_port = htons(static_cast<uint16_t>(port));
  return sa;
}

std::string to_text(const sockaddr_in& sa) {
  char ip[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &sa.sin_addr, ip, sizeof ip);
  return std::string(ip) + ":" + std::to_string(ntohs(sa.sin_port));
}

sockaddr_in local_of(int fd) {
  sockaddr_in sa{};
  socklen_t len = sizeof sa;
  getsockname(fd, reinterpret_cast<sockaddr*>(&sa), &len);
  return sa;
}

int make_socket(int type) {
  int fd = socket(AF_INET, type, 0);
  if (fd < 0) fail("socket: " + errno_name(errno));
  return fd;
}

void set_option(int fd, int option) {
  int on = 1;
  if (setsockopt(fd, SOL_SOCKET, option, &on, sizeof on) != 0)
    fail("setsockopt: " + errno_name(errno));
}

int bind_to(int fd, const sockaddr_in& sa) {
  return bind(fd, reinterpret_cast<const sockaddr*>(&sa), sizeof sa) == 0 ? 0 : errno;
}

long now_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

// ----------------------------------------------------------- existing sockets
// ADDR:PORT/PROTO[:reuseaddr][:reuseport][:listen], as portlab-cli's --existing.
void open_existing(const std::string& spec, std::vector<int>& keep) {
  auto slash = spec.find('/');
  if (slash == std::string::npos) fail("--existing needs ADDR:PORT/PROTO: " + spec);
  sockaddr_in sa = endpoint(spec.substr(0, slash));
  std::string rest = spec.substr(slash + 1);
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    size_t colon = rest.find(':', start);
    parts.push_back(rest.substr(start, colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (parts[0] != "tcp" && parts[0] != "udp") fail("bad protocol in " + spec);
  int fd = make_socket(parts[0] == "tcp" ? SOCK_STREAM : SOCK_DGRAM);
  bool do_listen = false;
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i] == "reuseaddr") set_option(fd, SO_REUSEADDR);
    else if (parts[i] == "reuseport") set_option(fd, SO_REUSEPORT);
    else if (parts[i] == "listen") do_listen = true;
    else fail("unknown flag " + parts[i] + " in " + spec);
  }
  if (bind_to(fd, sa) != 0) fail("cannot set up " + spec + ": " + errno_name(errno));
  if (do_listen && listen(fd, 16) != 0) fail("cannot listen " + spec);
  keep.push_back(fd);
}

// ---------------------------------------------------------------- ephemeral
int run_ephemeral(const Options& o) {
  std::string mode = o.required("--mode");
  long count = o.number("--count", -1);
  if (count < 0) fail("--count is required");
  std::vector<std::string> dests = o.all("--dest");
  if (mode != "bind0" && dests.empty()) fail(mode + " needs --dest");
  if (mode != "connect" && mode != "bind0" && mode != "udp") fail("unknown mode " + mode);

  std::vector<int> keep;  // never closed: an open socket keeps its port taken
  for (const std::string& spec : o.all("--existing")) open_existing(spec, keep);
  if (mode == "connect") {
    std::map<std::string, bool> listening;
    for (const std::string& d : dests) {
      if (listening[d]) continue;
      listening[d] = true;
      int fd = make_socket(SOCK_STREAM);
      if (bind_to(fd, endpoint(d)) != 0 || listen(fd, 4096) != 0)
        fail("cannot listen on " + d + ": " + errno_name(errno));
      keep.push_back(fd);
    }
  }

  std::string ports;
  std::string error = "null";
  std::string failed_at = "null";
  for (long i = 0; i < count; ++i) {
    int fd = make_socket(mode == "udp" ? SOCK_DGRAM : SOCK_STREAM);
    keep.push_back(fd);
    int result = 0;
    if (mode == "bind0") {
      if (o.has("--reuseaddr")) set_option(fd, SO_REUSEADDR);
      sockaddr_in any{};
      any.sin_family = AF_INET;
      result = bind_to(fd, any);
    } else {
      // Non-blocking so a lost handshake can never hang the probe; the port is
      // chosen inside connect() itself.
      fcntl(fd, F_SETFL, O_NONBLOCK);
      sockaddr_in to = endpoint(dests[static_cast<size_t>(i) % dests.size()]);
      if (connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0 && errno != EINPROGRESS)
        result = errno;
    }
    if (result != 0) {
      error = quote(errno_name(result));
      failed_at = std::to_string(i);
      break;
    }
    ports += (ports.empty() ? "" : ", ") + std::to_string(ntohs(local_of(fd).sin_port));
  }
  emit("{\"ports\": [" + ports + "], \"error\": " + error + ", \"failed_at\": " + failed_at + "}");
  return 0;
}

// --------------------------------------------------------- uid and capability
// Becomes `uid` the way a service manager drops root: supplementary groups and
// gid first (they need CAP_SETGID), then the uid. With keep_bind_cap the
// permitted set survives setresuid (PR_SET_KEEPCAPS) and CAP_NET_BIND_SERVICE
// is raised again as the only effective capability. No exec follows, so
// ambient capabilities are not needed.
void become_user(uid_t uid, bool keep_bind_cap) {
  if (keep_bind_cap && prctl(PR_SET_KEEPCAPS, 1L, 0L, 0L, 0L) != 0)
    fail("prctl(PR_SET_KEEPCAPS): " + errno_name(errno));
  if (setgroups(0, nullptr) != 0) fail("setgroups: " + errno_name(errno));
  if (setresgid(uid, uid, uid) != 0) fail("setresgid: " + errno_name(errno));
  if (setresuid(uid, uid, uid) != 0) fail("setresuid: " + errno_name(errno));
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2] = {};
  if (keep_bind_cap) {
    uint32_t bit = 1u << (CAP_NET_BIND_SERVICE % 32);
    data[CAP_NET_BIND_SERVICE / 32].effective = bit;
    data[CAP_NET_BIND_SERVICE / 32].permitted = bit;
  }
  if (syscall(SYS_capset, &header, data) != 0) fail("capset: " + errno_name(errno));
}

int run_bind(const Options& o) {
  std::string proto = o.value("--proto", "tcp");
  if (proto != "tcp" && proto != "udp") fail("bad --proto " + proto);
  std::string cap = o.value("--cap", "");
  if (!cap.empty() && cap != "net_bind_service") fail("unknown capability " + cap);
  sockaddr_in sa = endpoint(o.value("--addr", "0.0.0.0") + ":" + o.required("--port"));

  std::vector<int> keep;
  for (const std::string& spec : o.all("--existing")) open_existing(spec, keep);
  long uid = o.number("--uid", 0);
  if (uid != 0) become_user(static_cast<uid_t>(uid), !cap.empty());

  int fd = make_socket(proto == "tcp" ? SOCK_STREAM : SOCK_DGRAM);
  if (o.has("--reuseaddr")) set_option(fd, SO_REUSEADDR);
  if (o.has("--reuseport")) set_option(fd, SO_REUSEPORT);
  int result = bind_to(fd, sa);
  if (result == 0) emit("{\"ok\": true, \"errno\": null}");
  else emit("{\"ok\": false, \"errno\": " + quote(errno_name(result)) + "}");
  return 0;
}

// ---------------------------------------------------------------- UDP / TCP
// Waits until the deadline for any of `fds` to become readable; -1 = timed out.
int wait_readable(const std::vector<int>& fds, long deadline) {
  std::vector<pollfd> polls;
  for (int fd : fds) polls.push_back({fd, POLLIN, 0});
  long left = deadline - now_ms();
  if (left <= 0) return -1;
  int n = poll(polls.data(), polls.size(), static_cast<int>(left));
  if (n <= 0) return -1;
  for (const pollfd& p : polls)
    if (p.revents & (POLLIN | POLLERR)) return p.fd;
  return -1;
}

// Reads one datagram (an ICMP error queued on the socket reads as -1, skipped).
bool receive(int fd, std::string& data, sockaddr_in& from) {
  char buf[1500];
  socklen_t len = sizeof from;
  ssize_t n = recvfrom(fd, buf, sizeof buf, 0, reinterpret_cast<sockaddr*>(&from), &len);
  if (n < 0) return false;
  data.assign(buf, static_cast<size_t>(n));
  return true;
}

int bound_udp(const std::string& address) {
  int fd = make_socket(SOCK_DGRAM);
  set_option(fd, SO_REUSEADDR);
  if (bind_to(fd, endpoint(address)) != 0)
    fail("cannot bind " + address + ": " + errno_name(errno));
  return fd;
}

std::string recv_line(int fd, const std::string& data, const sockaddr_in& from) {
  return "{\"recv\": {\"at\": " + quote(to_text(local_of(fd))) + ", \"from\": " +
         quote(to_text(from)) + ", \"data\": " + quote(data) + "}}";
}

int run_udp_recv(const Options& o) {
  long deadline = now_ms() + o.number("--wait", 1000);
  std::vector<int> fds;
  for (const std::string& address : o.all("--bind")) fds.push_back(bound_udp(address));
  if (fds.empty()) fail("--bind is required");
  emit("{\"ready\": true}");
  for (int fd; (fd = wait_readable(fds, deadline)) >= 0;) {
    std::string data;
    sockaddr_in from{};
    if (!receive(fd, data, from)) continue;
    emit(recv_line(fd, data, from));
    if (o.has("--echo"))
      sendto(fd, data.data(), data.size(), 0, reinterpret_cast<sockaddr*>(&from), sizeof from);
  }
  return 0;
}

int run_udp_send(const Options& o) {
  int fd = bound_udp(o.required("--bind"));
  std::string data = o.value("--data", "portlab");
  for (const std::string& to_text_value : o.all("--to")) {
    sockaddr_in to = endpoint(to_text_value);
    if (sendto(fd, data.data(), data.size(), 0, reinterpret_cast<sockaddr*>(&to), sizeof to) < 0)
      emit("{\"sent\": false, \"to\": " + quote(to_text_value) + ", \"errno\": " +
           quote(errno_name(errno)) + "}");
    else
      emit("{\"sent\": true, \"to\": " + quote(to_text_value) + "}");
  }
  long deadline = now_ms() + o.number("--wait", 0);
  while (wait_readable({fd}, deadline) >= 0) {
    std::string reply;
    sockaddr_in from{};
    if (receive(fd, reply, from)) emit(recv_line(fd, reply, from));
  }
  return 0;
}

int run_tcp_serve(const Options& o) {
  long deadline = now_ms() + o.number("--wait", 1000);
  int fd = make_socket(SOCK_STREAM);
  set_option(fd, SO_REUSEADDR);
  std::string address = o.required("--bind");
  if (bind_to(fd, endpoint(address)) != 0 || listen(fd, 64) != 0)
    fail("cannot listen on " + address + ": " + errno_name(errno));
  emit("{\"ready\": true}");
  std::vector<int> keep;
  while (wait_readable({fd}, deadline) >= 0) {
    sockaddr_in from{};
    socklen_t len = sizeof from;
    int conn = accept(fd, reinterpret_cast<sockaddr*>(&from), &len);
    if (conn < 0) continue;
    keep.push_back(conn);
    emit("{\"accept\": {\"at\": " + quote(to_text(local_of(conn))) + ", \"from\": " +
         quote(to_text(from)) + "}}");
  }
  return 0;
}

int run_tcp_connect(const Options& o) {
  long deadline = now_ms() + o.number("--wait", 1000);
  int fd = make_socket(SOCK_STREAM);
  if (o.has("--bind")) {
    set_option(fd, SO_REUSEADDR);
    std::string address = o.value("--bind", "");
    if (bind_to(fd, endpoint(address)) != 0) fail("cannot bind " + address);
  }
  fcntl(fd, F_SETFL, O_NONBLOCK);
  sockaddr_in to = endpoint(o.required("--dest"));
  int error = 0;
  if (connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) error = errno;
  if (error == EINPROGRESS) {
    pollfd p{fd, POLLOUT, 0};
    long left = deadline - now_ms();
    if (poll(&p, 1, static_cast<int>(left > 0 ? left : 0)) <= 0) {
      error = ETIMEDOUT;
    } else {
      socklen_t len = sizeof error;
      getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len);
    }
  }
  if (error != 0) {
    emit("{\"ok\": false, \"errno\": " + quote(errno_name(error)) + "}");
    return 0;
  }
  sockaddr_in peer{};
  socklen_t len = sizeof peer;
  getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len);
  emit("{\"ok\": true, \"local\": " + quote(to_text(local_of(fd))) + ", \"peer\": " +
       quote(to_text(peer)) + "}");
  return 0;
}

struct Mode {
  const char* name;
  std::vector<std::string> options;
  int (*run)(const Options&);
};

const Mode kModes[] = {
    {"ephemeral", {"--mode", "--dest", "--count", "--reuseaddr", "--existing"}, run_ephemeral},
    {"bind",
     {"--port", "--addr", "--proto", "--uid", "--cap", "--existing", "--reuseaddr",
      "--reuseport"},
     run_bind},
    {"udp-recv", {"--bind", "--wait", "--echo"}, run_udp_recv},
    {"udp-send", {"--bind", "--to", "--data", "--wait"}, run_udp_send},
    {"tcp-serve", {"--bind", "--wait"}, run_tcp_serve},
    {"tcp-connect", {"--dest", "--bind", "--wait"}, run_tcp_connect},
};

}  // namespace

int main(int argc, char** argv) {
  std::string name = argc > 1 ? argv[1] : "";
  for (const Mode& mode : kModes) {
    if (name != mode.name) continue;
    try {
      return mode.run(Options(argc, argv, mode.options));
    } catch (const Failure& f) {
      std::fprintf(stderr, "portlab_kernel_probe %s: %s\n", mode.name, f.message.c_str());
      return 2;
    }
  }
  std::fprintf(stderr, "usage: portlab_kernel_probe ephemeral|bind|udp-recv|udp-send|"
                       "tcp-serve|tcp-connect [options] (see the comment in probe.cpp)\n");
  return 2;
}
