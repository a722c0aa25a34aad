// Where the model keeps what must survive a restart (settings, later progress).
//
// The app supplies the real store (a file per key in the user's data
// directory natively, localStorage in the browser); tests use MemoryStore.
// The model only ever reads, writes and sets aside whole documents.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace portlab::storage {

class KeyValueStore {
 public:
  virtual ~KeyValueStore() = default;
  virtual std::optional<std::string> read(const std::string& key) = 0;
  // Replaces the document atomically: a reader sees the old or the new one,
  // never a mixture. False when the store refused (e.g. quota full).
  virtual bool write(const std::string& key, const std::string& value) = 0;
  virtual bool remove(const std::string& key) = 0;
};

class MemoryStore final : public KeyValueStore {
 public:
  std::optional<std::string> read(const std::string& key) override;
  bool write(const std::string& key, const std::string& value) override;
  bool remove(const std::string& key) override;

  std::map<std::string, std::string> documents;
  bool refuse_writes = false;  // lets tests simulate a full quota
};

}  // namespace portlab::storage
