#include "core/progress/progress_store.h"

#include <cstdio>

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
  ProgressParse parsed = from_json(*doc.body, doc.version);
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

  ProgressParse parsed = from_json(*doc.body, doc.version);
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

std::string calendar_date(Millis ms) {
  // Days since 1970-01-01 to a proleptic Gregorian date, following Howard
  // Hinnant's civil_from_days ("chrono-Compatible Low-Level Date
  // Algorithms"): 400-year eras of 146,097 days, years counted from March
  // so the leap day falls at the end.
  long long days = ms / 86400000LL - (ms % 86400000LL < 0 ? 1 : 0);
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const long long doe = days - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long day = doy - (153 * mp + 2) / 5 + 1;
  const long long month = mp < 10 ? mp + 3 : mp - 9;
  const long long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char text[48];
  std::snprintf(text, sizeof text, "%04lld-%02lld-%02lld", year, month, day);
  return text;
}

std::string describe_import(const ImportPreview& preview) {
  if (!preview.ok()) return preview.error;
  auto count = [](int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string text = "This file holds " + count(preview.questions, "answered question", "answered questions") +
                     ", " + count(preview.lessons, "lesson", "lessons") + " (" +
                     count(preview.checkpoints_passed, "checkpoint", "checkpoints") + " passed) and " +
                     count(preview.exams, "exam", "exams") + ", last changed on " +
                     calendar_date(preview.updated_ms) + ".";
  if (preview.older_than_current) text += " It is older than the progress you have now.";
  return text + " Replace your progress with it?";
}

}  // namespace portlab::progress
