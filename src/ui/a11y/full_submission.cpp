#include "ui/a11y/full_submission.h"

#include <imgui_internal.h>

#include "ui/a11y/semantics.h"

namespace portlab::ui::a11y {

namespace {
// Whether a ScopedFullSubmission is logging (ScopedClipping suspends only that).
bool g_submitting_all = false;
}  // namespace

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
  // A buffer log with no file: text goes to g.LogBuffer. (With type None,
  // the End() of a tooltip or popup in the scope - which ends logging -
  // would trip ImGui's assertion in LogFinish.)
  g.LogEnabled = true;
  g.LogType = ImGuiLogType_Buffer;
  g_submitting_all = true;
  g.LogDepthRef = 0;
  g.LogDepthToExpand = 0;  // TreeNode opens itself "for the log" when depth - ref < this
  g.LogLinePosY = FLT_MAX;
  g.LogLineFirstItem = true;
}

ScopedFullSubmission::~ScopedFullSubmission() {
  if (!active_) return;
  ImGuiContext& g = *GImGui;
  // A popup's End() may have finished the log already (and emptied the buffer).
  g.LogEnabled = false;
  g.LogType = ImGuiLogType_None;
  g_submitting_all = false;
  if (g.LogBuffer.Buf.Size > log_buffer_size_) {
    g.LogBuffer.Buf.resize(log_buffer_size_);  // keeps its capacity for the next frame
    if (log_buffer_size_ > 0) g.LogBuffer.Buf[log_buffer_size_ - 1] = 0;
  }
  g.LogDepthRef = depth_ref_;
  g.LogDepthToExpand = depth_to_expand_;
  g.LogLinePosY = line_pos_y_;
  g.LogLineFirstItem = line_first_item_;
  g.LogNextPrefix = g.LogNextSuffix = nullptr;  // decorations a checkbox or tree node left unused
}

ScopedClipping::ScopedClipping() {
  ImGuiContext& g = *GImGui;
  // Only a ScopedFullSubmission's logging (no target) is suspended, never a real log.
  if (!g.LogEnabled || !g_submitting_all) return;
  suspended_ = true;
  g.LogEnabled = false;
}

ScopedClipping::~ScopedClipping() {
  if (suspended_ && g_submitting_all) {
    GImGui->LogEnabled = true;
    GImGui->LogType = ImGuiLogType_Buffer;  // a popup's End() in between resets it
  }
}

}  // namespace portlab::ui::a11y
