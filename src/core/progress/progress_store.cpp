#include "core/progress/progress_store.h"

#include "core/progress/progress_json.h"
#include "core/storage/versioned_document.h"

namespace portlab::progress {

namespace {

// How the learner's progress is named in messages ("Your saved progress ...").
constexpr const char* kNoun = "progress";

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string export_text(const Progress& progress) {
  return json::write(storage::make_document(kFormat, kFormatVersion, to_json(progress)), 2) + "\n";
}

ImportPreview preview_import(const std::string& text, const Progress& current) {
  ImportPreview preview;
  storage::DocumentText doc = storage::read_document(text, kFormat, kFormatVersion, kNoun);
  if (!doc.ok()) {
    preview.error = "This file " + doc.problem + ". Nothing was changed.";
    return preview;
  }
  ProgressParse parsed = from_json(*doc.body);
  if (!parsed.ok()) {
    // The path is inside "data", where the file keeps the progress itself.
    preview.error = "This progress file is damaged at $.data" + parsed.error.substr(1) +
                    ". Nothing was changed.";
    return preview;
  }
  const Progress& p = *parsed.progress;
  preview.questions = static_cast<int>(p.questions.size());
  preview.lessons = static_cast<int>(p.lessons.size());
  for (const auto& [id, lesson] : p.lessons) preview.checkpoints_passed += lesson.checkpoint_passed;
  preview.exams = static_cast<int>(p.exams.size());
  preview.updated_ms = p.updated_ms;
  preview.older_than_current = p.updated_ms < current.updated_ms;
  preview.progress = std::move(parsed.progress);
  return preview;
}

LoadedProgress ProgressStore::load(Millis now_ms) {
  LoadedProgress loaded;
  loaded.progress = fresh_progress(now_ms);
  storage::LoadedDocument doc =
      storage::load_document(store_, kStoreKey, kFormat, kFormatVersion, kNoun);
  writable_ = doc.writable;
  loaded.notice = doc.notice;
  if (!doc.body) return loaded;

  ProgressParse parsed = from_json(*doc.body);
  if (!parsed.ok()) {
    storage::LoadedDocument aside = storage::set_aside_damaged(
        store_, kStoreKey, kNoun, "is damaged (at $.data" + parsed.error.substr(1) + ")");
    writable_ = aside.writable;
    loaded.notice = aside.notice;
    return loaded;
  }
  loaded.progress = std::move(*parsed.progress);
  loaded.stored = true;
  return loaded;
}

bool ProgressStore::save(const Progress& progress) {
  if (!writable_) return false;
  return storage::save_document(store_, kStoreKey, kFormat, kFormatVersion, to_json(progress));
}

ImportResult ProgressStore::apply_import(const ImportPreview& preview, Progress& current) {
  if (!preview.ok()) return {false, preview.error};
  if (!writable_)
    return {false, "Your saved progress could not be set aside earlier, so importing would "
                   "overwrite it. Nothing was changed."};
  // The progress being replaced stays recoverable, whatever the learner
  // confirmed; a previous copy there is from an earlier import, already
  // superseded by what the learner has done since.
  if (!storage::save_document(store_, kBeforeImportKey, kFormat, kFormatVersion, to_json(current)))
    return {false, "Your current progress could not be kept aside, so nothing was imported."};
  if (!save(*preview.progress))
    return {false, "The imported progress could not be saved. Nothing was changed."};
  current = *preview.progress;
  return {true, "Imported " + plural(preview.questions, "question", "questions") + ", " +
                    plural(preview.lessons, "lesson", "lessons") + " and " +
                    plural(preview.exams, "exam", "exams") +
                    "; your previous progress was kept as \"" + kBeforeImportKey + "\"."};
}

}  // namespace portlab::progress
