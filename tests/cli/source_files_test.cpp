// The one reader of teacher files, shared by the CLI and the app.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "files/source_files.h"
#include "temp_dir.h"

using namespace portlab;

TEST_CASE("source files: a file is read whole, across read blocks, byte for byte") {
  TempDir dir("source-files-whole");
  std::string text;
  for (int i = 0; text.size() < 200 * 1024; ++i) text += "line " + std::to_string(i) + "\r\n\0x"[i % 3];
  const files::TextRead read = files::read_text_file(dir.write("big.md", text));
  REQUIRE(read.ok());
  CHECK(read.text == text);
  CHECK(files::read_text_file(dir.write("empty.md", "")).text.empty());
}

TEST_CASE("source files: at most 16 MiB is read; one byte more is refused by name") {
  TempDir dir("source-files-limit");
  const std::string limit(files::kMaxSourceBytes, 'a');
  const files::TextRead at_limit = files::read_text_file(dir.write("limit.md", limit));
  REQUIRE(at_limit.ok());
  CHECK(at_limit.text.size() == files::kMaxSourceBytes);
  const std::string over_path = dir.write("over.md", limit + "b");
  const files::TextRead over = files::read_text_file(over_path);
  CHECK_FALSE(over.ok());
  CHECK(over.text.empty());
  CHECK(over.error == "'" + over_path + "' is larger than 16 MiB");
}

TEST_CASE("source files: a folder lists its files by name, README.md left out") {
  TempDir dir("source-files-folder");
  dir.write("b.md", "second");
  dir.write("a.md", "first");
  dir.write("README.md", "not a lesson");
  dir.write("notes.txt", "other extension");
  const files::SourcesRead read = files::read_sources(dir.path.string(), ".md");
  REQUIRE(read.ok());
  REQUIRE(read.files.size() == 2);
  CHECK(read.files[0].text == "first");
  CHECK(read.files[1].text == "second");
  CHECK_FALSE(files::read_sources((dir.path / "missing").string(), ".md").ok());
  CHECK(files::read_text_file(dir.path.string()).error.find("is a folder") != std::string::npos);
}

TEST_CASE("source files: only regular files with the extension are listed, named inside the folder") {
  TempDir dir("source-files-kinds");
  dir.write("lesson.md", "kept");
  dir.write(".md", "a hidden file, no extension");
  dir.write("lesson.md.orig", "another extension");
  std::filesystem::create_directories(dir.path / "folder.md");
  std::filesystem::create_symlink(dir.path / "lesson.md", dir.path / "linked.md");
  for (const std::string& folder : {dir.path.string(), dir.path.string() + "/"}) {
    const files::SourcesRead read = files::read_sources(folder, ".md");
    REQUIRE(read.ok());
    REQUIRE(read.files.size() == 2);
    CHECK(read.files[0].name == (dir.path / "lesson.md").string());
    CHECK(read.files[1].name == (dir.path / "linked.md").string());
    CHECK(read.files[1].text == "kept");
  }
  // A folder with none of them says so; a file given by name is read as is.
  CHECK(files::read_sources(dir.path.string(), ".gift").error == dir.path.string() + " contains no .gift files");
  const files::SourcesRead one = files::read_sources((dir.path / "lesson.md.orig").string(), ".md");
  REQUIRE(one.ok());
  CHECK(one.files.at(0).text == "another extension");
  CHECK(files::read_sources((dir.path / "missing").string(), ".md").error ==
        "no such file or directory: " + (dir.path / "missing").string());
}
