// The words of goals and predictions (activity.h's top comment), read the
// same way when a lesson loads (parse_activity reports what is wrong) and
// when a goal is judged (evaluate re-reads the line it keeps as written).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/activity/activity.h"
#include "core/host/socket.h"
#include "core/net/address.h"

namespace portlab::activity {

// Which lab model a sim block's `lab:` drives (port-map shows the
// Ephemeral Lab's host).
enum class LabKind : unsigned char { Bind, Ephemeral, Nat, Explorer, Unknown };
LabKind lab_kind(const std::string& lab);

struct PortRange {
  uint16_t lo = 0, hi = 65535;
  bool contains(uint16_t port) const { return port >= lo && port <= hi; }
};

// One goal line, read.
struct Goal {
  enum class Word : unsigned char {
    BindOk, BindFails, CallOk, CallFails, Sockets,
    Delivered, Dropped, Reachable, Mapping, ChallengeSolved, Answer
  };
  Word word = Word::Answer;
  std::string error_name;  // bind fails / call fails: "EACCES"

  // bind filters (and call ok's port=)
  std::optional<PortRange> port;
  std::optional<net::Ipv4> addr;
  std::optional<net::Transport> proto;  // also reachable, mapping
  std::optional<uint32_t> uid;
  std::optional<bool> root, cap;
  std::string os;

  // call ok / call fails
  std::optional<labs::EphemeralMode> mode;
  int count = 1;

  // sockets
  host::SocketState state = host::SocketState::Bound;
  int sockets = 0;

  // delivered / dropped
  int event = 0;  // 1-based
  std::optional<net::Endpoint> at;

  // reachable
  net::Endpoint from;  // port 0: any source port the probe picks
  net::Endpoint to;

  // mapping
  std::optional<net::Ipv4> inside_addr;
  std::optional<uint16_t> inside_port;
  enum class Outside : unsigned char { Any, Number, Same, Other };
  Outside outside = Outside::Any;
  uint16_t outside_port = 0;

  // answer
  std::vector<std::string> answers;
};

struct GoalRead {
  std::optional<Goal> goal;
  std::string error;  // why the line is not a goal for this lab
};
GoalRead read_goal(const std::string& lab, const std::string& text);

// "errno", "port", ... ; nullopt for another word.
std::optional<PredictKind> read_predict_kind(const std::string& word);
// "" when the kind can be asked in this lab, else why not.
std::string predict_fits(PredictKind kind, const std::string& lab);

// The learner's answer and the engine's in one spelling, so they compare
// equal when they mean the same: errno names upper-case with OK for
// success ("ok", "success"), numbers without leading zeros or spaces,
// yes/no lower-case. "" when `text` is no answer of this kind.
std::string normal_answer(PredictKind kind, const std::string& text);

// Lower-case, surrounding spaces gone: how typed answers are compared.
std::string fold(const std::string& text);

}  // namespace portlab::activity
