// The semantics recorder: what each wrapper and each kind of ImGui item tells
// assistive technology (role, name, value, states), text in tables, pending
// input from the browser, and full submission of scrolled-out items.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <cstring>
#include <string>

#include "a11y_nodes.h"
#include "ui/a11y/semantics.h"
#include "ui/widgets.h"
#include "view_harness.h"

using namespace portlab;
using ui::a11y::Node;
using ui::a11y::Role;

namespace {

// One frame of `draw` in a full-display window; returns nothing, nodes are read after.
void draw_once(test::ViewHarness& h, const std::function<void()>& draw) {
  h.frames(2, test::ViewHarness::in_window(draw));  // ImGui lays out a new window over two frames
}

const Node* by_label(test::ViewHarness& h, const std::string& label) { return h.find(label); }

bool has(const Node* n, uint32_t state) { return n && (n->states & state) != 0; }

}  // namespace

TEST_CASE("a11y: the name of a label is its visible part, else the id part after ##") {
  CHECK(ui::a11y::name_of_label("Bind") == "Bind");
  CHECK(ui::a11y::name_of_label("Bind##2") == "Bind");
  CHECK(ui::a11y::name_of_label("##Port range") == "Port range");
  CHECK(ui::a11y::name_of_label("###step 3") == "step 3");
  CHECK(ui::a11y::name_of_label("") == "");
  CHECK(ui::a11y::name_of_label(nullptr) == "");
}

TEST_CASE("a11y: ImGui's own items get roles from the hooks") {
  test::ViewHarness h;
  bool keep = true, off = false;
  char buf[32] = "hello";
  draw_once(h, [&] {
    ImGui::Checkbox("Keep bound", &keep);
    ImGui::Checkbox("Reuse address", &off);
    ImGui::Button("Try bind");
    ImGui::Button("##Close notice");
    ImGui::CollapsingHeader("Details");
    ImGui::InputText("Plain field", buf, sizeof buf);
    ImGui::BeginDisabled();
    ImGui::Button("Not now");
    ImGui::EndDisabled();
    ImGui::Text("Static text is not an item");
  });
  const Node* keep_box = by_label(h, "Keep bound");
  REQUIRE(keep_box);
  CHECK(keep_box->role == Role::Checkbox);
  CHECK(has(keep_box, ui::a11y::kChecked));
  REQUIRE(by_label(h, "Reuse address"));
  CHECK_FALSE(has(by_label(h, "Reuse address"), ui::a11y::kChecked));
  REQUIRE(by_label(h, "Try bind"));
  CHECK(by_label(h, "Try bind")->role == Role::Button);
  CHECK(by_label(h, "Try bind")->name == "Try bind");
  REQUIRE(by_label(h, "##Close notice"));
  CHECK(by_label(h, "##Close notice")->name == "Close notice");
  const Node* details = by_label(h, "Details");
  REQUIRE(details);
  CHECK(details->role == Role::Button);
  CHECK(has(details, ui::a11y::kExpandable));
  CHECK_FALSE(has(details, ui::a11y::kExpanded));
  REQUIRE(by_label(h, "Plain field"));
  CHECK(by_label(h, "Plain field")->role == Role::TextField);
  CHECK(has(by_label(h, "Not now"), ui::a11y::kDisabled));
  CHECK_FALSE(has(by_label(h, "Try bind"), ui::a11y::kDisabled));
  CHECK(test::node_with(Role::Text, "Static text") == nullptr);  // ImGui::Text says nothing
}

