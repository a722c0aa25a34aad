#include "ui/widgets/port_map.h"

#include <algorithm>
#include <cstdio>
#include <string>

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
constexpr unsigned kLight[labs::kPortStateCount] = {0xE3E7ED, 0xC6DAF7, 0xF2C4C8, 0x8C95A3,
                                                    0xBF8700, 0x8250DF, 0x1F6FEB, 0x1A7F37};
constexpr unsigned kHighContrast[labs::kPortStateCount] = {0x1A1A1A, 0x003C6E, 0x6E0000, 0x9A9A9A,
                                                           0xFFE500, 0xFF66FF, 0x00C8FF, 0x66FF66};

constexpr PortState kLegendOrder[] = {
    PortState::Listening, PortState::Connected,  PortState::Bound,     PortState::TimeWait,
    PortState::Reserved,  PortState::Privileged, PortState::Ephemeral, PortState::Free};

ImU32 packed(unsigned rgb) {
  return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 0xFF);
}

}  // namespace

ImU32 port_state_colour(PortState state, settings::Theme theme) {
  const unsigned* table = theme == settings::Theme::Light          ? kLight
                          : theme == settings::Theme::HighContrast ? kHighContrast
                                                                   : kDark;
  return packed(table[static_cast<int>(state)]);
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

  ImU32 colour[labs::kPortStateCount];
  for (int s = 0; s < labs::kPortStateCount; ++s)
    colour[s] = port_state_colour(static_cast<PortState>(s), theme);
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
      const ImU32 c = colour[static_cast<int>(map.states()[static_cast<size_t>(p)])];
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

void PortMapWidget::draw_legend(const PortMap& map) {
  const settings::Theme theme = ctx_.settings ? ctx_.settings->theme : settings::Theme::Dark;
  const float box = ImGui::GetTextLineHeight();
  bool first = true;
  for (PortState s : kLegendOrder) {
    char label[96];
    std::snprintf(label, sizeof label, "%s (%d)", labs::to_string(s), map.count(s));
    const float width = box + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
    if (!first) same_line_if_fits(width);
    first = false;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + box, at.y + box), port_state_colour(s, theme));
    dl->AddRect(at, ImVec2(at.x + box, at.y + box), ImGui::GetColorU32(ImGuiCol_Border));
    ImGui::Dummy(ImVec2(box, box));
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::TextUnformatted(label);
  }
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

  // The keyboard's way to what the pointer shows on hover.
  ImGui::SetNextItemWidth(std::min(avail, ImGui::GetFontSize() * 6));
  ImGui::InputTextWithHint("Inspect port", "0-65535", inspect_, sizeof inspect_,
                           ImGuiInputTextFlags_CharsDecimal);
  const net::Parsed<uint16_t> port = net::parse_port(inspect_);
  inspected_.reset();
  if (port.ok()) {
    inspected_ = *port.value;
    tooltip_for(map, host, *inspected_);
  } else if (inspect_[0] != '\0') {
    ImGui::TextColored(tone(Tone::Danger), "%s", port.error.c_str());
  }
  ImGui::PopID();
}

}  // namespace portlab::ui
