#include "ui/views/home_view.h"

#include <imgui.h>

#include "ui/widgets.h"

namespace portlab::ui {

namespace {

struct Topic {
  const char* number;
  const char* name;
  const char* summary;
};

// The course outline, in the order the lessons teach it.
constexpr Topic kTopics[] = {
    {"1", "What a port is",
     "A 16-bit number per transport. A conversation is named by both addresses and both ports together."},
    {"2", "Port ranges",
     "System, user and dynamic ports: what IANA registration means, and what real systems actually use."},
    {"3", "Privileged binding",
     "Why ports below 1024 were special, how Linux, macOS, FreeBSD and Windows differ today, and the errors you get."},
    {"4", "Ephemeral ports",
     "How a kernel picks your client port, why one port can talk to many servers, TIME_WAIT and exhaustion."},
    {"5", "NAT and port forwarding",
     "How a home router shares one address, why inbound traffic is blocked, and how forwarding rules open a way in."},
    {"6", "Exam practice",
     "Timed practice for CompTIA Network+ and CCNA, with explanations and spaced review."},
};

}  // namespace

void HomeView::draw() {
  title(ctx_, "Learn how TCP and UDP ports really work");
  paragraph(
      "PortLab teaches ports by letting you run them: every simulation behaves the way real operating "
      "systems and routers do, and every quiz answer is computed by those simulations.",
      Tone::Muted);

  heading(ctx_, "The course");
  const float card_height = ImGui::GetTextLineHeightWithSpacing() * 3.2f + ImGui::GetStyle().WindowPadding.y * 2;
  const float wide = ImGui::GetContentRegionAvail().x;
  // Two columns on wide screens, one on phones.
  const int columns = wide > ImGui::GetFontSize() * 40 ? 2 : 1;
  if (ImGui::BeginTable("topics", columns, ImGuiTableFlags_SizingStretchSame)) {
    for (const Topic& topic : kTopics) {
      ImGui::TableNextColumn();
      ImGui::PushID(topic.number);
      card("topic", card_height, [&] {
        ImGui::PushFont(ctx_.fonts->bold);
        ImGui::TextColored(tone(Tone::Accent), "%s", topic.number);
        ImGui::SameLine();
        ImGui::TextUnformatted(topic.name);
        ImGui::PopFont();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(tone(Tone::Muted), "%s", topic.summary);
        ImGui::PopTextWrapPos();
      });
      ImGui::PopID();
    }
    ImGui::EndTable();
  }

  heading(ctx_, "Before you start");
  paragraph(
      "Make the text larger or switch to a high-contrast theme in Settings. Everything can be reached from "
      "the keyboard: the arrow keys move between controls and Space activates the one that is highlighted.");
  if (ImGui::Button("Open settings")) ctx_.navigator->go(nav::Route{nav::Screen::Settings, {}});
}

}  // namespace portlab::ui
