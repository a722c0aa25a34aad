#include "core/labs/nat_lab.h"

#include <algorithm>

#include "core/json.h"
#include "core/labs/nat_lab_challenges.h"

namespace portlab::labs {
namespace {

using nat::Action;
using nat::Network;
using nat::Place;

constexpr uint64_t kDefaultSeed = 1;

std::string node_id(const Network& net, net::Ipv4 a) {
  switch (net.place_of(a)) {
    case Place::Router:
    case Place::Carrier:
      return "router";
    case Place::Cgn:
      return "cgn";
    case Place::Lan:
    case Place::Internet:
      break;
  }
  return net::to_string(a);
}

bool inside(const Network& net, net::Ipv4 a) { return net.place_of(a) == Place::Lan; }

// The nodes a packet passes in the drawing, ending where it stopped.
std::vector<std::string> path_of(const Network& net, const NatPacket& p) {
  std::vector<std::string> path{node_id(net, p.before.src.addr)};
  std::string stop = node_id(net, p.after.dst.addr);
  if (p.action == Action::Dropped) {
    if (p.dropped_at.rfind("router", 0) == 0) stop = "router";
    if (p.dropped_at.rfind("cgn", 0) == 0) stop = "cgn";
  }
  const bool cgn = net.cgn() != nullptr;
  auto push = [&](const std::string& id) {
    if (path.back() != id) path.push_back(id);
    return id == stop;
  };
  if (inside(net, p.before.src.addr)) {
    if (push("router")) return path;
    if (!inside(net, p.after.dst.addr) && cgn && push("cgn")) return path;
  } else {
    if (cgn && push("cgn")) return path;
    if (push("router")) return path;
  }
  push(stop);
  return path;
}

NatPacket record_packet(const Network& net, const nat::Packet& sent, const nat::Delivery& d,
                        const nat::Trace& trace, bool reply) {
  NatPacket p;
  p.before = sent;
  p.after = d.packet;
  p.action = d.action;
  p.reply = reply;
  p.reason = trace.reason;
  p.steps = trace.steps;
  if (d.action == Action::Dropped) {
    for (const nat::Step& s : trace.steps)
      if (s.kind == "drop") p.dropped_at = s.where;
    if (p.dropped_at.empty() && !trace.steps.empty()) p.dropped_at = trace.steps.back().where;
  }
  p.path = path_of(net, p);
  return p;
}

// Runs one event on the network; `earlier` are the records of the events
// before it (for sends aimed at what an earlier receiver saw).
NatEventRecord run_event(Network& net, const NatLabEvent& e,
                         const std::vector<NatEventRecord>& earlier) {
  NatEventRecord r;
  r.title = e.comment;
  nat::Trace trace;
  switch (e.event.kind) {
    case nat::ScenarioEvent::Kind::Send: {
      nat::Packet p = e.event.packet;
      if (e.aim_at >= 0 && static_cast<size_t>(e.aim_at) < earlier.size() &&
          !earlier[e.aim_at].packets.empty()) {
        const NatPacket& seen = earlier[e.aim_at].packets.front();
        if (seen.action == Action::Translated) p.dst = seen.after.src;
      }
      // An unflagged TCP packet opens a conversation, as in the lessons.
      if (p.proto == net::Transport::Tcp && p.tcp_flags == 0) p.tcp_flags = nat::kSyn;
      nat::Delivery d = net.send(p, &trace);
      r.packets.push_back(record_packet(net, p, d, trace, false));
      if (e.event.reply && d.action != Action::Dropped) {
        nat::Trace back;
        nat::Delivery a = net.answer(p, d, &back);
        // What the receiver wrote, before any translation on the way back.
        nat::Packet answer{p.proto, d.packet.dst, d.packet.src, 0};
        if (p.proto == net::Transport::Tcp)
          answer.tcp_flags = (p.tcp_flags & nat::kSyn) && !(p.tcp_flags & nat::kAck)
                                 ? nat::kSyn | nat::kAck
                                 : nat::kAck;
        r.packets.push_back(record_packet(net, answer, a, back, true));
      }
      r.summary = r.packets.back().reason;
      if (r.title.empty()) r.title = nat::describe(p);
      break;
    }
    case nat::ScenarioEvent::Kind::Advance:
      net.advance(e.event.advance, &trace);
      r.summary = trace.reason.empty() && !trace.steps.empty() ? trace.steps.front().explanation
                                                               : trace.reason;
      if (r.title.empty()) r.title = "Time passes.";
      break;
    case nat::ScenarioEvent::Kind::Request: {
      nat::RequestOutcome o = net.request(e.event.request, &trace);
      (void)o;
      r.summary = trace.reason;
      if (r.title.empty()) r.title = "A device asks the router for a port mapping.";
      break;
    }
  }
  return r;
}

// The comments of a scenario file: the whole file's and each event's.
void read_comments(const std::string& text, std::string* description,
                   std::vector<std::string>* events) {
  json::ParseResult doc = json::parse(text);
  if (!doc.ok()) return;
  if (const json::Value* c = doc.value->find("comment"); c && c->is_string())
    *description = c->as_string();
  const json::Value* list = doc.value->find("events");
  if (!list || !list->is_array()) return;
  for (const json::Value& e : list->as_array()) {
    const json::Value* c = e.find("comment");
    events->push_back(c && c->is_string() ? c->as_string() : "");
  }
}

std::string stem(const std::string& name) {
  size_t slash = name.rfind('/');
  std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
  size_t dot = base.rfind(".json");
  return dot == std::string::npos ? base : base.substr(0, dot);
}

std::optional<nat::ForwardProto> forward_proto(const std::string& text) {
  if (text == "tcp") return nat::ForwardProto::Tcp;
  if (text == "udp") return nat::ForwardProto::Udp;
  if (text == "both") return nat::ForwardProto::Both;
  return std::nullopt;
}

}  // namespace

NatLab::NatLab() {
  // The lab opens on the first challenge so the screen is never empty.
  open_challenge(challenge_specs().front().id);
}

void NatLab::set_scenarios(std::vector<SourceFile> files) { scenario_files_ = std::move(files); }

std::vector<std::string> NatLab::challenge_ids() {
  std::vector<std::string> ids;
  for (const ChallengeSpec& s : challenge_specs()) ids.push_back(s.id);
  return ids;
}

std::vector<std::string> NatLab::scenario_names() const {
  std::vector<std::string> names;
  for (const SourceFile& f : scenario_files_) names.push_back(f.name);
  return names;
}

std::optional<NatLab::Setup> NatLab::parse_file(const std::string& name,
                                                std::string* problem) const {
  const SourceFile* file = nullptr;
  for (const SourceFile& f : scenario_files_)
    // By file name alone, so the app may hand over full paths or names
    // relative to lessons/ and a lesson's "scenarios/x.json" still finds x.
    if (f.name == name || stem(f.name) == stem(name)) file = &f;
  if (!file) {
    *problem = "There is no NAT scenario called '" + name + "'.";
    return std::nullopt;
  }
  nat::ScenarioParse parsed = nat::parse_scenario(file->text);
  if (!parsed.scenario) {
    *problem = file->name + ": " + parsed.error;
    return std::nullopt;
  }
  Setup s;
  s.title = stem(file->name);
  s.scenario = std::move(*parsed.scenario);
  std::vector<std::string> comments;
  read_comments(file->text, &s.description, &comments);
  for (size_t i = 0; i < s.scenario.events.size(); ++i)
    s.events.push_back({s.scenario.events[i], i < comments.size() ? comments[i] : "", -1});
  return s;
}

std::string NatLab::open_scenario(const std::string& name) {
  std::string problem;
  std::optional<Setup> s = parse_file(name, &problem);
  if (!s) return problem;
  std::string name_open = s->title;  // the file's stem
  problem = load(std::move(*s));
  if (problem.empty()) scenario_name_ = std::move(name_open);
  return problem;
}

std::string NatLab::open_challenge(const std::string& id) {
  const ChallengeSpec* spec = find_challenge_spec(id);
  if (!spec) return "There is no NAT Lab challenge called '" + id + "'.";
  nat::ScenarioParse parsed = nat::parse_scenario(spec->scenario_json);
  if (!parsed.scenario) return "challenge " + id + ": " + parsed.error;  // a bug in the table
  Setup s;
  s.title = spec->title;
  s.description = spec->goal;
  s.scenario = std::move(*parsed.scenario);
  for (size_t i = 0; i < s.scenario.events.size(); ++i) {
    LabEvent e{s.scenario.events[i], i < spec->event_titles.size() ? spec->event_titles[i] : "",
               -1};
    for (const auto& aim : spec->aims)
      if (aim.first == static_cast<int>(i)) e.aim_at = aim.second;
    s.events.push_back(e);
  }
  NatChallenge c;
  c.id = spec->id;
  c.title = spec->title;
  c.goal = spec->goal;
  c.hints = spec->hints;
  c.uses_rules = spec->uses_rules;
  for (const std::string& key : spec->choices)
    if (const nat::Profile* p = nat::find_profile(key)) c.choices.push_back({key, p->name});
  s.challenge = c;
  s.goal_event = spec->goal_event;
  s.goal_target = *net::parse_endpoint(spec->goal_target).value;
  return load(std::move(s));
}

std::string NatLab::load(Setup s) {
  title_ = std::move(s.title);
  description_ = std::move(s.description);
  scenario_ = std::move(s.scenario);
  events_ = std::move(s.events);
  profile_ = scenario_.profile;
  rules_.clear();
  challenge_ = std::move(s.challenge);
  challenge_id_ = challenge_ ? challenge_->id : "";
  scenario_name_.clear();
  profile_changed_ = false;
  goal_event_ = s.goal_event;
  goal_target_ = s.goal_target;
  chosen_.clear();
  seed_ = scenario_.seed.value_or(kDefaultSeed);
  playing_ = false;
  rebuild(0);
  progress_ = 1.0;
  // The drawing shows every host the timeline mentions, not only named ones.
  nodes_.clear();
  nodes_.push_back(
      {"router", "router", net::to_string(scenario_.topology.wan), NatNode::Kind::Router});
  if (scenario_.topology.cgn)
    nodes_.push_back({"cgn", "carrier NAT", net::to_string(scenario_.topology.cgn->public_address),
                      NatNode::Kind::Cgn});
  for (const nat::Host& h : scenario_.topology.hosts) add_node(h.address);
  for (const LabEvent& e : events_) {
    if (e.event.kind == nat::ScenarioEvent::Kind::Send) {
      add_node(e.event.packet.src.addr);
      add_node(e.event.packet.dst.addr);
    } else if (e.event.kind == nat::ScenarioEvent::Kind::Request) {
      add_node(e.event.request.client);
    }
  }
  return "";
}

void NatLab::add_node(net::Ipv4 a) {
  Place place = network_->place_of(a);
  if (place != Place::Lan && place != Place::Internet) return;
  std::string id = net::to_string(a);
  for (const NatNode& n : nodes_)
    if (n.id == id) return;
  std::string name;
  for (const nat::Host& h : scenario_.topology.hosts)
    if (h.address == a) name = h.name;
  nodes_.push_back({id, name, id,
                    place == Place::Lan ? NatNode::Kind::LanHost : NatNode::Kind::InternetHost});
}

std::string NatLab::apply_preset(const course::Directive& preset) {
  std::string challenge = preset.get("challenge");
  std::string scenario = preset.get("scenario");
  std::string profile = preset.get("profile");
  if (!profile.empty() && !nat::find_profile(profile))
    return "There is no NAT behaviour called '" + profile + "'; use one of " +
           nat::profile_keys() + ".";
  if (!challenge.empty()) {
    if (!find_challenge_spec(challenge))
      return "There is no NAT Lab challenge called '" + challenge + "'.";
  } else if (!scenario.empty()) {
    std::string problem;
    if (!parse_file(scenario, &problem)) return problem;
  }
  if (!challenge.empty()) open_challenge(challenge);
  else if (!scenario.empty()) open_scenario(scenario);
  if (!profile.empty()) set_profile(profile);
  return "";
}

std::string NatLab::open_link(const std::string& arg) {
  if (find_challenge_spec(arg)) return open_challenge(arg);
  std::string problem;
  if (parse_file(arg, &problem)) return open_scenario(arg);
  std::string ids;
  for (const std::string& id : challenge_ids()) ids += (ids.empty() ? "" : ", ") + id;
  return "The NAT Lab has no challenge or scenario called '" + arg + "' (challenges: " + ids +
         ").";
}

std::string NatLab::set_profile(const std::string& key) {
  const nat::Profile* p = nat::find_profile(key);
  if (!p) return "There is no NAT behaviour called '" + key + "'; use one of " +
                 nat::profile_keys() + ".";
  profile_ = *p;
  profile_changed_ = true;
  rebuild(step());
  return "";
}

std::string NatLab::add_rule(const NatRuleInput& in) {
  std::optional<nat::ForwardProto> proto = forward_proto(in.proto);
  if (!proto) return "The protocol must be tcp, udp or both, not '" + in.proto + "'.";
  if (in.external_port < 1 || in.external_port > 65535)
    return "The external port must be 1-65535, not " + std::to_string(in.external_port) + ".";
  if (in.internal_port < 1 || in.internal_port > 65535)
    return "The internal port must be 1-65535, not " + std::to_string(in.internal_port) + ".";
  auto target = net::parse_ipv4(in.internal_address);
  if (!target.ok()) return "Internal address: " + target.error;
  if (!profile_.forwards_allowed)
    return std::string("The ") + profile_.name + " takes no forwarding rules.";
  nat::ForwardRule rule;
  rule.proto = *proto;
  rule.external = {static_cast<uint16_t>(in.external_port),
                   static_cast<uint16_t>(in.external_port)};
  rule.target = *target.value;
  rule.target_port = static_cast<uint16_t>(in.internal_port);
  // The engine's own check, against every rule the router holds now.
  std::string problem = nat::forward_problem(rule, "the new rule",
                                             network_->router().forwards().rules(),
                                             scenario_.topology.lan);
  if (!problem.empty()) return problem;
  rules_.push_back(rule);
  rebuild(step());
  return "";
}

void NatLab::remove_rule(size_t index) {
  if (index >= rules_.size()) return;
  rules_.erase(rules_.begin() + static_cast<long>(index));
  rebuild(step());
}

void NatLab::rebuild(size_t steps) {
  network_ = std::make_unique<Network>(scenario_.topology, profile_,
                                       scenario_.cgn_profile ? &*scenario_.cgn_profile : nullptr,
                                       seed_);
  // Validated when added, so adding again cannot fail.
  for (const nat::ForwardRule& r : scenario_.forwards)
    network_->router().forwards().add(r, scenario_.topology.lan);
  for (const nat::ForwardRule& r : rules_)
    network_->router().forwards().add(r, scenario_.topology.lan);
  records_.clear();
  steps = std::min(steps, events_.size());
  for (size_t i = 0; i < steps; ++i) records_.push_back(run_event(*network_, events_[i], records_));
  snapshot_table();
  if (challenge_ && challenge_->uses_rules) evaluate_rules_goal();
}

void NatLab::snapshot_table() {
  table_.clear();
  auto add = [this](const nat::NatDevice& dev) {
    const nat::SessionTable& t = dev.sessions();
    for (uint32_t id : t.by_age()) {
      const nat::Session& s = t.get(id);
      table_.push_back({dev.config().name, net::to_string(s.proto), net::to_string(s.internal),
                        net::to_string(s.external), net::to_string(s.remote),
                        nat::state_name(s), (s.expires_at - dev.now()) / sim::kSecond});
    }
  };
  add(network_->router());
  if (network_->cgn()) add(*network_->cgn());
}

bool NatLab::step_forward() {
  if (step() >= events_.size()) {
    playing_ = false;
    return false;
  }
  records_.push_back(run_event(*network_, events_[step()], records_));
  snapshot_table();
  progress_ = 0.0;
  return true;
}

bool NatLab::step_back() {
  if (step() == 0) return false;
  playing_ = false;
  rebuild(step() - 1);
  progress_ = 1.0;
  return true;
}

void NatLab::restart() {
  playing_ = false;
  rebuild(0);
  progress_ = 1.0;
}

void NatLab::play() {
  if (step() >= events_.size()) restart();
  playing_ = true;
  if (progress_ >= 1.0) step_forward();
}

void NatLab::pause() { playing_ = false; }

void NatLab::set_speed(double speed) { speed_ = std::clamp(speed, 0.25, 4.0); }

void NatLab::advance(double ms) {
  if (ms <= 0) return;
  if (progress_ < 1.0) {
    progress_ = std::min(1.0, progress_ + ms * speed_ / kStepMs);
    return;
  }
  if (playing_ && !step_forward()) playing_ = false;
}

NatEventRecord NatLab::replay_goal(const nat::Profile& profile) const {
  Network net(scenario_.topology, profile,
              scenario_.cgn_profile ? &*scenario_.cgn_profile : nullptr, seed_);
  for (const nat::ForwardRule& r : scenario_.forwards)
    net.router().forwards().add(r, scenario_.topology.lan);
  for (const nat::ForwardRule& r : rules_) net.router().forwards().add(r, scenario_.topology.lan);
  std::vector<NatEventRecord> done;
  for (int i = 0; i <= goal_event_ && static_cast<size_t>(i) < events_.size(); ++i)
    done.push_back(run_event(net, events_[i], done));
  return done.empty() ? NatEventRecord{} : done.back();
}

bool NatLab::goal_reached(const NatEventRecord& r) const {
  if (r.packets.empty()) return false;
  const NatPacket& first = r.packets.front();
  if (first.action != Action::Delivered || first.after.dst != goal_target_) return false;
  // A connection also needs its answer to get back out.
  return r.packets.size() < 2 || r.packets[1].action != Action::Dropped;
}

void NatLab::evaluate_rules_goal() {
  NatEventRecord r = replay_goal(profile_);
  challenge_->solved = goal_reached(r);
  const NatPacket* p = r.packets.empty() ? nullptr : &r.packets.front();
  std::string seen;
  if (p) {
    seen = nat::describe(p->before) + " -> " +
           (p->action == Action::Dropped ? "dropped: " + p->reason
                                         : "arrives as " + nat::describe(p->after));
  }
  challenge_->engine_showed =
      challenge_->solved ? "Solved: " + seen : "Not yet: " + seen;
}

void NatLab::choose(const std::string& profile_key) {
  if (!nat::find_profile(profile_key)) return;
  chosen_ = profile_key;
  set_profile(profile_key);
}

NatPacket NatLab::probe_inbound(const net::Endpoint& from, uint16_t public_port,
                                net::Transport proto) const {
  Network net(scenario_.topology, profile_,
              scenario_.cgn_profile ? &*scenario_.cgn_profile : nullptr, seed_);
  for (const nat::ForwardRule& r : scenario_.forwards)
    net.router().forwards().add(r, scenario_.topology.lan);
  for (const nat::ForwardRule& r : rules_) net.router().forwards().add(r, scenario_.topology.lan);
  std::vector<NatEventRecord> done;
  for (size_t i = 0; i < records_.size() && i < events_.size(); ++i)
    done.push_back(run_event(net, events_[i], done));
  // Behind a carrier NAT the internet only sees the CGN's address.
  const net::Ipv4 public_address =
      scenario_.topology.cgn ? scenario_.topology.cgn->public_address : scenario_.topology.wan;
  nat::Packet p{proto, {from.addr, from.port ? from.port : uint16_t{50000}}, {public_address, public_port},
                0};
  if (proto == net::Transport::Tcp) p.tcp_flags = nat::kSyn;
  nat::Trace trace;
  nat::Delivery d = net.send(p, &trace);
  return record_packet(net, p, d, trace, false);
}

bool NatLab::check() {
  if (!challenge_) return false;
  if (challenge_->uses_rules) {
    evaluate_rules_goal();
    return challenge_->solved;
  }
  if (chosen_.empty()) {
    challenge_->engine_showed = "Choose a NAT behaviour first.";
    return false;
  }
  // Run the story under symmetric NAT and under the chosen behaviour, so
  // the learner sees the difference the engine found.
  const nat::Profile* symmetric = nat::find_profile("symmetric");
  auto story = [this](const nat::Profile& p) {
    Network net(scenario_.topology, p, nullptr, seed_);
    std::vector<NatEventRecord> done;
    for (size_t i = 0; i < events_.size(); ++i) done.push_back(run_event(net, events_[i], done));
    return done;
  };
  auto tell = [this](const nat::Profile& p, const std::vector<NatEventRecord>& run) {
    std::string s = std::string("Under ") + p.name + ": ";
    if (run.size() < 3) return s;
    auto public_seen = [](const NatEventRecord& r) {
      return r.packets.empty() ? std::string("?") : net::to_string(r.packets.front().after.src);
    };
    s += "the rendezvous server saw " + public_seen(run[0]) + ", the peer saw " +
         public_seen(run[1]) + "; the peer's packet ";
    const NatPacket& punch = run[static_cast<size_t>(goal_event_)].packets.front();
    s += goal_reached(run[static_cast<size_t>(goal_event_)])
             ? "reached " + net::to_string(punch.after.dst) + "."
             : "was dropped: " + punch.reason;
    return s;
  };
  std::vector<NatEventRecord> chosen_run = story(profile_);
  challenge_->solved = goal_reached(chosen_run[static_cast<size_t>(goal_event_)]);
  challenge_->engine_showed = tell(profile_, chosen_run);
  if (symmetric && std::string(profile_.key) != symmetric->key)
    challenge_->engine_showed += " " + tell(*symmetric, story(*symmetric));
  return challenge_->solved;
}

}  // namespace portlab::labs
