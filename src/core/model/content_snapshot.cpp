#include "core/model/content_snapshot.h"

#include <cstdint>
#include <cstring>
#include <set>
#include <type_traits>
#include <utility>

namespace portlab::model {

namespace {

// Changes whenever the layout below changes; a snapshot of another layout
// is refused rather than misread.
constexpr std::string_view kMagic = "PortLab content snapshot 2\n";

// The largest value of each enum the snapshot holds, so a damaged byte
// cannot become a value the app's switches do not know.
template <class E>
constexpr E kLast = E{};
template <>
constexpr course::Span::Style kLast<course::Span::Style> = course::Span::Style::Link;
template <>
constexpr course::Block::Kind kLast<course::Block::Kind> = course::Block::Kind::Note;
template <>
constexpr course::Directive::Kind kLast<course::Directive::Kind> = course::Directive::Kind::Quiz;
template <>
constexpr quiz::QuestionType kLast<quiz::QuestionType> = quiz::QuestionType::Simulation;
template <>
constexpr quiz::Topic kLast<quiz::Topic> = quiz::Topic::Protocols;

// Every field of every struct, in order, once: the same list writes and
// reads, so the two cannot disagree. A field missing here is lost from the
// page's course; tests/core/content_snapshot_test.cpp checks the structs'
// sizes so a new field cannot be forgotten unnoticed.
template <class A>
void fields(A& a, course::Span& s) {
  a(s.style, s.text, s.target);
}
template <class A>
void fields(A& a, course::Block& b) {
  a(b.kind, b.line, b.level, b.ordered, b.number, b.text, b.rows, b.code, b.language);
}
template <class A>
void fields(A& a, course::Param& p) {
  a(p.key, p.value, p.line);
}
template <class A>
void fields(A& a, course::Directive& d) {
  a(d.kind, d.line, d.after_block, d.params);
}
template <class A>
void fields(A& a, course::Step& s) {
  a(s.title, s.line, s.blocks, s.directives);
}
template <class A>
void fields(A& a, course::Lesson& l) {
  a(l.file, l.id, l.title, l.summary, l.order, l.objectives, l.exam, l.steps);
}
template <class A>
void fields(A& a, course::Issue& i) {
  a(i.file, i.line, i.message);
}
template <class A>
void fields(A& a, course::Course& c) {
  a(c.lessons, c.issues);
}
template <class A>
void fields(A& a, quiz::ChoiceOption& o) {
  a(o.text, o.fraction, o.feedback);
}
template <class A>
void fields(A& a, quiz::NumericAnswer& n) {
  a(n.low, n.high, n.fraction, n.feedback);
}
template <class A>
void fields(A& a, quiz::TextAnswer& t) {
  a(t.text, t.fraction, t.feedback);
}
template <class A>
void fields(A& a, quiz::MatchPair& p) {
  a(p.prompt, p.answer);
}
template <class A>
void fields(A& a, quiz::SimulationTask& t) {
  a(t.task_id, t.params);
}
template <class A>
void fields(A& a, quiz::Question& q) {
  a(q.id, q.type, q.topic, q.exam_tags, q.covers, q.difficulty, q.advanced, q.reasoning, q.prompt, q.missing_word, q.explanation, q.options, q.truth,
    q.feedback_if_true, q.feedback_if_false, q.numeric_answers, q.numeric_fallback_feedback, q.text_answers, q.pairs,
    q.task, q.category, q.source_file, q.source_line);
}
template <class A>
void fields(A& a, Content& c) {
  // Not c.activities: read_snapshot derives them from the course.
  a(c.course, c.bank, c.problems);
}
template <class A>
void fields(A& a, SourceFile& f) {
  a(f.name, f.text);
}
template <class A>
void fields(A& a, ContentSnapshot& s) {
  a(s.content, s.scenarios, s.characters);
}

// Little-endian fixed widths: both builds (x86-64 and wasm32) agree.
class Writer {
 public:
  template <class... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;

  void put_u32(uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  void put(int v) { put_u32(static_cast<uint32_t>(v)); }
  void put(bool v) { out_.push_back(v ? 1 : 0); }
  void put(double v) {
    uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    put_u32(static_cast<uint32_t>(bits));
    put_u32(static_cast<uint32_t>(bits >> 32));
  }
  void put(const std::string& s) {
    put_u32(static_cast<uint32_t>(s.size()));
    out_ += s;
  }
  template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
  void put(E e) {
    out_.push_back(static_cast<char>(e));
  }
  template <class T, class U>
  void put(const std::pair<T, U>& p) {
    put(p.first);
    put(p.second);
  }
  template <class T>
  void put(const std::vector<T>& items) {
    put_u32(static_cast<uint32_t>(items.size()));
    for (const T& item : items) put(item);
  }
  // A struct: its fields() list (which takes a mutable reference so one
  // list serves reading too; writing only reads through it).
  template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0>
  void put(const T& record) {
    fields(*this, const_cast<T&>(record));
  }
};

class Reader {
 public:
  // Reads from byte `start` on; errors count bytes from the file's start.
  Reader(std::string_view bytes, size_t start) : in_(bytes), pos_(start) {}
  template <class... T>
  void operator()(T&... values) {
    (get(values), ...);
  }
  bool failed() const { return !error_.empty(); }
  bool at_end() const { return pos_ == in_.size(); }
  const std::string& error() const { return error_; }
  void fail(const std::string& what) {
    if (error_.empty()) error_ = what + " at byte " + std::to_string(pos_);
  }

