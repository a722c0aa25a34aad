#include "ui/a11y/semantics.h"

#include <imgui_internal.h>

#include <cfloat>
#include <cstring>

namespace portlab::ui::a11y {

namespace {

// How many of the last added items an ItemInfo looks back over: a widget
// reports its ItemInfo right after its own ItemAdd, at most a child window's
// ItemAdd (a multi-line field) or a few buttons (InputInt's - and +) later.
constexpr size_t kInfoLookBack = 16;

// An ImGui table instance's identity (BeginTable twice with one id in a frame
// makes two instances).
ImGuiID table_key(const ImGuiTable* table) {
  if (table->InstanceCurrent == 0) return table->ID;
  const int instance = table->InstanceCurrent;
  return ImHashData(&instance, sizeof instance, table->ID);
}

// Whether items now submitted lie in a cell of the current table.
bool in_table_cell(const ImGuiContext& g) {
  const ImGuiTable* t = g.CurrentTable;
  return t && t->InnerWindow == g.CurrentWindow && t->CurrentRow >= 0 && t->CurrentColumn >= 0;
}

}  // namespace

const char* aria_role(Role role) {
  switch (role) {
    case Role::None: return "none";
    case Role::Button: return "button";
    case Role::Link: return "link";
    case Role::Checkbox: return "checkbox";
    case Role::Radio: return "radio";
    case Role::Combo: return "combobox";
    case Role::Option: return "option";
    case Role::Slider: return "slider";
    case Role::TextField: return "textbox";
    case Role::Tab: return "tab";
    case Role::Heading: return "heading";
    case Role::Text: return "paragraph";
    case Role::Status: return "status";
    case Role::Alert: return "alert";
    case Role::List: return "list";
    case Role::ListItem: return "listitem";
    case Role::Table: return "table";
    case Role::Row: return "row";
    case Role::Cell: return "cell";
    case Role::ColumnHeader: return "columnheader";
    case Role::Figure: return "figure";
    case Role::Group: return "group";
    case Role::Progress: return "progressbar";
  }
  return "none";
}

bool is_interactive(Role role) {
  switch (role) {
    case Role::Button:
    case Role::Link:
    case Role::Checkbox:
    case Role::Radio:
    case Role::Combo:
    case Role::Option:
    case Role::Slider:
    case Role::TextField:
    case Role::Tab: return true;
    default: return false;
  }
}

std::string name_of_label(const char* label) {
  if (!label) return {};
  const char* hashes = std::strstr(label, "##");
  if (!hashes) return label;
  if (hashes != label) return std::string(label, hashes);
  while (*hashes == '#') ++hashes;  // "###id" too
  return hashes;
}

Recorder* current() {
  const ImGuiContext* g = GImGui;
  if (!g || !g->TestEngine) return nullptr;
  return static_cast<Recorder*>(static_cast<ItemHooks*>(g->TestEngine));
}

// ---- Recorder: attaching, frames, pending input

Recorder::~Recorder() {
  if (attached_ && GImGui && GImGui->TestEngine == static_cast<ItemHooks*>(this)) detach();
}

void Recorder::attach() {
  ImGuiContext& g = *GImGui;
  g.TestEngine = static_cast<ItemHooks*>(this);
  g.TestEngineHookItems = true;
  attached_ = true;
}

void Recorder::detach() {
  if (ImGuiContext* g = GImGui; g && g->TestEngine == static_cast<ItemHooks*>(this)) {
    g->TestEngine = nullptr;
    g->TestEngineHookItems = false;
  }
  attached_ = false;
}

void Recorder::begin_frame() {
  nodes_.clear();
  parent_index_.clear();
  announcements_.clear();
  added_.clear();
  hint_ = Hint{};
  open_.clear();
  containers_.clear();
  text_seen_.clear();
}

void Recorder::set_pending_text(ImGuiID id, std::string text, bool submit) {
  pending_text_[id] = {std::move(text), submit};
}

bool Recorder::take_pending_text(ImGuiID id, std::string& text, bool& submit) {
  auto it = pending_text_.find(id);
  if (it == pending_text_.end()) return false;
  text = std::move(it->second.first);
  submit = it->second.second;
  pending_text_.erase(it);
  return true;
}

void Recorder::set_pending_value(ImGuiID id, float value) { pending_value_[id] = value; }

bool Recorder::take_pending_value(ImGuiID id, float& value) {
  auto it = pending_value_.find(id);
  if (it == pending_value_.end()) return false;
  value = it->second;
  pending_value_.erase(it);
  return true;
}

// ---- Nodes and their parents

int Recorder::make_node(ImGuiID id, Role role, int parent) {
  const ImGuiContext& g = *GImGui;
  Node node;
  node.id = id;
  node.role = role;
  node.parent = parent >= 0 ? nodes_[parent].id : 0;
  node.window = g.CurrentWindow ? g.CurrentWindow->ID : 0;
  node.font_size = g.FontSize;
  // Containers take the union of their children's rectangles (see grow).
  node.min = ImVec2(FLT_MAX, FLT_MAX);
  node.max = ImVec2(-FLT_MAX, -FLT_MAX);
  nodes_.push_back(std::move(node));
  parent_index_.push_back(parent);
  return static_cast<int>(nodes_.size()) - 1;
}

void Recorder::place(int index, const ImVec2& min, const ImVec2& max) {
  Node& node = nodes_[index];
  node.min = min;
  node.max = max;
  const ImVec2 centre((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
  if (!GImGui->CurrentWindow->ClipRect.Contains(centre)) node.states |= kOffscreen;
  grow(parent_index_[index], min, max);
}

void Recorder::grow(int parent, const ImVec2& min, const ImVec2& max) {
  for (int i = parent; i >= 0; i = parent_index_[i]) {
    nodes_[i].min = ImMin(nodes_[i].min, min);
    nodes_[i].max = ImMax(nodes_[i].max, max);
  }
}

int Recorder::parent_for_new() {
  const ImGuiContext& g = *GImGui;
  const bool in_cell = in_table_cell(g);
  if (!open_.empty()) {
    const Open& top = open_.back();
    // A container opened in this very cell holds the item; one opened
    // outside the table holds the table.
    const ImGuiTable* t = g.CurrentTable;
    if (!in_cell || (top.table == table_key(t) && top.row == t->CurrentRow && top.column == t->CurrentColumn))
      return top.node;
  }
  return in_cell ? table_cell(Role::Cell, -1) : -1;
}

int Recorder::container(ImGuiID id, Role role, int parent, int row, int column) {
  auto it = containers_.find(id);
  if (it != containers_.end()) return it->second;
  const int index = make_node(id, role, parent);
  nodes_[index].row = row;
  nodes_[index].column = column;
  containers_.emplace(id, index);
  return index;
}

int Recorder::table_cell(Role role, int column) {
  const ImGuiContext& g = *GImGui;
  const ImGuiTable* t = g.CurrentTable;
  if (column < 0) column = t->CurrentColumn;
  const ImGuiID table_id = table_key(t);
  int table;
  if (auto it = containers_.find(table_id); it != containers_.end()) {
    table = it->second;
  } else if (!open_.empty() && open_.back().table == 0 && !open_.back().adopted &&
             nodes_[open_.back().node].role == Role::Table) {
    // a11y::begin(Role::Table, "name") just before BeginTable names the table.
    table = open_.back().node;
    open_.back().adopted = true;
    containers_.emplace(table_id, table);
  } else {
    table = container(table_id, Role::Table, open_.empty() ? -1 : open_.back().node, -1, -1);
  }
  const ImGuiID row_id = ImHashData(&t->CurrentRow, sizeof t->CurrentRow, table_id);
  const int row = container(row_id, Role::Row, table, t->CurrentRow, -1);
  const ImGuiID cell_id = ImHashData(&column, sizeof column, row_id);
  return container(cell_id, role, row, t->CurrentRow, column);
}

Node* Recorder::find(ImGuiID id) {
  for (size_t i = nodes_.size(); i-- > 0;)
    if (nodes_[i].id == id) return &nodes_[i];
  return nullptr;
}

// ---- Items, from the hooks

int Recorder::node_for_added(Added& added, Role role, uint32_t states, const char* label, int flags) {
  const int index = make_node(added.id, role, parent_for_new());
  Node& node = nodes_[index];
  node.label = label ? label : "";
  node.name = name_of_label(label);
  node.states = states | ((added.in_flags & ImGuiItemFlags_Disabled) ? uint32_t{kDisabled} : 0u);
  node.status_flags = flags;
  place(index, added.min, added.max);
  added.node = index;
  return index;
}

void Recorder::hint(Role role, uint32_t states, const std::string& value, const char* label, ImGuiID id) {
  const ImGuiWindow* window = GImGui->CurrentWindow;
  if (!window || window->SkipItems) return;  // ImGui will add no item
  hint_.role = role;
  hint_.states = states;
  hint_.value = value;
  hint_.label = label ? label : "";
  hint_.id = id;
  hint_.bound = 0;
  hint_.labelled = label != nullptr;
  hint_.active = true;
}

void Recorder::on_item_add(ImGuiID id, const ImVec2& min, const ImVec2& max) {
  if (id == 0) return;
  added_.push_back(Added{id, min, max, GImGui->LastItemData.InFlags, -1});
  if (!hint_.active || hint_.bound != 0 || (hint_.id != 0 && hint_.id != id)) return;
  hint_.bound = id;
  if (!hint_.labelled) return;
  // A wrapper's item: its node now, named by the wrapper, even if ImGui clips it.
  const int index = node_for_added(added_.back(), hint_.role, hint_.states, hint_.label.c_str(), 0);
  nodes_[index].value = std::move(hint_.value);
  hint_ = Hint{};
}

void Recorder::on_item_info(ImGuiID id, const char* label, int flags) {
  Added* added = nullptr;
  for (size_t i = added_.size(), seen = 0; i-- > 0 && seen < kInfoLookBack; ++seen) {
    if (added_[i].id == id) {
      added = &added_[i];
      break;
    }
  }
  const bool hinted = hint_.active && hint_.bound == id;
  // A hint bound to another item: that item was clipped and said nothing.
  if (hint_.active && hint_.bound != 0 && !hinted) hint_ = Hint{};
  if (!added) return;

  uint32_t states = 0;
  Role role = Role::Button;
  if (flags & ImGuiItemStatusFlags_Checkable) {
    role = Role::Checkbox;
    if (flags & ImGuiItemStatusFlags_Checked) states |= kChecked;
  } else if (flags & ImGuiItemStatusFlags_Openable) {
    states |= kExpandable;
    if (flags & ImGuiItemStatusFlags_Opened) states |= kExpanded;
  } else if (added->in_flags & ImGuiItemFlags_Inputable) {
    role = Role::TextField;  // sliders and drags too: their wrappers say Slider
  }

  if (added->node >= 0) {  // made by a wrapper's hint: keep its role
    Node& node = nodes_[added->node];
    if (node.label.empty() && label && *label) {
      node.label = label;
      node.name = name_of_label(label);
    }
    node.states |= states;
    node.status_flags = flags;
    return;
  }
  const bool has_label = label && *label;
  if (!has_label && !hinted) return;  // InputInt's inner field, reported again by its group
  std::string value;
  if (hinted) {
    role = hint_.role;
    states |= hint_.states;
    value = std::move(hint_.value);
    hint_ = Hint{};
  }
  const int index = node_for_added(*added, role, states, label, flags);
  nodes_[index].value = std::move(value);
}

// ---- Text, other nodes, containers

void Recorder::add_text(Role role, const char* text, const ImVec2& min, const ImVec2& max, int level) {
  if (!text || !*text) return;
  const ImGuiContext& g = *GImGui;
  const int parent = parent_for_new();
  if (role == Role::Text && parent >= 0 && nodes_[parent].role == Role::Cell) {
    // A table cell's text is the cell's own name (several texts: joined).
    Node& cell = nodes_[parent];
    if (cell.name.empty()) {
      const ImVec2 children_min = cell.min, children_max = cell.max;
      cell.name = text;
      cell.font_size = g.FontSize;
      place(parent, min, max);  // offscreen as its text is
      cell.min = ImMin(cell.min, children_min);
      cell.max = ImMax(cell.max, children_max);
    } else {
      cell.name += ' ';
      cell.name += text;
      grow(parent, min, max);
    }
    return;
  }
  // Stable from frame to frame: the same text in the same place.
  ImGuiID seed = g.CurrentWindow->ID;
  const ImGuiID parent_id = parent >= 0 ? nodes_[parent].id : 0;
  seed = ImHashData(&parent_id, sizeof parent_id, seed);
  const ImGuiID hash = ImHashData(text, std::strlen(text), seed);
  const int occurrence = text_seen_[hash]++;
  const ImGuiID id = occurrence == 0 ? hash : ImHashData(&occurrence, sizeof occurrence, hash);
  const int index = make_node(id, role, parent);
  nodes_[index].name = text;
  nodes_[index].level = level;
  place(index, min, max);
}

Node* Recorder::add_node(ImGuiID id, Role role, const char* name, const ImVec2& min, const ImVec2& max) {
  const int index = make_node(id, role, parent_for_new());
  nodes_[index].name = name ? name : "";
  place(index, min, max);
  return &nodes_[index];
}

void Recorder::column_header(int column, const char* name, const ImVec2& min, const ImVec2& max) {
  const ImGuiContext& g = *GImGui;
  if (!g.CurrentTable || g.CurrentTable->CurrentRow < 0) return;
  const int index = table_cell(Role::ColumnHeader, column);
  nodes_[index].name = name ? name : "";
  nodes_[index].font_size = g.FontSize;
  place(index, min, max);
}

void Recorder::begin_container(Role role, const char* name, const char* description) {
  const ImGuiContext& g = *GImGui;
  const int parent = parent_for_new();
  ImGuiID seed = g.CurrentWindow->ID;
  const ImGuiID parent_id = parent >= 0 ? nodes_[parent].id : 0;
  seed = ImHashData(&parent_id, sizeof parent_id, seed);
  seed = ImHashData(&role, sizeof role, seed);
  const ImGuiID hash = name ? ImHashData(name, std::strlen(name), seed) : seed;
  const int occurrence = text_seen_[hash]++;
  const ImGuiID id = occurrence == 0 ? hash : ImHashData(&occurrence, sizeof occurrence, hash);
  const int index = make_node(id, role, parent);
  nodes_[index].name = name ? name : "";
  nodes_[index].description = description ? description : "";
  const ImGuiTable* t = g.CurrentTable;
  const bool in_cell = in_table_cell(g);
  open_.push_back(Open{index, in_cell ? table_key(t) : 0, in_cell ? t->CurrentRow : -1,
                       in_cell ? t->CurrentColumn : -1, false});
}

void Recorder::end_container() {
  if (open_.empty()) return;
  Node& node = nodes_[open_.back().node];
  if (node.min.x > node.max.x) node.min = node.max = ImGui::GetCursorScreenPos();  // nothing inside
  open_.pop_back();
}

// ---- The free functions the views and wrappers call

void next_item(Role role, uint32_t states, const std::string& value) {
  if (Recorder* r = current()) r->hint(role, states, value);
}

void text(Role role, const char* text, int level) {
  Recorder* r = current();
  if (!r) return;
  const ImGuiContext& g = *GImGui;
  if (g.CurrentWindow->SkipItems) return;  // ImGui drew nothing; its last item is another
  r->add_text(role, text, g.LastItemData.Rect.Min, g.LastItemData.Rect.Max, level);
}

void text_at(Role role, const char* text, const ImVec2& min, const ImVec2& max, int level) {
  if (Recorder* r = current()) r->add_text(role, text, min, max, level);
}

void begin(Role role, const char* name, const char* description) {
  if (Recorder* r = current()) r->begin_container(role, name, description);
}

void end() {
  if (Recorder* r = current()) r->end_container();
}

void announce(const std::string& text, bool assertive) {
  if (Recorder* r = current()) r->add_announcement(text, assertive);
}

}  // namespace portlab::ui::a11y
