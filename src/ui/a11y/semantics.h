// What assistive technology needs to know about each frame: the semantics
// tree. One layer knows roles and names; the widgets feed it.
//
// ImGui reports every widget it submits to the test-engine hooks (id,
// rectangle, label, a few status flags) - the same hooks the widget probe
// used. What the hooks cannot tell (that a button is a radio button or a
// link, static text, a table cell, a text field's value) is said by the small
// wrappers in ui/widgets.h and ui/a11y/describe.h, which call the functions
// below. With no recorder attached (natively, outside tests) every call is
// one untaken branch.
//
// The browser turns the nodes into a hidden, positioned DOM over the canvas
// (web/a11y.js), diffed per frame by ui/a11y/mirror_patch.h, in the spirit of
// Flutter's web semantics tree and PhET's parallel DOM.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <imgui.h>

#include "ui/a11y/full_submission.h"  // a11y::ScopedFullSubmission, for views that scroll
#include "ui/a11y/item_hooks.h"

namespace portlab::ui::a11y {

enum class Role : uint8_t {
  None,  // not exposed (a decoration, a splitter drawn as a picture)
  Button,
  Link,
  Checkbox,
  Radio,
  Combo,   // a drop-down; its open list's entries are Options
  Option,
  Slider,
  TextField,
  Tab,
  Heading,
  Text,    // a paragraph or a line of static text
  Status,  // a result that appears after an action: announced politely
  Alert,   // an error or refusal: announced at once
  List,
  ListItem,
  Table,
  Row,
  Cell,
  ColumnHeader,
  Figure,  // a picture (Port Map, NAT drawing, chart): name + description, children walk its data
  Group,   // a named region (a card, a pane)
  Progress,
};

// The ARIA role the browser mirror gives each Role ("button", "checkbox"...).
const char* aria_role(Role role);
bool is_interactive(Role role);

enum State : uint32_t {
  kChecked = 1u << 0,
  kSelected = 1u << 1,
  kExpandable = 1u << 2,  // has an expanded/collapsed state...
  kExpanded = 1u << 3,    // ...and it is open
  kDisabled = 1u << 4,
  kCurrent = 1u << 5,     // the current step, screen or tab
  kMultiline = 1u << 6,
  kReadOnly = 1u << 7,
  kOffscreen = 1u << 8,   // its centre is outside what its pane shows (scrolled away)
  kPassword = 1u << 9,
};

struct Node {
  ImGuiID id = 0;         // ImGui's item id; for text, a hash stable from frame to frame
  ImGuiID parent = 0;     // a Table, Row, List, Figure or Group node; 0 at the top
  ImGuiID window = 0;     // the ImGui window it is drawn in (to focus and scroll to it)
  Role role = Role::None;
  std::string label;      // as submitted to ImGui, "##suffix" included (tests find widgets by it)
  std::string name;       // the accessible name: the label's visible part, or the text
  std::string value;      // a text field's text, a slider's number, a combo's choice
  std::string description;
  ImVec2 min, max;        // logical pixels (CSS pixels in the browser)
  uint32_t states = 0;
  int level = 0;          // a heading's level, 1-6
  float font_size = 0;    // text: the size ImGui drew it at, so the mirror's text lines up
  float value_min = 0, value_max = 0, value_now = 0;  // sliders and progress bars
  int status_flags = 0;   // ImGui's ImGuiItemStatusFlags, as the hooks gave them
  int row = -1, column = -1;  // a Row's, Cell's or ColumnHeader's place in its ImGui table
  bool visible() const { return (states & kOffscreen) == 0; }
};

// Something to say after an action, in the live regions.
struct Announcement {
  std::string text;
  bool assertive = false;
};

// Collects one frame's nodes. Attach it to the ImGui context (it becomes
// the context's test engine); clear it before each frame.
class Recorder : public ItemHooks {
 public:
  Recorder() = default;
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;
  ~Recorder();
  void attach();
  void detach();
  bool attached() const { return attached_; }
  // Forgets the previous frame's nodes and announcements (pending input stays).
  void begin_frame();
  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<Announcement>& announcements() const { return announcements_; }

  // Input from assistive technology, applied by the widget wrappers on the
  // next frame that draws the widget: a text field's new text (and whether
  // Enter was pressed), a slider's new value.
  void set_pending_text(ImGuiID id, std::string text, bool submit);
  bool take_pending_text(ImGuiID id, std::string& text, bool& submit);
  void set_pending_value(ImGuiID id, float value);
  bool take_pending_value(ImGuiID id, float& value);

