// Loading and saving a versioned JSON document with the house rule for bad
// input: a document that cannot be read (damaged, or written by a newer
// PortLab) is never silently replaced. It is copied aside under
// "<key>.damaged" (or "<key>.newer") and the caller gets a sentence to show.
//
// The same envelope checks serve documents the user brings in (an imported
// progress file): read_document() says what is wrong without touching any
// store, so an import can be refused before anything changes.
#pragma once

#include <optional>
#include <string>

#include "core/json.h"
#include "core/storage/key_value_store.h"

namespace portlab::storage {

// {"format": format, "version": version, "data": data}
json::Value make_document(const std::string& format, int version, const json::Value& data);

// What a document's text holds once its envelope is checked.
struct DocumentText {
  enum class Status { Ok, Damaged, Newer };
  Status status = Status::Ok;
  std::optional<json::Value> body;  // the "data" member when Ok
  int version = 0;                  // the document's version when Ok or Newer
  // When not Ok, what is wrong as the end of a sentence whose subject is
  // the document: "could not be read (line 3: ...)", "was written by a
  // newer PortLab (format 2)".
  std::string problem;
  bool ok() const { return status == Status::Ok; }
};

// Checks `text` is {"format": format, "version": n, "data": ...} with
// 1 <= n <= current_version. `noun` names the document in messages
// ("progress"); empty means the format name.
DocumentText read_document(const std::string& text, const std::string& format,
                           int current_version, const std::string& noun = "");

struct LoadedDocument {
  std::optional<json::Value> body;  // the "data" member; empty if none usable
  int version = 0;                  // the stored version when body is set
  std::string notice;               // non-empty: tell the user this
  // False when an unreadable document could not be copied aside: saving
  // over it would lose it, so the caller must not write this key.
  bool writable = true;
};

// Reads `key`, expecting {"format": format, "version": n, "data": ...} with
// n <= current_version. `noun` names the document in the notice.
LoadedDocument load_document(KeyValueStore& store, const std::string& key,
                             const std::string& format, int current_version,
                             const std::string& noun = "");

// For a document whose envelope was fine but whose data the caller's own
// checks reject: copies what `key` holds aside as damaged, exactly as
// load_document does, with the notice "Your saved <noun> <why>. It was kept
// as ...". `why` reads like DocumentText::problem.
LoadedDocument set_aside_damaged(KeyValueStore& store, const std::string& key,
                                 const std::string& noun, const std::string& why);

// Writes {"format", "version", "data"}; false if the store refused.
bool save_document(KeyValueStore& store, const std::string& key, const std::string& format,
                   int version, const json::Value& data);

// A copy set aside is never overwritten by a later one: the first copy is
// "<key>.damaged", further different ones "<key>.damaged.2" and so on up to
// this many; past that nothing more is set aside and the key is protected.
inline constexpr int kMaxAsideCopies = 20;

}  // namespace portlab::storage
