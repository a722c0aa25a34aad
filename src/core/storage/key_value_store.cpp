#include "core/storage/key_value_store.h"

namespace portlab::storage {

std::optional<std::string> MemoryStore::read(const std::string& key) {
  auto it = documents.find(key);
  if (it == documents.end()) return std::nullopt;
  return it->second;
}

bool MemoryStore::write(const std::string& key, const std::string& value) {
  if (refuse_writes) return false;
  documents[key] = value;
  return true;
}

bool MemoryStore::remove(const std::string& key) { return documents.erase(key) > 0; }

}  // namespace portlab::storage
