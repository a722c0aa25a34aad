#include "ui/views/bind_lab_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/host/describe.h"
#include "ui/a11y/semantics.h"
#include "ui/widgets.h"

namespace portlab::ui {

namespace {

// The settings that decide who may bind a low port on each system (R4.x);
// the others (ranges, TIME_WAIT reuse) belong to the Ephemeral Lab.
bool about_binding(const std::string& name) {
  for (const char* part : {"unprivileged", "reservedlow", "reservedhigh", "priv_port"})
    if (name.find(part) != std::string::npos) return true;
  return false;
}

// Like same_line_if_fits, but measured against the current table column, so
// rows wrap inside the Bind Lab's two columns too.
void wrap_if_needed(float width) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

bool wide_enough() { return ImGui::GetContentRegionAvail().x >= ImGui::GetFontSize() * 40; }

void copy_text(char* out, size_t size, const std::string& text) {
  std::snprintf(out, size, "%s", text.c_str());
}

std::string request_text(const labs::BindRequest& r) {
  return host::describe(net::Endpoint{r.addr, r.port}, r.transport);
}

}  // namespace

void BindLabView::draw() {
  title(ctx_, "Bind Lab");
  paragraph("Set up a host, then try a bind(): the simulated kernel answers, names the errno and "
            "the rule, and says why.",
            Tone::Muted);
  // The open activity (a challenge tried from the list, a setup link's
  // goal) above the lab it is about; the lab's challenges and its setup
  // link below it.
  challenges_.draw_open(ctx_, "bind");
  draw_lab();
  // A teacher shares what is on screen, right below it; the challenge list
  // (long in the Bind Lab) follows.
  heading(ctx_, "Share this setup");
  share_.draw(ctx_, "bind");
  challenges_.draw(ctx_, "bind");
}

void BindLabView::draw_lab() {
  if (wide_enough() && ImGui::BeginTable("bind-columns", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    draw_setup();
    ImGui::TableNextColumn();
    draw_form();
    draw_result();
    ImGui::EndTable();
  } else {
    draw_setup();
    draw_form();
    draw_result();
  }
  port_map_.draw(ctx_.model->bind.host());
  draw_sockets(ctx_.model->bind.host(), ctx_.model->bind.processes());
  draw_history();
}

void BindLabView::draw_setup() {
  labs::BindLab& lab = ctx_.model->bind;
  heading(ctx_, "Operating system");
  bool first = true;
  for (const ports::OsProfile& p : ports::os_profiles()) {
    if (!first) wrap_if_needed(ImGui::GetFrameHeight() + button_width(p.name));
    first = false;
    if (radio(p.name, lab.os().id == p.id)) os_message_ = lab.set_os(p.key);
  }
  if (!os_message_.empty()) alert(os_message_.c_str(), Tone::Warning);

  heading(ctx_, "User");
  if (radio("root (uid 0)", lab.uid() == 0)) lab.set_uid(0);
  wrap_if_needed(ImGui::GetFrameHeight() + button_width("Ordinary user (uid 1000)"));
  if (radio("Ordinary user (uid 1000)", lab.uid() == 1000)) lab.set_uid(1000);
  if (!uid_editing_) uid_field_ = static_cast<int>(lab.uid());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (input_int_with_steps("uid", &uid_field_, 1, 100))
    lab.set_uid(static_cast<uint32_t>(std::max(0, uid_field_)));
  uid_editing_ = ImGui::IsItemActive();
  bool cap = lab.capability();
  const bool on_linux = lab.os().id == ports::OsId::Linux;
  ImGui::BeginDisabled(!on_linux);
  if (ImGui::Checkbox("CAP_NET_BIND_SERVICE", &cap)) lab.set_capability(cap);
  ImGui::EndDisabled();
  if (!on_linux) paragraph("Capabilities are a Linux feature; here only root is privileged.",
                        Tone::Muted);
  draw_sysctls();
  draw_existing();
}

void BindLabView::draw_sysctls() {
  labs::BindLab& lab = ctx_.model->bind;
  if (settings_for_ != &lab.os()) {
    settings_.clear();
    for (const auto& [name, value] : lab.host().settings().values()) {
      if (!about_binding(name)) continue;
      SettingField f;
      f.name = name;
      copy_text(f.value, sizeof f.value, value);
      settings_.push_back(f);
    }
    settings_for_ = &lab.os();
    settings_message_.clear();
  }
  heading(ctx_, "System settings");
  if (settings_.empty()) {
    paragraph(lab.os().id == ports::OsId::Macos
                  ? "macOS has no setting for this: ports below 1024 need root only on a "
                    "specific address (R4.2)."
                  : "This system has no setting that changes who may bind a port.",
              Tone::Muted);
    return;
  }
  for (size_t i = 0; i < settings_.size(); ++i) {
    SettingField& f = settings_[i];
    ImGui::PushID(static_cast<int>(i));
    mono(ctx_, f.name.c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    // Named after the setting, which the line above shows.
    const bool enter = text_field(("##" + f.name).c_str(), f.value, sizeof f.value,
                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Set") || enter) {
      settings_message_ = lab.set_sysctl(f.name, f.value);
      if (!settings_message_.empty())  // refused: show the value the host kept
        for (const auto& [name, value] : lab.host().settings().values())
          if (name == f.name) copy_text(f.value, sizeof f.value, value);
    }
    ImGui::PopID();
  }
  if (!settings_message_.empty()) alert(settings_message_.c_str());
}

void BindLabView::draw_existing() {
  labs::BindLab& lab = ctx_.model->bind;
  heading(ctx_, "Sockets already there");
  if (lab.existing().empty()) paragraph("None: every port is free.", Tone::Muted);
  for (size_t i = 0; i < lab.existing().size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Button("Remove")) {
      lab.remove_existing(i);
      ImGui::PopID();
      break;
    }
    ImGui::SameLine();
    mono(ctx_, lab.existing()[i].text.c_str());
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 16, ImGui::GetContentRegionAvail().x));
  const bool enter = text_field("##Socket to add", existing_text_, sizeof existing_text_,
                                ImGuiInputTextFlags_EnterReturnsTrue);
  wrap_if_needed(button_width("Add socket"));
  if (ImGui::Button("Add socket") || enter) existing_message_ = lab.add_existing(existing_text_);
  if (!existing_message_.empty()) alert(existing_message_.c_str());
  paragraph("ADDR:PORT/tcp or /udp, then any of :listen :timewait :reuseaddr :reuseport :uid=N "
            ":proc=NAME.",
            Tone::Muted);
}

void BindLabView::draw_form() {
  labs::BindLab& lab = ctx_.model->bind;
  labs::BindRequest& r = lab.request();
  heading(ctx_, "bind()");
  int port = r.port;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (input_int_with_steps("port", &port, 1, 100))
    r.port = static_cast<uint16_t>(std::clamp(port, 0, 65535));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (text_field("address", addr_text_, sizeof addr_text_)) {
    const net::Parsed<net::Ipv4> a = net::parse_ipv4(addr_text_);
    form_message_ = a.ok() ? "" : a.error;
    if (a.ok()) r.addr = *a.value;
  }
  if (radio("TCP", r.transport == net::Transport::Tcp))
    r.transport = net::Transport::Tcp;
  ImGui::SameLine();
  if (radio("UDP", r.transport == net::Transport::Udp))
    r.transport = net::Transport::Udp;
  ImGui::Checkbox("SO_REUSEADDR", &r.reuseaddr);
  wrap_if_needed(ImGui::GetFrameHeight() + button_width("SO_REUSEPORT"));
  ImGui::Checkbox("SO_REUSEPORT", &r.reuseport);
  ImGui::Checkbox("Keep it bound afterwards", &r.keep_open);
  if (!form_message_.empty()) alert(form_message_.c_str());

  if (ImGui::Button("Try bind")) lab.try_bind();
  if (ctx_.real_bind) {
    wrap_if_needed(button_width("Try it on this machine"));
    if (ImGui::Button("Try it on this machine")) {
      real_ = ctx_.real_bind->try_bind(r.port, r.transport, r.reuseaddr);
      real_request_ = host::describe(net::Endpoint{net::Ipv4{0x7F000001u}, r.port}, r.transport);
      has_real_ = true;
      lab.try_bind();  // the prediction to compare with
      real_attempt_ = lab.history().size();
    }
  }
}

void BindLabView::draw_result() {
  const labs::BindLab& lab = ctx_.model->bind;
  result_line_.clear();
  real_line_.clear();
  if (lab.history().empty()) return;
  const labs::BindAttempt& a = lab.history().back();
  const host::Decision& d = a.decision;
  heading(ctx_, "Prediction");
  const std::string who = "bind(" + request_text(a.request) + ") as uid " +
                          std::to_string(a.uid) +
                          (a.cap_net_bind_service ? " with CAP_NET_BIND_SERVICE" : "") + " on " +
                          a.os->name;
  paragraph(who.c_str(), Tone::Muted);
  result_line_ = d.ok ? "OK: bound to port " + std::to_string(d.port)
                      : std::string("Refused: ") + d.error;
  // Drawn in three pieces (bold result, rule, a warning tag); assistive
  // technology gets them as one result, errno and rule together, read out
  // when it appears.
  std::string said = result_line_ + ", rule " + d.rule;
  ImGui::PushFont(ctx_.fonts->bold);
  ImGui::TextColored(tone(d.ok ? Tone::Success : Tone::Danger), "%s", result_line_.c_str());
  ImGui::PopFont();
  const ImVec2 line_min = ImGui::GetItemRectMin();
  ImGui::SameLine();
  ImGui::Text("rule %s", d.rule);
  if (d.approximate) {
    ImGui::SameLine();
    ImGui::TextColored(tone(Tone::Warning), "approximate");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("The reference does not confirm this behaviour for %s.", a.os->name);
    said += " (approximate)";
  }
  a11y::text_at(a11y::Role::Status, said.c_str(), line_min, ImGui::GetItemRectMax());
  status(d.explanation.c_str());
  if (has_real_) {
    heading(ctx_, "On this machine");
    real_line_ = "bind(" + real_request_ + "): " +
                 (real_.ok ? std::string("OK") : real_.error + ", " + real_.message);
    status(real_line_.c_str(), real_.ok ? Tone::Success : Tone::Danger);
    // Compared only with the prediction made by the same click.
    if (real_attempt_ == lab.history().size()) {
      const bool same = real_.ok == d.ok && (d.ok || real_.error == d.error);
      status(same ? "The same answer as the prediction."
                  : "Not the prediction's answer: this machine is not the simulated host.",
             same ? Tone::Success : Tone::Warning);
    }
    paragraph("A real socket on 127.0.0.1, closed right after. This machine runs its own OS with "
              "its own user and settings, so it may differ from the simulated host.",
              Tone::Muted);
  }
}

void BindLabView::draw_history() {
  labs::BindLab& lab = ctx_.model->bind;
  if (lab.history().empty()) return;
  heading(ctx_, "Attempts");
  if (ImGui::Button("Clear attempts")) {
    lab.clear_history();
    return;
  }
  constexpr size_t kShown = 50;  // older ones stay in the model
  if (ImGui::BeginTable("attempts", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("OS");
    ImGui::TableSetupColumn("User");
    ImGui::TableSetupColumn("bind()");
    ImGui::TableSetupColumn("Result", ImGuiTableColumnFlags_WidthStretch);
    table_headers_row();
    const auto& h = lab.history();
    for (size_t n = 0; n < h.size() && n < kShown; ++n) {
      const labs::BindAttempt& a = h[h.size() - 1 - n];  // newest first
      ImGui::TableNextColumn();
      text(a.os->name);
      ImGui::TableNextColumn();
      textf("uid %u%s", a.uid, a.cap_net_bind_service ? " +cap" : "");
      ImGui::TableNextColumn();
      text(request_text(a.request).c_str());
      ImGui::TableNextColumn();
      // The word (OK or the errno) says it; the colour only repeats it.
      if (a.decision.ok)
        textf(Tone::Success, "OK  %s", a.decision.rule);
      else
        textf(Tone::Danger, "%s  %s", a.decision.error, a.decision.rule);
    }
    ImGui::EndTable();
  }
}

}  // namespace portlab::ui
