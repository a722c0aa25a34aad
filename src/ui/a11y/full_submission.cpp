#include "ui/a11y/full_submission.h"

#include <imgui_internal.h>

#include "ui/a11y/semantics.h"

namespace portlab::ui::a11y {

ScopedFullSubmission::ScopedFullSubmission() {
  if (!current()) return;
  ImGuiContext& g = *GImGui;
  if (g.LogEnabled) return;  // ImGui is really logging: it submits everything already
  active_ = true;
  log_buffer_size_ = g.LogBuffer.Buf.Size;
  depth_ref_ = g.LogDepthRef;
  depth_to_expand_ = g.LogDepthToExpand;
  line_pos_y_ = g.LogLinePosY;
  line_first_item_ = g.LogLineFirstItem;
  g.LogEnabled = true;  // g.LogType stays None, g.LogFile null: text goes to g.LogBuffer
  g.LogDepthRef = 0;
  g.LogDepthToExpand = 0;  // TreeNode opens itself "for the log" when depth - ref < this
  g.LogLinePosY = FLT_MAX;
  g.LogLineFirstItem = true;
}

ScopedFullSubmission::~ScopedFullSubmission() {
  if (!active_) return;
  ImGuiContext& g = *GImGui;
  g.LogEnabled = false;
  g.LogBuffer.Buf.resize(log_buffer_size_);  // keeps its capacity for the next frame
  g.LogDepthRef = depth_ref_;
  g.LogDepthToExpand = depth_to_expand_;
  g.LogLinePosY = line_pos_y_;
  g.LogLineFirstItem = line_first_item_;
  g.LogNextPrefix = g.LogNextSuffix = nullptr;  // decorations a checkbox or tree node left unused
}

ScopedClipping::ScopedClipping() {
  ImGuiContext& g = *GImGui;
  // Only a ScopedFullSubmission's logging (no target) is suspended, never a real log.
  if (!g.LogEnabled || g.LogType != ImGuiLogType_None || g.LogFile) return;
  suspended_ = true;
  g.LogEnabled = false;
}

ScopedClipping::~ScopedClipping() {
  if (suspended_) GImGui->LogEnabled = true;
}

}  // namespace portlab::ui::a11y
