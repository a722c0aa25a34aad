#include "cli/args.h"

namespace portlab::cli {

Args::Args(int argc, char** argv, int first, const std::vector<OptionSpec>& options,
           int max_positionals) {
  for (int i = first; i < argc; ++i) {
    const std::string word = argv[i];
    if (word.size() > 2 && word.compare(0, 2, "--") == 0) {
      std::string name = word.substr(2);
      std::string inline_value;
      bool has_inline = false;
      if (size_t eq = name.find('='); eq != std::string::npos) {
        inline_value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_inline = true;
      }
      const OptionSpec* spec = nullptr;
      for (const OptionSpec& o : options)
        if (o.name == name) spec = &o;
      if (!spec) throw UsageError("unknown option '--" + name + "'");
      if (!spec->repeatable && values_.count(name))
        throw UsageError("option '--" + name + "' given more than once");
      if (!spec->takes_value) {
        if (has_inline) throw UsageError("option '--" + name + "' takes no value");
        values_[name].push_back("");
        continue;
      }
      if (has_inline) {
        values_[name].push_back(inline_value);
      } else {
        if (i + 1 >= argc) throw UsageError("option '--" + name + "' needs a value");
        values_[name].push_back(argv[++i]);
      }
      continue;
    }
    if (static_cast<int>(positionals_.size()) >= max_positionals)
      throw UsageError("unexpected argument '" + word + "'");
    positionals_.push_back(word);
  }
}

std::string Args::value(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second.front();
}

std::string Args::required(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) throw UsageError("option '--" + name + "' is required");
  return it->second.front();
}

const std::vector<std::string>& Args::values(const std::string& name) const {
  static const std::vector<std::string> none;
  auto it = values_.find(name);
  return it == values_.end() ? none : it->second;
}

uint16_t Args::port(const std::string& name) const {
  return checked(net::parse_port(required(name)), name);
}

long long Args::integer(const std::string& name, long long lo, long long hi,
                        long long fallback) const {
  if (!has(name)) return fallback;
  return checked(net::parse_integer(value(name), lo, hi), name);
}

net::Transport Args::transport(const std::string& name, net::Transport fallback) const {
  if (!has(name)) return fallback;
  return checked(net::parse_transport(value(name)), name);
}

}  // namespace portlab::cli
