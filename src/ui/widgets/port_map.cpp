#include "ui/widgets/port_map.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/a11y/semantics.h"
#include "ui/widgets.h"

namespace portlab::ui {

using labs::PortMap;
using labs::PortState;

namespace {

// Each theme's colours, by state (in PortState order). Free ports stay close
// to the background; states people watch for (listening, connected,
// TIME_WAIT) are bright and differ in hue and lightness, so they stay apart
// for colour-blind readers too; high contrast uses saturated primaries.
constexpr unsigned kDark[labs::kPortStateCount] = {0x2A303A, 0x24405F, 0x5A2E35, 0x767B86,
                                                   0xE3B341, 0xB083F0, 0x4C9AFF, 0x4AC26B};
constexpr unsigned kLight[labs::kPortStateCount] = {0xE3E7ED, 0xC6DAF7, 0xF2C4C8, 0x6E7786,
                                                    0x9A6700, 0x8250DF, 0x1F6FEB, 0x1A7F37};
constexpr unsigned kHighContrast[labs::kPortStateCount] = {0x1A1A1A, 0x003C6E, 0x6E0000, 0x9A9A9A,
                                                           0xFFE500, 0xFF66FF, 0x00C8FF, 0x66FF66};

constexpr PortState kLegendOrder[] = {
    PortState::Listening, PortState::Connected,  PortState::Bound,     PortState::TimeWait,
    PortState::Reserved,  PortState::Privileged, PortState::Ephemeral, PortState::Free};

ImU32 packed(unsigned rgb) {
  return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 0xFF);
}

// A pattern's shade: the colour moved towards white (towards black in the
// light theme), enough to see the stripes in every theme.
ImU32 shade(ImU32 c, settings::Theme theme) {
  const int to = theme == settings::Theme::Light ? 0 : 255;
  auto mix = [&](int shift) {
    const int v = static_cast<int>((c >> shift) & 0xFF);
    return static_cast<ImU32>(v + (to - v) * 2 / 5) << shift;
  };
  return mix(IM_COL32_R_SHIFT) | mix(IM_COL32_G_SHIFT) | mix(IM_COL32_B_SHIFT) | (c & IM_COL32_A_MASK);
}

// Each state's runs of consecutive ports, in words ("0-1023, 8080"): at
// most a few, then how many more. One pass over the map.
void describe_ranges(const PortMap& map, std::string (&out)[labs::kPortStateCount]) {
  constexpr int kNamed = 6;
  int runs[labs::kPortStateCount] = {};
  for (std::string& s : out) s.clear();
  const auto& states = map.states();
  for (int p = 0; p < PortMap::kPorts;) {
    const PortState state = states[static_cast<size_t>(p)];
    const int first = p;
    while (p < PortMap::kPorts && states[static_cast<size_t>(p)] == state) ++p;
    const int s = static_cast<int>(state);
    if (runs[s]++ >= kNamed) continue;
    if (!out[s].empty()) out[s] += ", ";
    out[s] += std::to_string(first);
    if (p - 1 > first) out[s] += "-" + std::to_string(p - 1);
  }
  for (int s = 0; s < labs::kPortStateCount; ++s) {
    if (runs[s] > kNamed) out[s] += " and " + std::to_string(runs[s] - kNamed) + " more ranges";
    if (out[s].empty()) out[s] = "none";
  }
}

}  // namespace

ImU32 port_state_colour(PortState state, settings::Theme theme) {
  const unsigned* table = theme == settings::Theme::Light          ? kLight
                          : theme == settings::Theme::HighContrast ? kHighContrast
                                                                   : kDark;
  return packed(table[static_cast<int>(state)]);
}

bool port_pattern(PortState state, int col, int row) {
  switch (state) {
    case PortState::Ephemeral: return (col + row) % 4 == 0;         // diagonal stripes
    case PortState::Privileged: return col % 4 == 0;                // vertical stripes
    case PortState::Reserved: return col % 3 == 0 && row % 3 == 0;  // dots
    default: return false;  // ports in use are single pixels: solid
  }
}

ImU32 port_pixel(PortState state, uint16_t port, settings::Theme theme) {
  const ImU32 c = port_state_colour(state, theme);
  return port_pattern(state, port % PortMap::kSide, port / PortMap::kSide) ? shade(c, theme) : c;
}