  // Internal: the ImGui hooks and the free functions below.
  void on_item_add(ImGuiID id, const ImVec2& min, const ImVec2& max) override;
  void on_item_info(ImGuiID id, const char* label, int flags) override;
  // A hint for the next item (next_item). With `label` and `id` (the
  // wrappers in ui/widgets.h) the node is made when ImGui adds the item with
  // that id, so an item ImGui clips (no ItemInfo, so no label) still has its name.
  void hint(Role role, uint32_t states, const std::string& value, const char* label = nullptr, ImGuiID id = 0);
  // This frame's node of an item, or null; valid until the next node is made.
  Node* find(ImGuiID id);
  // Static text, a container's start and end, an announcement.
  void add_text(Role role, const char* text, const ImVec2& min, const ImVec2& max, int level);
  // A node that is neither an item nor text: a progress bar, a column header.
  Node* add_node(ImGuiID id, Role role, const char* name, const ImVec2& min, const ImVec2& max);
  void begin_container(Role role, const char* name, const char* description);
  void end_container();
  void add_announcement(const std::string& text, bool assertive) { announcements_.push_back({text, assertive}); }
  // A column header of the current ImGui table's current row.
  void column_header(int column, const char* name, const ImVec2& min, const ImVec2& max);

 private:
  // An item ImGui added this frame, kept until its ItemInfo.
  struct Added {
    ImGuiID id;
    ImVec2 min, max;
    int in_flags;  // ImGuiItemFlags when it was added (Inputable, Disabled)
    int node;      // its node, once made; -1 before
  };
  struct Hint {
    Role role = Role::None;
    uint32_t states = 0;
    std::string value, label;
    ImGuiID id = 0;     // the item it is for (0: the next one ImGui adds)
    ImGuiID bound = 0;  // the item ImGui added after it
    bool labelled = false;
    bool active = false;
  };
  // An open container (begin) and the table cell it was opened in, so items
  // inside it are its children and not the cell's.
  struct Open {
    int node;
    ImGuiID table;
    int row, column;
    bool adopted;  // a Table container that became an ImGui table's node
  };

  int make_node(ImGuiID id, Role role, int parent);
  int parent_for_new();
  int container(ImGuiID id, Role role, int parent, int row, int column);
  int table_cell(Role role, int column);
  void place(int index, const ImVec2& min, const ImVec2& max);
  void grow(int parent, const ImVec2& min, const ImVec2& max);
  int node_for_added(Added& added, Role role, uint32_t states, const char* label, int flags);

  bool attached_ = false;
  std::vector<Node> nodes_;
  std::vector<int> parent_index_;  // nodes_[i]'s parent's index, -1 at the top
  std::vector<Announcement> announcements_;
  std::vector<Added> added_;
  Hint hint_;
  std::vector<Open> open_;
  std::unordered_map<ImGuiID, int> containers_;  // a table's, row's or cell's node
  std::unordered_map<ImGuiID, int> text_seen_;   // texts hashed so far (occurrences)
  std::unordered_map<ImGuiID, std::pair<std::string, bool>> pending_text_;
  std::unordered_map<ImGuiID, float> pending_value_;
};

// The accessible name of an ImGui label: its visible part, or if that is
// empty the id part after "##" ("##Port range" -> "Port range").
std::string name_of_label(const char* label);

// The recorder attached to the current ImGui context, or null.
Recorder* current();

// Says what the next widget ImGui reports is, when its hooks cannot tell:
// a radio button, a link, an option and whether it is selected...
void next_item(Role role, uint32_t states = 0, const std::string& value = {});
// Static text just drawn with ImGui (call right after it: the node takes
// ImGui's last item rectangle). Inside an ImGui table it becomes a cell.
void text(Role role, const char* text, int level = 0);
// The same with its rectangle given (rich text drawn word by word).
void text_at(Role role, const char* text, const ImVec2& min, const ImVec2& max, int level = 0);
// A container: Table, Row, List, Figure, Group. Nodes recorded until the
// matching end() are its children. A Figure is a picture's text
// alternative: `name` says what it is, `description` summarises it.
void begin(Role role, const char* name, const char* description = nullptr);
void end();
// Says something in the live region without a node (a new screen...).
void announce(const std::string& text, bool assertive = false);

}  // namespace portlab::ui::a11y
