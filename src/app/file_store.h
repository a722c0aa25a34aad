// KeyValueStore on the native file system: one JSON file per key in the
// user's data directory. Writes go to a temporary file that is flushed and
// then renamed over the old one, so a crash or power cut mid-save leaves the
// previous document intact.
#pragma once

#include <string>

#include "core/storage/key_value_store.h"

namespace portlab::app {

class FileStore final : public storage::KeyValueStore {
 public:
  explicit FileStore(std::string directory) : directory_(std::move(directory)) {}

  std::optional<std::string> read(const std::string& key) override;
  bool write(const std::string& key, const std::string& value) override;
  bool remove(const std::string& key) override;

  // The file that holds `key` (keys are restricted to [A-Za-z0-9._-]).
  std::string path_for(const std::string& key) const;

 private:
  std::string directory_;
};

}  // namespace portlab::app