TEST_CASE("a11y: the wrappers say what the hooks cannot") {
  test::ViewHarness h;
  char port[16] = "8080";
  int backlog = 5;
  float loss = 0.25f;
  draw_once(h, [&] {
    ui::radio("TCP", true);
    ui::radio("UDP", false);
    ui::link("Open the full lab");
    ui::option("127.0.0.1", true);
    ui::option("0.0.0.0", false);
    if (ui::begin_combo("Protocol", "TCP")) ImGui::EndCombo();
    ui::text_field("Port", port, sizeof port);
    ui::text_field("Secret", port, sizeof port, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_ReadOnly);
    ui::slider_int("Backlog", &backlog, 0, 16);
    ui::slider_float("Loss", &loss, 0.0f, 1.0f);
    ui::progress_bar(0.5f, ImVec2(200, 0), "5 of 10", "Ports used");
  });
  REQUIRE(by_label(h, "TCP"));
  CHECK(by_label(h, "TCP")->role == Role::Radio);
  CHECK(has(by_label(h, "TCP"), ui::a11y::kChecked));
  CHECK(by_label(h, "UDP")->role == Role::Radio);
  CHECK_FALSE(has(by_label(h, "UDP"), ui::a11y::kChecked));
  CHECK(by_label(h, "Open the full lab")->role == Role::Link);
  CHECK(by_label(h, "127.0.0.1")->role == Role::Option);
  CHECK(has(by_label(h, "127.0.0.1"), ui::a11y::kSelected));
  CHECK_FALSE(has(by_label(h, "0.0.0.0"), ui::a11y::kSelected));

  const Node* combo = by_label(h, "Protocol");
  REQUIRE(combo);
  CHECK(combo->role == Role::Combo);
  CHECK(combo->value == "TCP");
  CHECK(has(combo, ui::a11y::kExpandable));
  CHECK_FALSE(has(combo, ui::a11y::kExpanded));
  CHECK(combo->max.x > combo->min.x);

  const Node* field = by_label(h, "Port");
  REQUIRE(field);
  CHECK(field->role == Role::TextField);
  CHECK(field->value == "8080");
  CHECK(has(by_label(h, "Secret"), ui::a11y::kPassword));
  CHECK(has(by_label(h, "Secret"), ui::a11y::kReadOnly));
  CHECK_FALSE(has(field, ui::a11y::kPassword));

  const Node* slider = by_label(h, "Backlog");
  REQUIRE(slider);
  CHECK(slider->role == Role::Slider);
  CHECK(slider->value == "5");
  CHECK(slider->value_min == 0);
  CHECK(slider->value_max == 16);
  CHECK(slider->value_now == 5);
  REQUIRE(by_label(h, "Loss"));
  CHECK(by_label(h, "Loss")->role == Role::Slider);
  CHECK(by_label(h, "Loss")->value == "0.25");

  const Node* progress = test::node_with(Role::Progress, "Ports used");
  REQUIRE(progress);
  CHECK(progress->value == "5 of 10");
  CHECK(progress->value_now == doctest::Approx(0.5f));
}

TEST_CASE("a11y: an open combo is expanded and its entries are options") {
  test::ViewHarness h;
  const auto draw = test::ViewHarness::in_window([&] {
    if (ui::begin_combo("Protocol", "TCP")) {
      ui::option("TCP", true);
      ui::option("UDP", false);
      ImGui::EndCombo();
    }
  });
  h.frames(2, draw);
  REQUIRE(h.click("Protocol", draw));
  const Node* combo = by_label(h, "Protocol");
  REQUIRE(combo);
  CHECK(has(combo, ui::a11y::kExpanded));
  REQUIRE(by_label(h, "UDP"));
  CHECK(by_label(h, "UDP")->role == Role::Option);
}

TEST_CASE("a11y: headings, paragraphs, results and errors are text nodes") {
  test::ViewHarness h;
  const ui::ViewContext ctx = h.context();
  draw_once(h, [&] {
    ui::title(ctx, "Ports");
    ui::heading(ctx, "What a port is");
    ui::paragraph("A port number picks one program on a host.");
    ui::mono(ctx, "ss -tln");
    ui::text("plain");
    ui::textf("%d sockets", 3);
    ui::text_colored(ImVec4(1, 0, 0, 1), "%s", "coloured");
    ui::status("bind() succeeded");
    ui::alert("bind() failed: EADDRINUSE");
  });
  const Node* title = test::node_with(Role::Heading, "Ports");
  REQUIRE(title);
  CHECK(title->level == 1);
  CHECK(title->max.y > title->min.y);
  CHECK(title->font_size > 0);
  const Node* heading = test::node_with(Role::Heading, "What a port is");
  REQUIRE(heading);
  CHECK(heading->level == 2);
  CHECK(heading->min.y >= title->max.y);
  CHECK(test::node_with(Role::Text, "A port number picks") != nullptr);
  CHECK(test::node_with(Role::Text, "ss -tln") != nullptr);
  CHECK(test::node_with(Role::Text, "plain") != nullptr);
  CHECK(test::node_with(Role::Text, "3 sockets") != nullptr);
  CHECK(test::node_with(Role::Text, "coloured") != nullptr);
  CHECK(test::node_with(Role::Status, "bind() succeeded") != nullptr);
  CHECK(test::node_with(Role::Alert, "EADDRINUSE") != nullptr);
}

