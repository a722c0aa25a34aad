// Activities: a lesson's ```sim block (or a lab challenge, or a teacher's
// setup link) that asks the learner to *do* something in a lab and lets the
// lab's own engine judge it. Everything here is plain C++ over the lab
// models, so the app, `portlab-cli lessons check` and the tests judge goals
// the same way.
//
//   ```sim
//   lab: bind
//   os: linux
//   uid: 1000
//   id: bind-80-unprivileged
//   goal: bind ok port=80 uid=1000 cap=no
//   hint: Which setting moves the start of the privileged ports?
//   hint: Try net.ipv4.ip_unprivileged_port_start.
//   solution: sysctl net.ipv4.ip_unprivileged_port_start=80
//   solution: bind 80
//   ```
//
// The vocabulary (docs/lesson-format.md is the teacher's reference):
//
// Goals (`goal:` lines; every one must hold):
//   bind ok [FILTERS]             an attempt in the Bind Lab's history succeeded
//   bind fails ERRNO [FILTERS]    ... failed with ERRNO (EACCES, EADDRINUSE, ...)
//       FILTERS: port=P|LO-HI addr=A proto=tcp|udp uid=N root=yes|no
//                cap=yes|no os=KEY
//   call ok [mode=M] [count=N] [port=LO-HI]
//                                 Ephemeral Lab: at least N (default 1)
//                                 successful calls (in mode M) whose ports lie
//                                 in LO-HI
//   call fails ERRNO [mode=M]     Ephemeral Lab: a call failed with ERRNO
//   sockets STATE N               Ephemeral Lab: at least N sockets in STATE
//                                 (bound, listening, connected, timewait)
//   delivered event=N [at=IP:PORT] NAT Lab: the timeline has reached event N
//                                 (1-based) and its first packet arrived (at
//                                 IP:PORT)
//   dropped event=N               ... and its first packet was dropped
//   reachable from=IP to=IP:PORT [proto=tcp|udp]
//                                 NAT Lab: with the router as configured now
//                                 (profile, rules), a new packet from internet
//                                 host IP to the router's public address and
//                                 TO's port arrives at TO
//   mapping [inside=IP[:PORT]] [outside-port=N|same|other] [proto=tcp|udp]
//                                 NAT Lab: a row of the router's NAT table
//                                 matches ("same": the outside port equals the
//                                 inside one)
//   challenge solved              NAT Lab: its built-in challenge is solved
//   answer VALUE [| VALUE ...]    any lab: the learner typed one of the values
//                                 (case and surrounding spaces ignored)
//
// Actions (`solution:` and `run:` lines; setup links' `do=` items), done in
// the activity's lab:
//   Bind:      os KEY | uid N | cap on|off | sysctl NAME=VALUE |
//              existing SPEC | bind PORT [addr=A] [proto=tcp|udp] [reuseaddr]
//              [reuseport] [keep]
//   Ephemeral: os KEY | range LO-HI | sysctl NAME=VALUE |
//              mode connect|bind0|udp | algorithm default|rfc6056-N |
//              dest ADDR:PORT (adds a server) | remove-dest ADDR:PORT |
//              use ADDR:PORT|all (calls go to that server / round-robin) |
//              seed N | open N | close-all | wait SECONDS | reset
//              (SECONDS: up to three decimals, i.e. whole milliseconds)
//   NAT:       profile KEY | forward tcp|udp|both EXT IP:PORT | step [N] | run |
//              back | restart | choose KEY | check
//   any lab:   answer TEXT
//
// Predictions (`predict: KIND`, `ask: question`, optional `choices: a, b, c`,
// `run:` lines; without `run:` the solution is run). The learner answers
// first; then the run lines are done in the lab and the engine's own answer
// is put beside the prediction:
//   errno        the result of the run's last bind() or call: OK or the errno
//   port         the local port of the run's last successful bind() or call
//   connections  Ephemeral: successful calls in the run before the first failure
//   public-port  NAT: the source port the router gave the run's last
//                translated outbound packet
//   delivered    NAT: did the first packet of the last event run arrive? yes/no
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/course/course.h"
#include "core/course/lesson.h"
#include "core/labs/bind_lab.h"
#include "core/labs/ephemeral_lab.h"
#include "core/labs/nat_lab.h"
#include "core/source_file.h"