 private:
  std::string_view in_;
  size_t pos_;
  std::string error_;

  size_t left() const { return in_.size() - pos_; }
  // Reads `n` bytes, or fails (and gives zeros) when there are fewer.
  const char* take(size_t n) {
    static const char zeros[8] = {};
    if (failed() || n > left()) {
      fail("the snapshot ends early");
      return zeros;
    }
    const char* p = in_.data() + pos_;
    pos_ += n;
    return p;
  }
  uint32_t get_u32() {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(take(4));
    return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
  }
  // A count of things that each take at least one byte: more than the
  // bytes left is damage, refused before anything is allocated.
  size_t get_count() {
    const uint32_t n = get_u32();
    if (n > left()) fail("a length larger than the snapshot");
    return failed() ? 0 : n;
  }
  void get(int& v) { v = static_cast<int>(get_u32()); }
  void get(bool& v) {
    const char byte = *take(1);
    if (byte != 0 && byte != 1) fail("a flag that is neither 0 nor 1");
    v = byte == 1;
  }
  void get(double& v) {
    const uint64_t low = get_u32();
    const uint64_t bits = low | uint64_t{get_u32()} << 32;
    std::memcpy(&v, &bits, sizeof v);
  }
  void get(std::string& s) {
    const size_t n = get_count();
    s.assign(take(n), failed() ? 0 : n);
  }
  template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
  void get(E& e) {
    const auto value = static_cast<unsigned char>(*take(1));
    if (value > static_cast<unsigned>(kLast<E>)) fail("an unknown kind");
    e = failed() ? E{} : static_cast<E>(value);
  }
  template <class T, class U>
  void get(std::pair<T, U>& p) {
    get(p.first);
    get(p.second);
  }
  template <class T>
  void get(std::vector<T>& items) {
    const size_t n = get_count();
    items.clear();
    items.reserve(n);
    for (size_t i = 0; i < n && !failed(); ++i) get(items.emplace_back());
  }
  template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0>
  void get(T& record) {
    fields(*this, record);
  }
};

// Each distinct non-ASCII character of `text`, appended to `seen`. The
// bytes of a UTF-8 character past the first all start with the bits 10.
void collect_characters(std::string_view text, std::set<std::string>& seen) {
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    seen.emplace(text.substr(i, end - i));
    i = end;
  }
}

}  // namespace

ContentSnapshot snapshot_content(const std::vector<SourceFile>& lesson_files, const std::vector<SourceFile>& bank_files,
                                 std::vector<SourceFile> scenario_files) {
  ContentSnapshot snapshot;
  snapshot.content = load_content(lesson_files, bank_files);
  std::set<std::string> seen;
  const std::vector<SourceFile>& scenarios = scenario_files;
  for (const std::vector<SourceFile>* files : {&lesson_files, &bank_files, &scenarios})
    for (const SourceFile& file : *files) collect_characters(file.text, seen);
  for (const std::string& c : seen) snapshot.characters += c;
  snapshot.scenarios = std::move(scenario_files);
  return snapshot;
}

std::string write_snapshot(const ContentSnapshot& snapshot) {
  Writer writer;
  writer(snapshot);
  return std::string(kMagic) + writer.take();
}

std::optional<ContentSnapshot> read_snapshot(std::string_view bytes, std::string& error) {
  if (bytes.substr(0, kMagic.size()) != kMagic) {
    error = "not a content snapshot of this version of PortLab";
    return std::nullopt;
  }
  Reader reader(bytes, kMagic.size());
  ContentSnapshot snapshot;
  reader(snapshot);
  if (!reader.failed() && !reader.at_end()) reader.fail("bytes after the end of the course");
  if (reader.failed()) {
    error = "damaged content snapshot: " + reader.error();
    return std::nullopt;
  }
  // Activities are not stored: they are derived from the course again. The
  // problems they find were found when the snapshot was made and are in it.
  std::vector<course::Issue> known;
  snapshot.content.activities = activity::course_activities(snapshot.content.course, known);
  return snapshot;
}

}  // namespace portlab::model