TEST_CASE("a11y: the same text twice gets two ids, stable from frame to frame") {
  test::ViewHarness h;
  const auto draw = [&] {
    ui::text("again");
    ui::text("again");
  };
  draw_once(h, draw);
  std::vector<ImGuiID> first;
  for (const Node& n : h.recorder().nodes())
    if (n.name == "again") first.push_back(n.id);
  REQUIRE(first.size() == 2);
  CHECK(first[0] != first[1]);
  draw_once(h, draw);
  std::vector<ImGuiID> second;
  for (const Node& n : h.recorder().nodes())
    if (n.name == "again") second.push_back(n.id);
  CHECK(second == first);
}

TEST_CASE("a11y: text and widgets in an ImGui table become cells of rows of a table") {
  test::ViewHarness h;
  draw_once(h, [&] {
    if (ImGui::BeginTable("sockets", 3)) {
      ImGui::TableSetupColumn("Port");
      ImGui::TableSetupColumn("State");
      ImGui::TableSetupColumn("Action");
      ui::table_headers_row();
      for (int row = 0; row < 2; ++row) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::text(row == 0 ? "80" : "443");
        ImGui::TableNextColumn();
        ui::text("LISTEN");
        ImGui::TableNextColumn();
        ImGui::PushID(row);
        ImGui::Button("Close");
        ImGui::PopID();
      }
      ImGui::EndTable();
    }
  });
  const Node* header = test::node_with(Role::ColumnHeader, "State");
  REQUIRE(header);
  CHECK(header->column == 1);
  const Node* cell = test::node_with(Role::Cell, "443");
  REQUIRE(cell);
  CHECK(cell->column == 0);
  const Node* row = test::parent_of(*cell);
  REQUIRE(row);
  CHECK(row->role == Role::Row);
  CHECK(row->row == cell->row);
  CHECK(row->row > header->row);
  const Node* table = test::parent_of(*row);
  REQUIRE(table);
  CHECK(table->role == Role::Table);
  CHECK(table->parent == 0);
  CHECK(test::parent_of(*test::parent_of(*header)) == table);  // one table node
  // Both rows' state cells, in order, under their own rows.
  std::vector<const Node*> states;
  for (const Node& n : h.recorder().nodes())
    if (n.role == Role::Cell && n.name == "LISTEN") states.push_back(&n);
  REQUIRE(states.size() == 2);
  CHECK(states[0]->parent != states[1]->parent);
  CHECK(states[0]->row < states[1]->row);
  // A button in a cell is the cell's child.
  int tables = 0, rows = 0;
  for (const Node& n : h.recorder().nodes()) {
    tables += n.role == Role::Table;
    rows += n.role == Role::Row;
    if (n.role == Role::Button && n.name == "Close") {
      const Node* holder = test::parent_of(n);
      REQUIRE(holder);
      CHECK(holder->role == Role::Cell);
      CHECK(holder->column == 2);
    }
  }
  CHECK(tables == 1);
  CHECK(rows == 3);  // the header row and two rows
}