void PortMapWidget::discard() {
  if (texture_ && ctx_.textures) ctx_.textures->destroy(texture_);
  texture_ = nullptr;
  uploaded_theme_ = -1;
}

void PortMapWidget::upload(const PortMap& map) {
  rows_uploaded_ = 0;
  if (!ctx_.textures) return;
  if (!texture_) {
    texture_ = ctx_.textures->create(PortMap::kSide, PortMap::kSide);
    uploaded_theme_ = -1;
    if (!texture_) return;
  }
  const settings::Theme theme = ctx_.settings ? ctx_.settings->theme : settings::Theme::Dark;
  const bool everything = uploaded_theme_ != static_cast<int>(theme);
  if (!everything && map.version() == uploaded_version_) return;

  ImU32 colour[labs::kPortStateCount], stripe[labs::kPortStateCount];
  for (int s = 0; s < labs::kPortStateCount; ++s) {
    colour[s] = port_state_colour(static_cast<PortState>(s), theme);
    stripe[s] = shade(colour[s], theme);
  }
  rgba_.resize(static_cast<size_t>(PortMap::kPorts) * 4);
  // Runs of consecutive changed rows go up in one call each.
  int row = 0;
  while (row < PortMap::kSide) {
    auto dirty = [&](int r) { return everything || map.row_version(r) > uploaded_version_; };
    if (!dirty(row)) {
      ++row;
      continue;
    }
    const int first = row;
    while (row < PortMap::kSide && dirty(row)) ++row;
    uint8_t* out = rgba_.data();
    for (int p = first * PortMap::kSide; p < row * PortMap::kSide; ++p, out += 4) {
      const PortState s = map.states()[static_cast<size_t>(p)];
      const ImU32 c = port_pattern(s, p % PortMap::kSide, p / PortMap::kSide)
                          ? stripe[static_cast<int>(s)]
                          : colour[static_cast<int>(s)];
      out[0] = static_cast<uint8_t>(c >> IM_COL32_R_SHIFT);
      out[1] = static_cast<uint8_t>(c >> IM_COL32_G_SHIFT);
      out[2] = static_cast<uint8_t>(c >> IM_COL32_B_SHIFT);
      out[3] = static_cast<uint8_t>(c >> IM_COL32_A_SHIFT);
    }
    ctx_.textures->update_rows(texture_, first, row - first, rgba_.data());
    rows_uploaded_ += row - first;
  }
  uploaded_version_ = map.version();
  uploaded_theme_ = static_cast<int>(theme);
}

void PortMapWidget::describe(const PortMap& map) {
  const int port = inspected_ ? *inspected_ : -1;
  if (described_version_ == map.version() && described_port_ == port) return;
  if (described_version_ != map.version())
    describe_ranges(map, where_);
  described_version_ = map.version();
  described_port_ = port;
  summary_ = "All 65536 ports, 256 per row, port 0 at the top left.";
  for (PortState s : kLegendOrder)
    if (map.count(s) > 0 && s != PortState::Free)
      summary_ += std::string(" ") + labs::to_string(s) + ": " + std::to_string(map.count(s)) + " (" +
                  where_[static_cast<int>(s)] + ").";
  summary_ += " Free: " + std::to_string(map.count(PortState::Free)) + ".";
  if (inspected_) summary_ += " Inspected: " + labs::port_map_caption(map, *inspected_) + ".";
}

