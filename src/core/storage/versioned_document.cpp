#include "core/storage/versioned_document.h"

namespace portlab::storage {

namespace {

LoadedDocument set_aside(KeyValueStore& store, const std::string& key, const std::string& text,
                         const std::string& suffix, const std::string& why) {
  const std::string aside = key + suffix;
  LoadedDocument result;
  if (store.write(aside, text)) {
    result.notice = why + " It was kept as \"" + aside + "\" and PortLab started from defaults.";
  } else {
    // Nothing may overwrite the original while it cannot be copied aside,
    // so the caller is told; the original stays where it was.
    result.notice = why + " It could not be copied aside, so it was left in place and will not be overwritten.";
    result.writable = false;
  }
  return result;
}

}  // namespace

LoadedDocument load_document(KeyValueStore& store, const std::string& key, const std::string& format,
                             int current_version) {
  std::optional<std::string> text = store.read(key);
  if (!text) return {};

  json::ParseResult parsed = json::parse(*text);
  if (!parsed.ok())
    return set_aside(store, key, *text, ".damaged",
                     "Your saved " + format + " could not be read (line " + std::to_string(parsed.error.line) +
                         ": " + parsed.error.message + ").");

  const json::Value& doc = *parsed.value;
  const json::Value* fmt = doc.find("format");
  const json::Value* version = doc.find("version");
  const json::Value* data = doc.find("data");
  if (!fmt || fmt->as_string() != format || !version || !data)
    return set_aside(store, key, *text, ".damaged",
                     "Your saved " + format + " is not a PortLab " + format + " file.");
  std::optional<long long> v = version->as_integer(1, 1000000);
  if (!v) return set_aside(store, key, *text, ".damaged", "Your saved " + format + " has an invalid version.");
  if (*v > current_version)
    return set_aside(store, key, *text, ".newer",
                     "Your saved " + format + " was written by a newer PortLab (format " + std::to_string(*v) +
                         ").");
  return LoadedDocument{*data, ""};
}

bool save_document(KeyValueStore& store, const std::string& key, const std::string& format, int version,
                   const json::Value& data) {
  json::Value doc = json::Value::object();
  doc["format"] = format;
  doc["version"] = version;
  doc["data"] = data;
  return store.write(key, json::write(doc));
}

}  // namespace portlab::storage