TEST_CASE("a11y: containers hold what is recorded until their end") {
  test::ViewHarness h;
  draw_once(h, [&] {
    ui::a11y::begin(Role::List, "Lessons");
    ImGui::Button("Lesson 1");
    ui::text("done");
    ui::a11y::end();
    ImGui::Button("Outside");
  });
  const Node* list = test::node_with(Role::List, "Lessons");
  REQUIRE(list);
  REQUIRE(by_label(h, "Lesson 1"));
  CHECK(by_label(h, "Lesson 1")->parent == list->id);
  CHECK(test::node_with(Role::Text, "done")->parent == list->id);
  CHECK(by_label(h, "Outside")->parent == 0);
  CHECK(list->min.y <= by_label(h, "Lesson 1")->min.y);  // it spans its children
}

TEST_CASE("a11y: a hint names the next item only, and not one after a clipped item") {
  test::ViewHarness h;
  draw_once(h, [&] {
    ui::a11y::next_item(Role::Tab, ui::a11y::kSelected);
    ImGui::Button("Overview");
    ImGui::Button("Details");
    ImGui::Dummy(ImVec2(10, 2000));  // what follows is scrolled out of the window
    ui::a11y::next_item(Role::Tab);
    ImGui::Button("Far below");  // clipped: ItemAdd, no ItemInfo
    ImGui::SetCursorScreenPos(ImVec2(20, 20));
    ImGui::Button("Back in sight");
  });
  REQUIRE(by_label(h, "Overview"));
  CHECK(by_label(h, "Overview")->role == Role::Tab);
  CHECK(has(by_label(h, "Overview"), ui::a11y::kSelected));
  CHECK(by_label(h, "Details")->role == Role::Button);
  CHECK(by_label(h, "Far below") == nullptr);  // no label, no node
  REQUIRE(by_label(h, "Back in sight"));
  CHECK(by_label(h, "Back in sight")->role == Role::Button);
}

TEST_CASE("a11y: a wrapper's item scrolled out of sight keeps its name and is offscreen") {
  test::ViewHarness h;
  draw_once(h, [&] {
    ImGui::Dummy(ImVec2(10, 2000));
    ui::radio("Far radio", false);
  });
  const Node* radio = by_label(h, "Far radio");
  REQUIRE(radio);
  CHECK(radio->role == Role::Radio);
  CHECK_FALSE(radio->visible());
}

TEST_CASE("a11y: text set by assistive technology is applied by text_field on the next frame") {
  test::ViewHarness h;
  char port[8] = "80";
  char command[16] = "";
  bool port_edited = false, command_entered = false;
  const auto draw = test::ViewHarness::in_window([&] {
    port_edited = ui::text_field("Port", port, sizeof port);
    command_entered = ui::text_field("Command", command, sizeof command, ImGuiInputTextFlags_EnterReturnsTrue);
  });
  h.frames(2, draw);
  REQUIRE(h.find("Port"));
  const ImGuiID port_id = h.find("Port")->id;
  const ImGuiID command_id = h.find("Command")->id;

  h.recorder().set_pending_text(port_id, "8080123456", false);  // longer than the buffer
  h.frame(draw);
  CHECK(port_edited);
  CHECK(std::string(port) == "8080123");  // truncated to the buffer
  CHECK(h.find("Port")->value == "8080123");
  h.frame(draw);
  CHECK_FALSE(port_edited);  // taken once

  h.recorder().set_pending_text(command_id, "ss -tln", false);
  h.frame(draw);
  CHECK(std::string(command) == "ss -tln");
  CHECK_FALSE(command_entered);  // Enter not pressed
  h.recorder().set_pending_text(command_id, "ss -tan", true);
  h.frame(draw);
  CHECK(std::string(command) == "ss -tan");
  CHECK(command_entered);
}

TEST_CASE("a11y: text set while ImGui edits the field replaces ImGui's own text") {
  test::ViewHarness h;
  char port[8] = "80";
  const auto draw = test::ViewHarness::in_window([&] { ui::text_field("Port", port, sizeof port); });
  h.frames(2, draw);
  REQUIRE(h.click("Port", draw));
  REQUIRE(ImGui::GetActiveID() == h.find("Port")->id);  // ImGui is editing it
  h.recorder().set_pending_text(h.find("Port")->id, "443", false);
  h.frames(2, draw);
  CHECK(std::string(port) == "443");
}

