// The NAT Lab's model: a topology (LAN hosts, a router, optionally a
// carrier-grade NAT, internet hosts) run by the NAT engine (core/nat), a
// timeline of events the learner steps through (forward, back, play at a
// speed), the router's behaviour preset, the learner's forwarding rules and
// challenges whose goals the engine checks.
//
// Every change of configuration (preset, rules) rebuilds the network and
// replays the timeline up to the current step, so the state after step n
// depends only on the configuration and the seed, and stepping back is the
// same replay stopped one event earlier.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/course/lesson.h"
#include "core/nat/scenario.h"
#include "core/source_file.h"

namespace portlab::labs {

// One packet's journey in the timeline.
struct NatPacket {
  nat::Packet before;  // as the sender wrote it
  nat::Packet after;   // as the receiver got it, or as it was when dropped
  nat::Action action = nat::Action::Dropped;
  bool reply = false;     // the receiver's answer to the packet before it
  std::string dropped_at;  // "router.nat", "cgn.nat", "internet", ...; "" when not dropped
  std::string reason;      // one sentence: what happened and why
  std::vector<nat::Step> steps;
  // Node ids the packet passes (see NatNode), ending where it stops.
  std::vector<std::string> path;
};

// What one step of the timeline did.
struct NatEventRecord {
  std::string title;  // the scenario's comment, or a description of the event
  std::vector<NatPacket> packets;  // a send and maybe its reply; empty otherwise
  std::string summary;             // the event's outcome in one sentence
};

// One event of the timeline.
struct NatLabEvent {
  nat::ScenarioEvent event;
  std::string comment;
  // A send aimed at the public endpoint an earlier event's receiver saw
  // (that event's index), so hole punching uses the port really mapped.
  int aim_at = -1;
};

// A box in the topology drawing.
struct NatNode {
  enum class Kind : unsigned char { LanHost, Router, Cgn, InternetHost };
  std::string id;       // the address ("192.168.1.10"), or "router" / "cgn"
  std::string name;     // "laptop"; "" for a host the scenario did not name
  std::string address;  // the host's address; the router's and CGN's public one
  Kind kind = Kind::LanHost;
};

// One row of a NAT table, ready to show.
struct NatTableRow {
  std::string nat;  // "router" or "cgn"
  std::string proto, inside, outside, remote, state;
  long long expires_in_s = 0;
};

struct NatChallengeChoice {
  std::string key;    // a profile key
  std::string label;  // "Full cone"
};

struct NatChallenge {
  std::string id;
  std::string title;
  std::string goal;
  std::vector<std::string> hints;
  bool uses_rules = false;                  // solved by a forwarding rule
  std::vector<NatChallengeChoice> choices;  // solved by choosing a NAT behaviour
  bool solved = false;
  std::string engine_showed;  // what the last check saw, in sentences
};

// A forwarding rule as the learner types it.
struct NatRuleInput {
  std::string proto = "tcp";  // tcp, udp or both
  int external_port = 0;
  std::string internal_address;
  int internal_port = 0;
};

class NatLab {
 public:
  NatLab();

  // Sets the lab up as a lesson's ```sim block says (scenario, challenge,
  // profile); "" or what was wrong, in which case nothing changed.
  std::string apply_preset(const course::Directive& preset);
  // `#/nat/<challenge id or scenario name>`; "" or a problem for the
  // learner, in which case nothing changed.
  std::string open_link(const std::string& arg);
  // The scenario files the lab may open (lessons/scenarios/*.json), named
  // relative to lessons/ ("scenarios/pat-home.json") or by path; they are
  // found by file name. The app hands them over at start-up because the
  // core reads no files.
  void set_scenarios(std::vector<SourceFile> files);
  // The files handed over, so a fresh lab (a setup link's) can get them too.
  const std::vector<SourceFile>& scenario_files() const { return scenario_files_; }

  // Opens a scenario by file name ("scenarios/pat-home.json" or "pat-home").
  std::string open_scenario(const std::string& name);
  std::string open_challenge(const std::string& id);
  static std::vector<std::string> challenge_ids();
  std::vector<std::string> scenario_names() const;

  // --- what is open
  const std::string& title() const { return title_; }
  const std::string& description() const { return description_; }
  const std::string& challenge_id() const { return challenge_id_; }
  // The scenario file open (its name without folder and ".json", as
  // `scenario:` takes it); "" when a challenge is open.
  const std::string& scenario_name() const { return scenario_name_; }
  bool challenge_solved() const { return challenge_ && challenge_->solved; }
  const NatChallenge* challenge() const { return challenge_ ? &*challenge_ : nullptr; }
  const std::vector<NatNode>& nodes() const { return nodes_; }
  const nat::Network& network() const { return *network_; }

