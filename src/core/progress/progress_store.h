// Saving, loading, exporting and importing progress.
//
// The save is the versioned document "portlab-progress" under the key
// "progress" (storage/versioned_document.h). A save that cannot be used is
// never silently replaced: a damaged one (bad JSON, wrong format, or data
// that fails the strict checks of progress_json.h) is kept as
// "progress.damaged", one from a newer PortLab as "progress.newer", the
// learner is told, and practice starts from fresh progress.
//
// Export is the same document, indented. Import replaces the current
// progress, after confirmation: preview_import() checks the whole file and
// says what it holds without changing anything; apply_import() then keeps
// the progress it replaces as "progress.before-import" and saves the new one.
// Replacing rather than merging keeps the rule simple to state ("the file
// becomes your progress") and never invents a Leitner box neither copy had.
#pragma once

#include <optional>
#include <string>

#include "core/progress/progress.h"
#include "core/progress/progress_json.h"
#include "core/storage/key_value_store.h"

namespace portlab::progress {

inline constexpr const char* kStoreKey = "progress";
inline constexpr const char* kBeforeImportKey = "progress.before-import";
inline constexpr const char* kFormat = "portlab-progress";
// The save's version is progress_json.h's kFormatVersion.

struct LoadedProgress {
  Progress progress;
  bool stored = false;   // false: nothing usable was saved; this is fresh progress
  std::string notice;    // tell the learner this when non-empty
};

struct ImportPreview {
  std::optional<Progress> progress;  // the file's progress when it can be imported
  std::string error;                 // why not, when it cannot ("Nothing was changed.")
  // What the file holds, for the confirmation ("Replace your progress with
  // 42 questions, 3 lessons and 2 exams saved on ...?").
  int questions = 0;
  int lessons = 0;
  int checkpoints_passed = 0;
  int exams = 0;
  Millis updated_ms = 0;
  bool older_than_current = false;  // the file was last changed before the current progress
  bool ok() const { return progress.has_value(); }
};

struct ImportResult {
  bool ok = false;
  std::string message;  // one sentence for the learner either way
};

// The exported text: the saved document, indented two spaces, with a final
// newline.
std::string export_text(const Progress& progress);

// Checks `text` completely; changes nothing.
ImportPreview preview_import(const std::string& text, const Progress& current);

// The confirmation question for a preview that can be imported, e.g.
// "This file holds 42 answered questions, 3 lessons (1 checkpoint passed)
// and 2 exams, last changed on 2026-11-02. Replace your progress with it?",
// warning when the file is older than the current progress.
std::string describe_import(const ImportPreview& preview);

// A UTC calendar date, "2026-11-02", for a time in ms since the Unix epoch.
std::string calendar_date(Millis ms);

class ProgressStore {
 public:
  explicit ProgressStore(storage::KeyValueStore& store) : store_(store) {}

  // Reads the save; fresh progress begun at `now_ms` when there is none or
  // it cannot be used (see the notice).
  LoadedProgress load(Millis now_ms);

  // False when the store refused, or when load() found an unusable save it
  // could not copy aside: writing then would destroy it.
  bool save(const Progress& progress);
  bool writable() const { return writable_; }

  // Replaces `current` with a previewed import and saves it. When the
  // preview is not ok, or saving fails, `current` and the store are left
  // as they were.
  ImportResult apply_import(const ImportPreview& preview, Progress& current);

 private:
  storage::KeyValueStore& store_;
  bool writable_ = true;
};

}  // namespace portlab::progress
