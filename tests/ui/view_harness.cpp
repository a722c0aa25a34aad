#include "view_harness.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <stdexcept>

#include "app/content.h"
#include "ui/keys.h"
#include "ui/theme.h"

namespace portlab::test {

ViewHarness::ViewHarness(float width, float height) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  // Key indices are USB HID ids, as the SDL backend reports them.
  io.KeyMap[ImGuiKey_Tab] = ui::keys::kTab;
  io.KeyMap[ImGuiKey_LeftArrow] = ui::keys::kLeft;
  io.KeyMap[ImGuiKey_RightArrow] = ui::keys::kRight;
  io.KeyMap[ImGuiKey_UpArrow] = ui::keys::kUp;
  io.KeyMap[ImGuiKey_DownArrow] = ui::keys::kDown;
  io.KeyMap[ImGuiKey_Space] = ui::keys::kSpace;
  io.KeyMap[ImGuiKey_Enter] = ui::keys::kEnter;
  io.KeyMap[ImGuiKey_Escape] = ui::keys::kEscape;
  set_display_size(width, height);
  build_atlas();
  ui::apply_theme(settings.theme, settings.ui_scale);
  probe_.attach();
}

ViewHarness::~ViewHarness() {
  probe_.detach();
  ImGui::DestroyContext();
}

void ViewHarness::load_shipped_content() {
  const std::string notice = app::load_content(model, PORTLAB_ASSET_DIR, false, fonts.glyphs);
  if (!notice.empty()) throw std::runtime_error(notice);
  // As the app does: the atlas gets the characters the content uses.
  build_atlas();
}

void ViewHarness::build_atlas() {
  ui::build_fonts(fonts, PORTLAB_ASSET_DIR, settings.ui_scale, 1.0f);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas
}

void ViewHarness::set_display_size(float width, float height) {
  ImGui::GetIO().DisplaySize = ImVec2(width, height);
}

void ViewHarness::frame(const DrawFn& draw) {
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = 1.0f / 60.0f;
  probe_.clear();
  ImGui::NewFrame();
  draw();
  ImGui::Render();
}

void ViewHarness::frames(int count, const DrawFn& draw) {
  for (int i = 0; i < count; ++i) frame(draw);
}

ViewHarness::DrawFn ViewHarness::in_window(const DrawFn& draw) {
  return [draw] {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("view under test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    draw();
    ImGui::End();
  };
}

void ViewHarness::set_recording(bool on) {
  if (on && !probe_.attached()) probe_.attach();
  if (!on && probe_.attached()) probe_.detach();
  probe_.clear();
}

const ui::ProbedItem* ViewHarness::find(const std::string& label) const {
  for (const ui::ProbedItem& item : probe_.items()) {
    if (item.label == label) return &item;
    const size_t hashes = item.label.find("##");
    if (hashes != std::string::npos && item.label.compare(0, hashes, label) == 0 && hashes == label.size())
      return &item;
  }
  return nullptr;
}

bool ViewHarness::has_keyboard_focus(const ui::ProbedItem& item) const {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  return g.NavId == item.id && !g.NavDisableHighlight;
}

std::vector<std::string> ViewHarness::labels() const {
  std::vector<std::string> out;
  for (const ui::ProbedItem& item : probe_.items())
    if (!item.label.empty()) out.push_back(item.label);
  return out;
}

bool ViewHarness::click(const std::string& label, const DrawFn& draw) {
  const ui::ProbedItem* item = find(label);
  if (!item) return false;
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 centre((item->min.x + item->max.x) * 0.5f, (item->min.y + item->max.y) * 0.5f);
  // ImGui reports clipped widgets too; a person could not click those.
  if (centre.x < 0 || centre.y < 0 || centre.x >= io.DisplaySize.x || centre.y >= io.DisplaySize.y) return false;
  io.MousePos = centre;
  frame(draw);  // hover
  io.MouseDown[0] = true;
  frame(draw);  // press
  io.MouseDown[0] = false;
  frame(draw);  // release: the click happens here
  frame(draw);  // let the result show
  return true;
}

void ViewHarness::press_key(int key, const DrawFn& draw, bool ctrl, bool alt) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = ctrl;
  io.KeyAlt = alt;
  io.KeysDown[key] = true;
  frame(draw);
  io.KeysDown[key] = false;
  io.KeyCtrl = io.KeyAlt = false;
  frame(draw);
}

}  // namespace portlab::test