  // --- behaviour preset of the router
  const nat::Profile& profile() const { return profile_; }
  // Switches the router to a preset (profiles() key); "" or why not.
  std::string set_profile(const std::string& key);
  // True once a preset replaced the scenario's own behaviour (which may
  // carry the scenario file's options, so its key alone does not say it).
  bool profile_changed() const { return profile_changed_; }

  // --- forwarding rules on the router (beside the scenario's own)
  const std::vector<nat::ForwardRule>& rules() const { return rules_; }
  // The scenario's own rules (shown, not removable).
  const std::vector<nat::ForwardRule>& scenario_rules() const { return scenario_.forwards; }
  // Adds a rule through the engine; "" or the engine's reason for refusing.
  std::string add_rule(const NatRuleInput& input);
  // Removes the rule at this position of rules().
  void remove_rule(size_t index);

  // --- the timeline
  size_t event_count() const { return events_.size(); }
  size_t step() const { return records_.size(); }  // events applied so far
  const std::vector<NatEventRecord>& records() const { return records_; }
  const std::vector<NatTableRow>& table() const { return table_; }
  // One event forward; false at the end.
  bool step_forward();
  // One event back (a replay from the start); false at the start.
  bool step_back();
  void restart();
  void play();
  void pause();
  bool playing() const { return playing_; }
  // 0.25-4 times normal; values outside are clamped.
  void set_speed(double speed);
  double speed() const { return speed_; }
  // Moves simulated presentation time on by the frame's `ms`: the newest
  // step's packets travel, and while playing the next step follows when
  // they have arrived.
  void advance(double ms);
  // How far the newest step's packets have travelled, 0..1 (1: arrived).
  double progress() const { return progress_; }
  bool moving() const { return progress_ < 1.0 || playing_; }
  void finish_animation() { progress_ = 1.0; }

  // --- challenges
  // For challenges solved by choosing a NAT behaviour: the chosen preset.
  void choose(const std::string& profile_key);
  const std::string& chosen() const { return chosen_; }
  // Runs the engine on the goal and sets solved and engine_showed.
  bool check();

  // What a new packet from internet endpoint `from` (port 0: 50000) to the
  // public address's `public_port` would meet, with the router as it is now
  // (profile, rules, the timeline so far); the lab is left as it was.
  // Activities' `reachable` goals ask this.
  NatPacket probe_inbound(const net::Endpoint& from, uint16_t public_port, net::Transport proto) const;

  // How long one step's packets take to travel at speed 1, in ms.
  static constexpr double kStepMs = 1400.0;

 private:
  using LabEvent = NatLabEvent;
  struct Setup {
    std::string title, description;
    nat::Scenario scenario;
    std::vector<LabEvent> events;
    std::optional<NatChallenge> challenge;
    int goal_event = -1;
    net::Endpoint goal_target;
  };

  std::string load(Setup setup);
  void rebuild(size_t steps);
  void snapshot_table();
  void add_node(net::Ipv4 a);
  // Replays the whole timeline on a fresh network with `profile`; returns
  // the record of the goal event.
  NatEventRecord replay_goal(const nat::Profile& profile) const;
  bool goal_reached(const NatEventRecord& r) const;
  void evaluate_rules_goal();
  std::optional<Setup> parse_file(const std::string& name, std::string* problem) const;

  std::vector<SourceFile> scenario_files_;
  std::string title_, description_;
  nat::Scenario scenario_;
  std::vector<LabEvent> events_;
  nat::Profile profile_;
  std::vector<nat::ForwardRule> rules_;
  std::optional<NatChallenge> challenge_;
  std::string challenge_id_;
  std::string scenario_name_;
  bool profile_changed_ = false;
  int goal_event_ = -1;
  net::Endpoint goal_target_;
  std::string chosen_;

  std::unique_ptr<nat::Network> network_;
  std::vector<NatEventRecord> records_;
  std::vector<NatTableRow> table_;
  std::vector<NatNode> nodes_;
  uint64_t seed_ = 1;

  bool playing_ = false;
  double speed_ = 1.0;
  double progress_ = 1.0;
};

}  // namespace portlab::labs
