#include "core/storage/versioned_document.h"

namespace portlab::storage {

namespace {

// The first name under which `text` can be kept without replacing another
// copy: "<key><suffix>", then "<key><suffix>.2", ... A name that already
// holds this very text is reused, so loading the same bad document twice
// keeps one copy.
std::optional<std::string> aside_key(KeyValueStore& store, const std::string& key,
                                     const std::string& suffix, const std::string& text) {
  for (int n = 1; n <= kMaxAsideCopies; ++n) {
    std::string name = key + suffix + (n == 1 ? "" : "." + std::to_string(n));
    std::optional<std::string> held = store.read(name);
    if (!held || *held == text) return name;
  }
  return std::nullopt;
}

LoadedDocument set_aside(KeyValueStore& store, const std::string& key, const std::string& text,
                         const std::string& suffix, const std::string& why) {
  LoadedDocument result;
  std::optional<std::string> aside = aside_key(store, key, suffix, text);
  if (aside && store.write(*aside, text)) {
    result.notice = why + " It was kept as \"" + *aside + "\" and PortLab started from defaults.";
  } else {
    // Nothing may overwrite the original while it cannot be copied aside,
    // so the caller is told; the original stays where it was.
    result.notice = why +
                    " It could not be copied aside, so it was left in place and will not be"
                    " overwritten.";
    result.writable = false;
  }
  return result;
}

DocumentText problem(DocumentText::Status status, std::string what) {
  DocumentText result;
  result.status = status;
  result.problem = std::move(what);
  return result;
}

}  // namespace

json::Value make_document(const std::string& format, int version, const json::Value& data) {
  json::Value doc = json::Value::object();
  doc["format"] = format;
  doc["version"] = version;
  doc["data"] = data;
  return doc;
}

DocumentText read_document(const std::string& text, const std::string& format,
                           int current_version, const std::string& noun) {
  using Status = DocumentText::Status;
  const std::string& name = noun.empty() ? format : noun;
  json::ParseResult parsed = json::parse(text);
  if (!parsed.ok())
    return problem(Status::Damaged, "could not be read (line " +
                                        std::to_string(parsed.error.line) + ": " +
                                        parsed.error.message + ")");

  const json::Value& doc = *parsed.value;
  const json::Value* fmt = doc.find("format");
  const json::Value* version = doc.find("version");
  const json::Value* data = doc.find("data");
  if (!fmt || !fmt->is_string() || fmt->as_string() != format) {
    std::string found;
    if (fmt && fmt->is_string())
      found = " (its \"format\" is " + json::quote(fmt->as_string()) + ", expected " +
              json::quote(format) + ")";
    return problem(Status::Damaged, "is not a PortLab " + name + " file" + found);
  }
  if (!version) return problem(Status::Damaged, "has no \"version\"");
  std::optional<long long> v = version->as_integer(1, 1000000);
  if (!v) return problem(Status::Damaged, "has an invalid version");
  if (*v > current_version) {
    DocumentText newer =
        problem(Status::Newer, "was written by a newer PortLab (format " + std::to_string(*v) +
                                   "; this PortLab reads up to " +
                                   std::to_string(current_version) + ")");
    newer.version = static_cast<int>(*v);
    return newer;
  }
  if (!data) return problem(Status::Damaged, "has no \"data\"");
  DocumentText ok;
  ok.body = *data;
  ok.version = static_cast<int>(*v);
  return ok;
}

LoadedDocument load_document(KeyValueStore& store, const std::string& key,
                             const std::string& format, int current_version,
                             const std::string& noun) {
  std::optional<std::string> text = store.read(key);
  if (!text) return {};
  DocumentText doc = read_document(*text, format, current_version, noun);
  const std::string why = "Your saved " + (noun.empty() ? format : noun) + " " + doc.problem + ".";
  switch (doc.status) {
    case DocumentText::Status::Ok:
      return LoadedDocument{std::move(doc.body), doc.version, "", true};
    case DocumentText::Status::Newer: return set_aside(store, key, *text, ".newer", why);
    case DocumentText::Status::Damaged: break;
  }
  return set_aside(store, key, *text, ".damaged", why);
}

LoadedDocument set_aside_damaged(KeyValueStore& store, const std::string& key,
                                 const std::string& noun, const std::string& why) {
  std::optional<std::string> text = store.read(key);
  if (!text) return {};
  return set_aside(store, key, *text, ".damaged", "Your saved " + noun + " " + why + ".");
}

bool save_document(KeyValueStore& store, const std::string& key, const std::string& format,
                   int version, const json::Value& data) {
  return store.write(key, json::write(make_document(format, version, data)));
}

}  // namespace portlab::storage
