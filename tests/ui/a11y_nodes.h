// Looks up what assistive technology was told in the last frame: the
// semantics nodes of the recorder attached to the current ImGui context.
#pragma once

#include <string>
#include <vector>

#include "ui/a11y/semantics.h"

namespace portlab::test {

// The first node of the last frame with this role whose name holds `text`; null if none.
inline const ui::a11y::Node* node_with(ui::a11y::Role role, const std::string& text) {
  const ui::a11y::Recorder* recorder = ui::a11y::current();
  if (!recorder) return nullptr;
  for (const ui::a11y::Node& n : recorder->nodes())
    if (n.role == role && n.name.find(text) != std::string::npos) return &n;
  return nullptr;
}

// The container a node was recorded in (a List, Group, Row...); null at the top.
inline const ui::a11y::Node* parent_of(const ui::a11y::Node& node) {
  if (node.parent == 0 || !ui::a11y::current()) return nullptr;
  for (const ui::a11y::Node& n : ui::a11y::current()->nodes())
    if (n.id == node.parent) return &n;
  return nullptr;
}

// The nodes of the last frame recorded in `parent`, with this role (a
// figure's tables, a table's rows, a row's cells), in order.
inline std::vector<const ui::a11y::Node*> children(const ui::a11y::Node& parent, ui::a11y::Role role) {
  std::vector<const ui::a11y::Node*> out;
  if (!ui::a11y::current()) return out;
  for (const ui::a11y::Node& n : ui::a11y::current()->nodes())
    if (n.parent == parent.id && n.role == role) out.push_back(&n);
  return out;
}

}  // namespace portlab::test
