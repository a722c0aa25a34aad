// libFuzzer target: a saved progress document and a progress file handed
// in for import, both outside input (a browser's storage can be edited, a
// file can be anything).
//
// Loading must never crash and never replace what it cannot read: a bad
// save is kept aside under another key, byte for byte. An import preview
// changes nothing; a file that previews as importable must export again to
// text that previews as the same progress.
//
// Run: tools/fuzz.sh progress [seconds]
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/progress/progress_store.h"
#include "core/storage/key_value_store.h"
#include "require.h"

using namespace portlab;

using portlab::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);

  storage::MemoryStore store;
  store.documents[progress::kStoreKey] = text;
  progress::ProgressStore saves(store);
  progress::LoadedProgress loaded = saves.load(1000);
  if (!loaded.stored) {
    // Unusable: it is still there, under its own key or set aside.
    bool kept = false;
    for (const auto& [key, value] : store.documents) kept = kept || value == text;
    require(kept);
  }

  const progress::Progress current = progress::fresh_progress(5);
  progress::ImportPreview preview = progress::preview_import(text, current);
  require(preview.ok() != !preview.error.empty());
  require(!progress::describe_import(preview).empty());
  if (preview.ok()) {
    progress::ImportPreview again = progress::preview_import(progress::export_text(*preview.progress), current);
    require(again.ok() && *again.progress == *preview.progress);
  }
  return 0;
}