namespace portlab::activity {

// The labs an activity can drive: the model's own in the app, fresh ones
// when `lessons check` proves a solution. The Port Explorer keeps no state,
// so an explorer activity only has `answer` goals.
struct Labs {
  labs::BindLab* bind = nullptr;
  labs::EphemeralLab* ephemeral = nullptr;
  labs::NatLab* nat = nullptr;
};

// One `goal:`, `solution:`/`run:` line, kept as written (shown to the
// learner, and re-read when it is judged or done) with its line.
struct Line {
  std::string text;
  int line = 0;
};

enum class PredictKind : unsigned char { Errno, Port, Connections, PublicPort, Delivered };
const char* to_string(PredictKind kind);  // "errno", "port", ...

struct Prediction {
  PredictKind kind = PredictKind::Errno;
  std::string ask;                   // the question put to the learner
  std::vector<std::string> choices;  // offered answers; empty: typed
  int line = 0;
};

struct Activity {
  std::string id;          // unique in its lesson (or the lab's list)
  std::string lesson_id;   // "" for a setup link's goal
  int step = 0;            // 0-based step of the lesson
  std::string lab;         // the sim block's `lab:`
  course::Directive preset;  // the whole sim block: apply_preset() takes it
  std::vector<Line> goals;
  std::vector<std::string> hints;
  std::vector<Line> solution;
  std::vector<Line> run;  // for a prediction; empty: the solution
  std::optional<Prediction> prediction;
  int line = 0;  // the sim block's first line
  // "lesson-id/activity-id": the key progress records it under.
  std::string key() const { return lesson_id + "/" + id; }
};

// The keys a ```sim block may carry on any lab to make it an activity
// (defined in course/lesson.h, whose parser lets them through).
using course::kActivityKeys;

// The activity a ```sim block describes; nothing when it has no `goal:` and
// no `predict:` (a plain preset). Every problem (an unknown goal or action
// word, a goal that does not fit the lab, a missing id) is added to `issues`
// at its line, and then nothing is returned.
std::optional<Activity> parse_activity(const course::Directive& sim, const std::string& lesson_id, int step,
                                       const std::string& file, std::vector<course::Issue>& issues);

// Every activity of the course, in course order; problems go to `issues`
// (an activity id used twice in a lesson, too).
std::vector<Activity> course_activities(const course::Course& course, std::vector<course::Issue>& issues);

// What the learner did that the lab does not hold.
struct Inputs {
  std::string answer;  // typed into the activity's answer field
};

struct Verdict {
  bool met = false;
  // The engine's own words about what decided it: the bind() explanation,
  // the allocation's, the packet's journey. For an unmet goal, what the
  // engine shows so far (may be empty).
  std::string explanation;
};

// Judges every goal against the labs as they are now.
Verdict evaluate(const Activity& activity, const Labs& labs, const Inputs& inputs);

// Does one action in the activity's lab (`lab` as in a sim block); "" or
// why it could not be done (nothing changed then).
std::string perform(const std::string& lab, const std::string& action, Labs& labs, Inputs& inputs);
// "" when the action is well formed for the lab (checked at load).
std::string check_action(const std::string& lab, const std::string& action);

// The engine's answer to a prediction, after doing the run lines.
struct PredictionOutcome {
  std::string predicted;
  std::string engine;  // what the engine did, in the prediction's terms
  bool right = false;
  std::string explanation;  // the engine's own sentence
  std::string problem;      // a run line failed: not graded
};
// Sets the lab up from the preset, does the run lines and compares.
PredictionOutcome run_prediction(const Activity& activity, Labs& labs, const std::string& predicted);

// `lessons check`: sets fresh labs up from the preset (with these NAT
// scenario files), checks that no goal is met yet, does the solution and
// checks every goal is met. A prediction's run lines must run.
struct Proof {
  bool proven = false;
  std::vector<course::Issue> issues;  // at the goal's or action's line
};
Proof prove(const Activity& activity, const std::vector<SourceFile>& scenarios, const std::string& file);

}  // namespace portlab::activity
