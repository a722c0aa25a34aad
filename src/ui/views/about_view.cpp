#include "ui/views/about_view.h"

#include <imgui.h>

#include "core/version.h"
#include "ui/widgets.h"

namespace portlab::ui {

void AboutView::draw() {
  title(ctx_, "About PortLab");
  textf(Tone::Muted, "Version %s", portlab::version());
  paragraph(
      "PortLab is a teaching app about TCP and UDP ports. It runs in any modern browser and as a desktop "
      "program, from one C++ code base.");

  heading(ctx_, "Where the facts come from");
  paragraph(
      "Port ranges follow RFC 6335 and the IANA service-name and port-number registry. Operating-system "
      "behaviour follows the kernels' source code and experiments on a real Linux kernel; anything not "
      "verified is marked as approximate and never graded.");

  heading(ctx_, "Built with");
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ImGui::GetFontSize() * 0.75f, 3.0f));
  if (ImGui::BeginTable("credits", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    const char* rows[][2] = {
        {"Dear ImGui 1.86", "user interface (MIT licence)"},
        {"SDL 2", "window, input and browser events (zlib licence)"},
        {"Inter", "text font by Rasmus Andersson (SIL Open Font Licence)"},
        {"JetBrains Mono", "monospace font (SIL Open Font Licence)"},
        {"Emscripten", "the WebAssembly build"},
    };
    for (const auto& row : rows) {
      ImGui::TableNextColumn();
      text(row[0]);
      ImGui::TableNextColumn();
      text(Tone::Muted, row[1]);
    }
    ImGui::EndTable();
  }
  ImGui::PopStyleVar();
}

}  // namespace portlab::ui
