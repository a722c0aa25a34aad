// The Ephemeral Lab's model: a client host opening connections (one, or a
// burst of N) to a list of servers, each local port chosen by the simulated
// kernel (R3.1-R3.7) and explained; closing them leaves TIME_WAIT entries
// that age on the simulated clock (R3.6) at a chosen speed; a small range
// runs out (EADDRNOTAVAIL). Also compares RFC 6056's algorithms on one
// seeded scenario.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/course/lesson.h"
#include "core/host/host.h"
#include "core/labs/host_setup.h"

namespace portlab::labs {

enum class EphemeralMode : uint8_t { Connect, BindZero, Udp };
const char* to_string(EphemeralMode mode);  // "connect", "bind0", "udp"

// One call of the client and what the kernel answered.
struct Allocation {
  int number = 0;         // counted from 1 since the last reset
  net::Endpoint dest;     // unused for bind(0)
  EphemeralMode mode = EphemeralMode::Connect;
  host::SocketId socket;  // stale once the socket is gone
  host::Decision decision;
  sim::Millis at = 0;
};

// How one allocation algorithm did on the comparison scenario.
struct AlgorithmScore {
  std::string name;  // "RFC 6056 alg. 3" or the OS's own ("Linux default")
  std::optional<host::Rfc6056> algorithm;  // empty: the profile's own
  // Share of connects whose port lies 1..kGuessWindow above the previous
  // one: an attacker who saw one port guesses the next in a few tries.
  double predictability = 0;
  double probes_per_connect = 0;  // 1.0 = never met a port in use
  int failures = 0;
};

// The comparison scenario: kCompareConnects connects to one server from a
// range of kCompareRange ports, all kept open, so the range fills to half.
inline constexpr int kCompareRange = 1000;
inline constexpr int kCompareConnects = 500;
inline constexpr int kGuessWindow = 64;

// Runs the profile's own allocator and RFC 6056 algorithms 1-5 on identical
// scenarios; deterministic for a seed.
std::vector<AlgorithmScore> compare_algorithms(const ports::OsProfile& profile, uint64_t seed);

class EphemeralLab {
 public:
  EphemeralLab();

  // Sets the lab up as a lesson's ```sim block says (lab: ephemeral or
  // port-map) and makes its `count` calls; "" or what was wrong.
  std::string apply_preset(const course::Directive& preset);
  // #/ephemeral/<os key> or #/ephemeral/exhaustion; "" or a problem for the
  // learner, in which case nothing changed.
  std::string open_link(const std::string& arg);

  const host::Host& host() const { return host_; }
  // The client's sockets belong to the learner's program, kLearnerProgram.
  const host::Processes& processes() const { return processes_; }
  const ports::OsProfile& os() const { return host_.profile(); }
  uint64_t seed() const { return seed_; }
  EphemeralMode mode() const { return mode_; }
  std::optional<host::Rfc6056> algorithm() const { return algorithm_; }
  // The range (LO-HI; "" for the OS's default) and the NAME=VALUE writes
  // since the OS was chosen, as a preset's `range:` and `sysctl:` take them.
  const std::string& range() const { return range_; }
  const std::vector<std::string>& sysctls() const { return sysctls_; }

  // These start over: a fresh host, no allocations (the range and sysctls
  // are kept unless the OS changes, whose settings are its own).
  std::string set_os(const std::string& key);
  void set_seed(uint64_t seed);
  // "" or the system's refusal; the host starts over with the new range.
  std::string set_range(const std::string& lo_hi);
  std::string set_sysctl(const std::string& name, const std::string& value);
  void reset();
  // The exhaustion demonstration: Linux-style range 40000-40003 and one
  // server, so the fifth connect finds no free 4-tuple.
  void start_exhaustion_demo();

  // Takes effect from the next call; the open sockets stay.
  void set_mode(EphemeralMode mode);
  // RFC 6056 algorithms choose connect() ports only.
  void set_algorithm(std::optional<host::Rfc6056> algorithm);