void PortMapWidget::draw_legend(const PortMap& map) {
  const settings::Theme theme = ctx_.settings ? ctx_.settings->theme : settings::Theme::Dark;
  const float box = ImGui::GetTextLineHeight();
  // The legend is also the picture's table for assistive technology: a row
  // per state with its count and where its ports are.
  a11y::begin(a11y::Role::Table, "Ports by state");
  if (a11y::current()) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 end(at.x + box, at.y + box);
    a11y::begin(a11y::Role::Row, "");
    for (const char* h : {"State", "Ports", "Where"}) a11y::text_at(a11y::Role::ColumnHeader, h, at, end);
    a11y::end();
  }
  bool first = true;
  for (PortState s : kLegendOrder) {
    char label[96];
    std::snprintf(label, sizeof label, "%s (%d)", labs::to_string(s), map.count(s));
    const float width = box + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
    if (!first) same_line_if_fits(width);
    first = false;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 fill = port_state_colour(s, theme);
    dl->AddRectFilled(at, ImVec2(at.x + box, at.y + box), fill);
    // The swatch carries the map's pattern, in cells an eighth of its side.
    const float cell = box / 8;
    for (int row = 0; row < 8; ++row)
      for (int col = 0; col < 8; ++col)
        if (port_pattern(s, col, row))
          dl->AddRectFilled(ImVec2(at.x + cell * static_cast<float>(col), at.y + cell * static_cast<float>(row)),
                            ImVec2(at.x + cell * static_cast<float>(col + 1), at.y + cell * static_cast<float>(row + 1)),
                            shade(fill, theme));
    dl->AddRect(at, ImVec2(at.x + box, at.y + box), ImGui::GetColorU32(ImGuiCol_Border));
    ImGui::Dummy(ImVec2(box, box));
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::TextUnformatted(label);
    if (a11y::current()) {
      const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
      a11y::begin(a11y::Role::Row, labs::to_string(s));
      a11y::text_at(a11y::Role::Cell, labs::to_string(s), min, max);
      a11y::text_at(a11y::Role::Cell, std::to_string(map.count(s)).c_str(), min, max);
      a11y::text_at(a11y::Role::Cell, where_[static_cast<int>(s)].c_str(), min, max);
      a11y::end();
    }
  }
  a11y::end();
}

void PortMapWidget::tooltip_for(const PortMap& map, const host::Host& host, uint16_t port) {
  ImGui::TextUnformatted(labs::port_map_caption(map, port).c_str());
  const labs::PortHolders holders = labs::port_holders(host, port, map.transport());
  for (const std::string& s : holders.sockets) ImGui::BulletText("%s", s.c_str());
  const int more = holders.total - static_cast<int>(holders.sockets.size());
  if (more > 0) ImGui::TextDisabled("and %d more", more);
}

void PortMapWidget::draw(const PortMap& map, const host::Host& host, float max_side) {
  upload(map);
  ImGui::PushID(this);
  if (a11y::current()) describe(map);
  a11y::begin(a11y::Role::Figure, "Port Map", summary_.c_str());
  const float avail = ImGui::GetContentRegionAvail().x;
  const float wanted = max_side > 0 ? max_side : ImGui::GetFontSize() * 30.0f;
  const float side = std::max(64.0f, std::min(avail, wanted));
  if (texture_) {
    ImGui::Image(texture_, ImVec2(side, side));
  } else {
    ImGui::Dummy(ImVec2(side, side));
  }
  if (ImGui::IsItemHovered()) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const int col = std::clamp(static_cast<int>((mouse.x - min.x) / side * PortMap::kSide), 0,
                               PortMap::kSide - 1);
    const int row = std::clamp(static_cast<int>((mouse.y - min.y) / side * PortMap::kSide), 0,
                               PortMap::kSide - 1);
    ImGui::BeginTooltip();
    tooltip_for(map, host, static_cast<uint16_t>(row * PortMap::kSide + col));
    ImGui::EndTooltip();
  }
  paragraph("Each pixel is one port: port 0 at the top left, 256 ports per row, 65535 at the "
            "bottom right.",
            Tone::Muted);
  draw_legend(map);
  a11y::end();

  // The keyboard's way to what the pointer shows on hover.
  ImGui::SetNextItemWidth(std::min(avail, ImGui::GetFontSize() * 6));
  text_field("Inspect port", inspect_, sizeof inspect_, ImGuiInputTextFlags_CharsDecimal, "0-65535");
  const net::Parsed<uint16_t> port = net::parse_port(inspect_);
  inspected_.reset();
  if (port.ok()) {
    inspected_ = *port.value;
    // What the hover shows, as text that is read out when it changes.
    status(labs::port_map_caption(map, *inspected_).c_str());
    const labs::PortHolders holders = labs::port_holders(host, *inspected_, map.transport());
    for (const std::string& s : holders.sockets) {
      ImGui::Bullet();
      ImGui::SameLine();
      ui::text(s.c_str());
    }
    const int more = holders.total - static_cast<int>(holders.sockets.size());
    if (more > 0) textf(Tone::Muted, "and %d more", more);
  } else if (inspect_[0] != '\0') {
    alert(port.error.c_str());
  }
  ImGui::PopID();
}

}  // namespace portlab::ui