TEST_CASE("a11y: a value set by assistive technology moves a slider; a step field takes text") {
  test::ViewHarness h;
  int backlog = 5;
  int port = 80;
  bool moved = false, typed = false;
  const auto draw = test::ViewHarness::in_window([&] {
    moved = ui::slider_int("Backlog", &backlog, 0, 16);
    typed = ui::input_int_with_steps("Port number", &port, 1, 100);
  });
  h.frames(2, draw);
  const Node* field = h.find("Port number");
  REQUIRE(field);
  CHECK(field->role == Role::TextField);
  CHECK(field->value == "80");
  h.recorder().set_pending_value(h.find("Backlog")->id, 40.0f);  // clamped to the range
  h.recorder().set_pending_text(field->id, "8080", true);
  h.frame(draw);
  CHECK(moved);
  CHECK(backlog == 16);
  CHECK(typed);
  CHECK(port == 8080);
}

TEST_CASE("a11y: full submission gives labels to buttons scrolled out of a pane") {
  for (bool full : {false, true}) {
    CAPTURE(full);
    test::ViewHarness h;
    bool pressed = false;
    const auto pane = [&] {
      ImGui::BeginChild("lesson text", ImVec2(300, 200), true);
      for (int i = 0; i < 40; ++i) ImGui::Button(("Step " + std::to_string(i)).c_str());
      pressed = ImGui::Button("Next: Moving the line >");
      if (ImGui::TreeNode("Notes")) ImGui::TreePop();
      ImGui::EndChild();
    };
    const auto draw = test::ViewHarness::in_window([&] {
      if (full) {
        ui::a11y::ScopedFullSubmission everything;
        pane();
      } else {
        pane();
      }
      ui::text("after the pane");
    });
    h.frames(2, draw);
    const Node* next = h.find("Next: Moving the line >");
    if (!full) {
      CHECK(next == nullptr);
      continue;
    }
    REQUIRE(next);
    CHECK(next->role == Role::Button);
    CHECK_FALSE(next->visible());
    CHECK(h.find("Step 39") != nullptr);
    CHECK(h.find("Step 0")->visible());
    REQUIRE(h.find("Notes"));
    CHECK_FALSE(has(h.find("Notes"), ui::a11y::kExpanded));  // logging did not open the tree node
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    CHECK_FALSE(g.LogEnabled);  // restored
    CHECK(g.LogBuffer.size() == 0);
    CHECK_FALSE(pressed);
  }
}

TEST_CASE("a11y: full submission does nothing without a recorder") {
  test::ViewHarness h;
  h.set_recording(false);
  bool logging = true;
  h.frame(test::ViewHarness::in_window([&] {
    ui::a11y::ScopedFullSubmission everything;
    logging = ImGui::GetCurrentContext()->LogEnabled;
  }));
  CHECK_FALSE(logging);
  CHECK(ui::a11y::current() == nullptr);
}

TEST_CASE("a11y: announcements are kept for one frame") {
  test::ViewHarness h;
  bool say = true;
  const auto draw = test::ViewHarness::in_window([&] {
    if (say) ui::a11y::announce("Lesson 2, step 1", false);
  });
  h.frame(draw);
  REQUIRE(h.recorder().announcements().size() == 1);
  CHECK(h.recorder().announcements()[0].text == "Lesson 2, step 1");
  say = false;
  h.frame(draw);
  CHECK(h.recorder().announcements().empty());
}

TEST_CASE("a11y: a Table container opened before an ImGui table names it") {
  test::ViewHarness h;
  draw_once(h, [&] {
    ui::a11y::begin(Role::Table, "Open sockets");
    if (ImGui::BeginTable("##sockets", 1)) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ui::text("8080");
      ImGui::EndTable();
    }
    ui::a11y::end();
  });
  int tables = 0;
  for (const Node& n : h.recorder().nodes()) tables += n.role == Role::Table;
  CHECK(tables == 1);
  const Node* cell = test::node_with(Role::Cell, "8080");
  REQUIRE(cell);
  const Node* table = test::parent_of(*test::parent_of(*cell));
  REQUIRE(table);
  CHECK(table->role == Role::Table);
  CHECK(table->name == "Open sockets");
}