  const std::vector<net::Endpoint>& destinations() const { return dests_; }
  // "ADDR:PORT"; "" or why not.
  std::string add_destination(const std::string& text);
  void remove_destination(size_t index);
  // Calls go to this destination, or round-robin over all when empty.
  void select_destination(std::optional<size_t> index);
  std::optional<size_t> selected_destination() const { return selected_; }

  // Makes up to `count` calls; stops at the first failure. Returns how many
  // succeeded.
  int open(int count);
  const std::vector<Allocation>& allocations() const { return allocations_; }
  // The allocation whose explanation is shown in full (by its number); the
  // newest when none was chosen or the chosen one is gone after a reset.
  void select_allocation(int number) { selected_allocation_ = number; }
  const Allocation* selected_allocation() const;
  // The active close of every open socket: TCP connections go to TIME_WAIT.
  void close_all();

  // Simulated time.
  void advance(sim::Millis ms);
  // 0 (paused), 1, 10, 60: how many simulated ms per real ms in tick().
  void set_speed(int factor) { speed_ = factor < 0 ? 0 : factor; }
  int speed() const { return speed_; }
  void tick(sim::Millis real_ms) { advance(real_ms * speed_); }
  int count(host::SocketState state) const;
  // True while TIME_WAIT entries are waiting to expire.
  bool ageing() const { return count(host::SocketState::TimeWait) > 0; }
  // Time until the next TIME_WAIT entry leaves, or 0 when none.
  sim::Millis next_expiry() const;

  // compare_algorithms() for the current OS and seed, computed once.
  const std::vector<AlgorithmScore>& comparison();

  // --- the journal: what the learner did since the host last started over
  // (a configuration change or reset), so a setup link can replay it and
  // reach the same sockets, clock and allocations.
  // The settings that held when the first entry was made (before it, the
  // current ones): mode, algorithm and servers may change in between, and
  // those changes are entries themselves.
  struct JournalStart {
    EphemeralMode mode = EphemeralMode::Connect;
    std::optional<host::Rfc6056> algorithm;
    std::vector<net::Endpoint> dests;
    std::optional<size_t> selected;
  };
  JournalStart journal_start() const;
  // The entries as activity actions (activity.h): `open N`, `close-all`,
  // `wait SECONDS` (up to 3 decimals: whole ms), `mode M`, `algorithm A`,
  // `use ADDR:PORT|all`, `dest ADDR:PORT`, `remove-dest ADDR:PORT`.
  // Consecutive opens and waits are merged, so a clock that ticks every
  // frame adds no entries.
  std::vector<std::string> journal() const;

 private:
  std::string rebuild();

  struct JournalEntry {
    enum class Kind : uint8_t { Open, CloseAll, Wait, Mode, Algorithm, Use, AddDest, RemoveDest };
    Kind kind;
    long long n = 0;      // calls for Open (made, the failed one included), ms for Wait
    bool failed = false;  // Open: its last call failed, so the next open cannot join it
    std::string text;     // the argument of the others
  };
  // Adds an entry, merging it into the last one where replaying both is
  // the same as replaying one.
  void journal_add(JournalEntry entry);
  std::vector<JournalEntry> journal_;
  JournalStart journal_start_;

  const ports::OsProfile* profile_;
  host::Host host_;
  host::Processes processes_;
  uint64_t seed_ = 1;
  EphemeralMode mode_ = EphemeralMode::Connect;
  std::optional<host::Rfc6056> algorithm_;
  std::string range_;                  // LO-HI, or "" for the default
  std::vector<std::string> sysctls_;   // NAME=VALUE writes, in order
  std::vector<net::Endpoint> dests_;
  std::optional<size_t> selected_;
  size_t next_dest_ = 0;
  std::vector<Allocation> allocations_;
  int selected_allocation_ = 0;
  int speed_ = 1;
  std::vector<AlgorithmScore> comparison_;
  const ports::OsProfile* compared_os_ = nullptr;
  uint64_t compared_seed_ = 0;
};

}  // namespace portlab::labs
