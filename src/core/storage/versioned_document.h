// Loading and saving a versioned JSON document with the house rule for bad
// input: a document that cannot be read (damaged, or written by a newer
// PortLab) is never silently replaced. It is copied aside under
// "<key>.damaged" (or "<key>.newer") and the caller gets a sentence to show.
#pragma once

#include <optional>
#include <string>

#include "core/json.h"
#include "core/storage/key_value_store.h"

namespace portlab::storage {

struct LoadedDocument {
  std::optional<json::Value> body;  // the "data" member; empty if none usable
  std::string notice;               // non-empty: tell the user this
  // False when an unreadable document could not be copied aside: saving
  // over it would lose it, so the caller must not write this key.
  bool writable = true;
};

// Reads `key`, expecting {"format": format, "version": n, "data": ...} with
// n <= current_version.
LoadedDocument load_document(KeyValueStore& store, const std::string& key, const std::string& format,
                             int current_version);

// Writes {"format", "version", "data"}; false if the store refused.
bool save_document(KeyValueStore& store, const std::string& key, const std::string& format, int version,
                   const json::Value& data);

}  // namespace portlab::storage
