#include "ui/views/explorer_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/ports/registry_data.h"
#include "ui/a11y/semantics.h"
#include "ui/widgets.h"

namespace portlab::ui {

namespace {

constexpr const char* kExamples[] = {"22", "443", "514", "3306", "49152", "dns"};

ImU32 colour(Tone t, float alpha = 1.0f) {
  ImVec4 c = tone(t);
  c.w = alpha;
  return ImGui::GetColorU32(c);
}

std::string ports_text(const ports::ServiceEntry& e) {
  std::string text = std::to_string(e.first_port);
  if (e.is_block()) text += "-" + std::to_string(e.last_port);
  return text;
}

std::string percent(uint32_t ppm) {
  if (ppm == 0) return "never, in nmap's scans";
  char buf[48];
  std::snprintf(buf, sizeof buf, "on %.3g%% of hosts nmap scanned", ppm / 10000.0);
  return buf;
}

std::string upper(net::Transport t) {
  std::string name = net::to_string(t);
  for (char& c : name) c = static_cast<char>(c - 'a' + 'A');
  return name;
}

std::string os_names(const std::vector<const ports::OsProfile*>& list) {
  std::string out;
  for (const ports::OsProfile* p : list) out += (out.empty() ? "" : ", ") + std::string(p->name);
  return out;
}

std::string range_text(ports::PortRange r) {
  return std::to_string(r.lo) + "-" + std::to_string(r.hi);
}

}  // namespace

const ports::PortRegistry* ExplorerView::registry() {
  const ports::RegistryParse& parsed = ports::embedded_port_registry();
  return parsed.ok() ? &*parsed.registry : nullptr;
}

void ExplorerView::open_port(uint16_t port) {
  // Inside a lesson step the page stays where it is: the port changes in place.
  if (drawing_inline_) inline_arg_ = std::to_string(port);
  else ctx_.navigator->go(nav::Route{nav::Screen::Explorer, {std::to_string(port)}});
}

void ExplorerView::sync_with(const std::string& arg) {
  if (link_arg_ == arg) return;
  link_arg_ = arg;
  link_query_ = labs::resolve_port_query(*registry(), arg);
  facts_.reset();
  if (link_query_.port) facts_ = labs::describe_port(*registry(), *link_query_.port);
  // The box shows what the link names, so its list and the page agree.
  std::snprintf(search_, sizeof search_, "%s", arg.c_str());
}

void ExplorerView::draw_search() {
  // Room for the label beside the field, also on a phone.
  const float label =
      ImGui::CalcTextSize("Port or service").x + ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::SetNextItemWidth(
      std::min(ImGui::GetContentRegionAvail().x - label, ImGui::GetFontSize() * 20));
  const bool enter = text_field("Port or service", search_, sizeof search_,
                                ImGuiInputTextFlags_EnterReturnsTrue, "a number (443) or a name (ssh)");
  if (searched_ != search_) {
    searched_ = search_;
    search_query_ = labs::resolve_port_query(*registry(), searched_);
  }
  if (enter) {
    if (search_query_.port) open_port(*search_query_.port);
    else if (!search_query_.matches.empty()) open_port(search_query_.matches[0]->first_port);
  }
  if (searched_.empty()) {
    ImGui::AlignTextToFramePadding();
    ui::text(Tone::Muted, "Try:");
    for (const char* example : kExamples) {
      same_line_if_fits(button_width(example));
      if (ImGui::Button(example)) {
        std::snprintf(search_, sizeof search_, "%s", example);
        labs::PortQuery q = labs::resolve_port_query(*registry(), example);
        if (q.port) open_port(*q.port);
      }
    }
    return;
  }
  if (!search_query_.problem.empty()) {
    alert(search_query_.problem.c_str());
    return;
  }
  // A number names one port; a name lists every service matching it.
  const bool number = search_query_.matches.empty() && search_query_.port;
  if (number && link_arg_ != searched_) {
    char label[48];
    std::snprintf(label, sizeof label, "Show port %u", static_cast<unsigned>(*search_query_.port));
    if (ImGui::Button(label)) open_port(*search_query_.port);
    return;
  }
  if (search_query_.matches.empty()) return;
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("matches", 2, flags)) return;
  ImGui::TableSetupColumn("service", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("description", ImGuiTableColumnFlags_WidthStretch);
  for (size_t i = 0; i < search_query_.matches.size(); ++i) {
    const ports::ServiceEntry& e = *search_query_.matches[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    char label[160];
    std::snprintf(label, sizeof label, "%.*s, port %s##match%zu", static_cast<int>(e.name.size()),
                  e.name.data(), ports_text(e).c_str(), i);
    const bool shown = facts_ && facts_->port == e.first_port;
    // Choosing a match opens its port: a link, the current one marked.
    a11y::next_item(a11y::Role::Link, shown ? uint32_t{a11y::kCurrent} : 0u);
    if (ImGui::Selectable(label, shown, ImGuiSelectableFlags_SpanAllColumns))
      open_port(e.first_port);
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f);
    const std::string transports = "(" + net::to_string(e.transports) + ")";
    const std::string text =
        e.description.empty() ? transports : std::string(e.description) + " " + transports;
    ui::text(Tone::Muted, text.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndTable();
}

void ExplorerView::draw_number_line(std::optional<uint16_t> selected) {
  const std::vector<ports::OsProfile>& systems = ports::os_profiles();
  const float font = ImGui::GetFontSize();
  const float width = ImGui::GetContentRegionAvail().x;
  const float label_w = std::min(font * 11.0f, width * 0.34f);
  const float row_h = ImGui::GetTextLineHeight() * 1.25f;
  const int rows = 1 + static_cast<int>(systems.size());
  const float height = row_h * rows + ImGui::GetTextLineHeight() * 1.5f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  // The picture's text alternative: its ranges as a table (below), the
  // marked port in the summary. The pointer's click target is no control of
  // its own for assistive technology: the search and the Previous / Next
  // buttons reach every port.
  std::string summary;
  if (a11y::current()) {
    summary = "IANA ranges:";
    for (const ports::IanaRange& r : ports::iana_ranges())
      summary += std::string(" ") + r.name + " " + range_text(r.ports) + ",";
    summary += " and each system's default ephemeral range, in the table.";
    if (selected) summary += " Port " + std::to_string(*selected) + " is marked.";
  }
  a11y::begin(a11y::Role::Figure, "The number line, 0 to 65535", summary.c_str());
  a11y::next_item(a11y::Role::None);
  ImGui::InvisibleButton("number line", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked();

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float x0 = at.x + label_w, x1 = at.x + width - font * 0.5f;
  auto x_of = [&](int port) { return x0 + (x1 - x0) * static_cast<float>(port) / 65536.0f; };
  const ImU32 text = colour(Tone::Text), muted = colour(Tone::Muted);
  const float pad = row_h * 0.12f;

  // Row 0: the IANA ranges (R1.2), as a label only (R1.3).
  // Not the accent: that is the colour of the ephemeral bands below.
  const Tone range_tones[] = {Tone::Danger, Tone::Muted, Tone::Success};
  const char* range_labels[] = {"System", "User", "Dynamic"};
  dl->AddText(ImVec2(at.x, at.y + pad), text, "IANA ranges");
  for (const ports::IanaRange& r : ports::iana_ranges()) {
    const int i = static_cast<int>(r.id);
    const float a = x_of(r.ports.lo), b = x_of(r.ports.hi + 1);
    dl->AddRectFilled(ImVec2(a, at.y + pad), ImVec2(b, at.y + row_h - pad),
                      colour(range_tones[i], 0.55f));
    const char* label = range_labels[i];
    if (ImGui::CalcTextSize(label).x + 8 < b - a)
      dl->AddText(ImVec2(a + 4, at.y + pad), text, label);
  }
  // One row per OS: its default ephemeral range (TCP; UDP is the same by default).
  for (size_t i = 0; i < systems.size(); ++i) {
    const float y = at.y + row_h * static_cast<float>(i + 1);
    dl->AddRectFilled(ImVec2(x0, y + pad), ImVec2(x1, y + row_h - pad), colour(Tone::Muted, 0.12f));
    const ports::PortRange r = systems[i].ephemeral;
    dl->AddRectFilled(ImVec2(x_of(r.lo), y + pad), ImVec2(x_of(r.hi + 1), y + row_h - pad),
                      colour(Tone::Accent, 0.75f));
    // The full name when it fits ("Windows (Vista and later)"), else the
    // profile's short key ("windows") so phones show whole words.
    const char* name = systems[i].name;
    if (ImGui::CalcTextSize(name).x > label_w - 6) name = systems[i].key;
    dl->PushClipRect(ImVec2(at.x, y), ImVec2(x0 - 4, y + row_h), true);
    dl->AddText(ImVec2(at.x, y + pad), text, name);
    dl->PopClipRect();
  }
  // Ticks at the range edges; a label that would run into the one before
  // it (0 and 1024 on a phone) is left out.
  const float tick_y = at.y + row_h * rows + 2;
  float free_x = at.x;
  for (int port : {0, 1024, 49152, 65535}) {
    const std::string label = std::to_string(port);
    const float w = ImGui::CalcTextSize(label.c_str()).x;
    const float x = port == 65535 ? x1 - w : x_of(port) + 2;
    if (port != 65535) dl->AddLine(ImVec2(x_of(port), at.y), ImVec2(x_of(port), tick_y), muted);
    if (x < free_x) continue;
    dl->AddText(ImVec2(x, tick_y), muted, label.c_str());
    free_x = x + w + font * 0.5f;
  }

  if (selected) {
    const float x = x_of(*selected) + 0.5f;
    // The text colour: it stands out from every band in every theme (high
    // contrast's warning is its accent yellow).
    const ImU32 mark = text;
    dl->AddLine(ImVec2(x, at.y), ImVec2(x, at.y + row_h * rows), mark, 3.0f);
    dl->AddTriangleFilled(ImVec2(x - 6, at.y - 2), ImVec2(x + 6, at.y - 2), ImVec2(x, at.y + 7),
                          mark);
  }

  if (a11y::current()) {
    a11y::begin(a11y::Role::Table, "Port ranges");
    a11y::begin(a11y::Role::Row, "");
    for (const char* h : {"Range", "Ports"})
      a11y::text_at(a11y::Role::ColumnHeader, h, at, ImVec2(at.x + label_w, at.y + row_h));
    a11y::end();
    auto row = [&](const std::string& name, ports::PortRange r, float y) {
      a11y::begin(a11y::Role::Row, name.c_str());
      a11y::text_at(a11y::Role::Cell, name.c_str(), ImVec2(at.x, y), ImVec2(x0, y + row_h));
      a11y::text_at(a11y::Role::Cell, range_text(r).c_str(), ImVec2(x_of(r.lo), y),
                    ImVec2(std::max(x_of(r.hi + 1), x_of(r.lo) + 4), y + row_h));
      a11y::end();
    };
    for (const ports::IanaRange& r : ports::iana_ranges()) row(std::string("IANA ") + r.name, r.ports, at.y);
    for (size_t i = 0; i < systems.size(); ++i)
      row(std::string(systems[i].name) + " ephemeral", systems[i].ephemeral,
          at.y + row_h * static_cast<float>(i + 1));
    a11y::end();
  }
  a11y::end();

  const float mx = ImGui::GetIO().MousePos.x;
  if (!hovered || mx < x0 || mx > x1) return;
  const int port = std::clamp(static_cast<int>((mx - x0) / (x1 - x0) * 65536.0f), 0, 65535);
  dl->AddLine(ImVec2(mx, at.y), ImVec2(mx, at.y + row_h * rows), muted);
  const ports::IanaRange& range = ports::iana_range(ports::classify(static_cast<uint16_t>(port)));
  ImGui::BeginTooltip();
  ImGui::Text("Port %d: %s (%s)", port, range.name, range_text(range.ports).c_str());
  const std::string on =
      os_names(labs::ephemeral_by_default(static_cast<uint16_t>(port), net::Transport::Tcp));
  ImGui::Text("Ephemeral by default on: %s", on.empty() ? "none of the systems" : on.c_str());
  const int row = static_cast<int>((ImGui::GetIO().MousePos.y - at.y) / row_h) - 1;
  if (row >= 0 && row < static_cast<int>(systems.size()))
    ImGui::Text("%s hands out %s by default.", systems[static_cast<size_t>(row)].name,
                range_text(systems[static_cast<size_t>(row)].ephemeral).c_str());
  ImGui::TextDisabled("Click to open this port.");
  ImGui::EndTooltip();
  if (clicked) open_port(static_cast<uint16_t>(port));
}

void ExplorerView::draw_details(const labs::PortFacts& f) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
  if (ImGui::BeginTable("transports", 3, flags)) {
    ImGui::TableSetupColumn("Transport", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Registered service", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Seen open", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    table_headers_row();
    for (const labs::TransportFacts& t : f.transports) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ui::text(upper(t.transport).c_str());
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0.0f);
      if (t.services.empty()) ui::text(Tone::Muted, "nothing registered");
      for (const ports::ServiceEntry* service : t.services) {
        ImGui::PushFont(ctx_.fonts->bold);
        ui::text(std::string(service->name).c_str());
        ImGui::PopFont();
        if (!service->description.empty()) {
          ImGui::SameLine();
          ui::text(Tone::Muted, std::string(service->description).c_str());
        }
        if (service->is_block())
          textf(Tone::Muted, "(a block: ports %s)", ports_text(*service).c_str());
      }
      ImGui::PopTextWrapPos();
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0.0f);
      ui::text(percent(t.seen_open_ppm).c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
  }
  if (f.exam) {
    std::string used = "Really used over: ";
    bool first = true;
    for (net::Transport t : net::TransportSet::kAll) {
      if (!f.exam->used.has(t)) continue;
      used += (first ? "" : " and ") + upper(t);
      first = false;
    }
    if (!f.exam->also_used.empty())
      used += " (sometimes also " + net::to_string(f.exam->also_used) + ")";
    used += std::string(f.exam->approximate ? " [approximate]" : "") + ". " + f.exam->note;
    paragraph(used.c_str());
  }

  heading(ctx_, "Handed out as an ephemeral port?");
  const labs::TransportFacts& tcp = f.transports[0];
  const labs::TransportFacts& udp = f.transports[1];
  auto line = [&](const char* who, const labs::TransportFacts& t) {
    std::string text = std::string(who) + ": ";
    text += t.ephemeral_on.empty()
                ? "no simulated system hands out port " + std::to_string(f.port) + " by default."
                : "by default on " + os_names(t.ephemeral_on) + ".";
    paragraph(text.c_str());
  };
  if (tcp.ephemeral_on == udp.ephemeral_on) {
    line("TCP and UDP", tcp);
  } else {
    line("TCP", tcp);
    line("UDP", udp);
  }
  paragraph("Each system's default range is drawn on the number line above; a learner can change "
            "it (Linux net.ipv4.ip_local_port_range, for example) in the Ephemeral Lab.",
            Tone::Muted);
}

void ExplorerView::draw_bind_rights(const labs::PortFacts& f) {
  heading(ctx_, "Who may bind it?");
  const ImGuiTableFlags flags =
      ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
  if (!ImGui::BeginTable("bind rights", 3, flags)) return;
  ImGui::TableSetupColumn("System", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Who may bind it", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("Rule", ImGuiTableColumnFlags_WidthFixed);
  table_headers_row();
  for (const labs::BindRight& r : f.bind) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f);
    ui::text(r.os->name);
    ImGui::PopTextWrapPos();
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f);
    const Tone t = r.who == labs::BindWho::Anyone ? Tone::Success : Tone::Warning;
    textf(t, "%s%s", r.summary.c_str(), r.approximate ? " [approximate]" : "");
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemHovered() && !r.explanation.empty()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
      ImGui::TextUnformatted(r.explanation.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    ImGui::TableNextColumn();
    ui::text(r.rule);
  }
  ImGui::EndTable();
  paragraph("The same rule covers TCP and UDP. Hover a row for the simulated kernel's own "
            "explanation (uid 1000 binding 127.0.0.1). These are each system's defaults; the "
            "Bind Lab lets you change users, capabilities and sysctls.",
            Tone::Muted);
}

void ExplorerView::draw() {
  title(ctx_, "Port Explorer");
  if (!registry()) {
    alert("The built-in port registry could not be read, so the Explorer has nothing to show.");
    return;
  }
  const std::vector<std::string>& args = ctx_.navigator->current().args;
  sync_with(args.empty() ? "" : args[0]);
  paragraph("Look a port up by number or by service name: where it sits among the ranges, what "
            "each transport registers on it, and how each operating system treats it.",
            Tone::Muted);
  draw_body();
}

void ExplorerView::draw_lab() {
  if (!registry()) {
    alert("The built-in port registry could not be read, so the Explorer has nothing to show.");
    return;
  }
  drawing_inline_ = true;
  sync_with(inline_arg_);
  draw_body();
  drawing_inline_ = false;
}

void ExplorerView::draw_body() {
  draw_search();

  // The box already says what is wrong while it still holds the link's text.
  if (!link_query_.problem.empty() && searched_ != *link_arg_) {
    ImGui::Spacing();
    alert(link_query_.problem.c_str());
  } else if (!link_arg_->empty() && !facts_) {
    const std::string text = "No service is called \"" + *link_arg_ +
                             "\" exactly; the services whose names start with it are listed above.";
    status(text.c_str(), Tone::Warning);
  }

  std::optional<uint16_t> selected;
  if (facts_) selected = facts_->port;
  if (facts_) {
    char heading_text[32];
    std::snprintf(heading_text, sizeof heading_text, "Port %u",
                  static_cast<unsigned>(facts_->port));
    heading(ctx_, heading_text);
    // The lookup's answer, read out when the port changes.
    ImGui::PushFont(ctx_.fonts->bold);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(facts_->range_sentence.c_str());
    a11y::text(a11y::Role::Status, facts_->range_sentence.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    const int port = facts_->port;
    ImGui::BeginDisabled(port == 0);
    if (ImGui::Button("Previous port")) open_port(static_cast<uint16_t>(port - 1));
    ImGui::EndDisabled();
    same_line_if_fits(button_width("Next port"));
    ImGui::BeginDisabled(port == 65535);
    if (ImGui::Button("Next port")) open_port(static_cast<uint16_t>(port + 1));
    ImGui::EndDisabled();
  }

  heading(ctx_, "The number line, 0 to 65535");
  draw_number_line(selected);
  paragraph("The scale is linear: the System Ports, 0-1023, are the thin red sliver at the left "
            "edge, 1.6% of all port numbers. The band in each system's row is its default "
            "ephemeral range; hover for details, click to open a port.",
            Tone::Muted);
  if (!facts_) return;
  heading(ctx_, "On each transport");
  draw_details(*facts_);
  draw_bind_rights(*facts_);
}

}  // namespace portlab::ui
