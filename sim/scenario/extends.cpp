// `extends:`: a scenario file written as a few changes to another (see docs/extends.md).
//
// Each file is parsed with its lines shifted past those of the files parsed before it, so a
// node's mark line tells both the file and the line within it (the SourceMap); merged trees
// keep the original nodes, so every value keeps the position of the file that wrote it.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/input_file.hpp"
#include "coachsim/scenario/workbook.hpp"
#include "text_util.hpp"
#include "tree_loader.hpp"
#include "workbook_text.hpp"

namespace coachsim::scenario::detail {

namespace {

constexpr std::string_view kBuiltinDefault = "builtin:default";

struct Resolver {
  std::string top_dir;
  int next_line = 0;
  std::uintmax_t total_bytes = 0;  // of every file read so far (kMaxExtendsTotalBytes)
  ResolvedSource out;

  struct File {
    std::string name;      // as shown in errors
    std::string dir;       // where its relative paths resolve
    std::string identity;  // for cycle detection
    int first_line = 0;
  };

  void error(const File& file, const YAML::Mark& mark, const std::string& field,
             std::string message) {
    const int line = mark.is_null() ? 0 : mark.line - file.first_line + 1;
    const int column = mark.is_null() ? 0 : mark.column + 1;
    out.errors.push_back(LoadError{file.name, line, column, field, std::move(message)});
  }

  // Paths in keys ending in `_csv` resolve against the folder of the file that wrote them; the
  // loader resolves them against the top file's folder, so rewrite those of other folders.
  // Aliases share their node, so a tree of a few lines can reach the same map exponentially
  // often (a "billion laughs" file): each map and list is walked once, known by its position in
  // the text (unique within one file), which also keeps a shared path from being rebased twice.
  void rebase_csv_paths(YAML::Node node, const std::string& dir,
                        std::set<std::pair<int, bool>>& walked) {
    if (!node.IsSequence() && !node.IsMap()) return;
    if (!node.Mark().is_null() && !walked.insert({node.Mark().pos, node.IsMap()}).second) return;
    if (node.IsSequence()) {
      for (auto item : node) rebase_csv_paths(item, dir, walked);
      return;
    }
    for (auto pair : node) {
      YAML::Node value = pair.second;
      const std::string key = pair.first.IsScalar() ? pair.first.Scalar() : std::string();
      const bool csv = key.size() > 4 && key.compare(key.size() - 4, 4, "_csv") == 0;
      if (csv && value.IsScalar()) {
        namespace fs = std::filesystem;
        const fs::path written(value.Scalar());
        // A workbook's Schools sheet is named, not a file: nothing to rebase.
        if (written.is_absolute() || out.csv_texts.count(value.Scalar()) > 0) continue;
        const fs::path actual = (fs::path(dir) / written).lexically_normal();
        fs::path relative = top_dir.empty() ? actual : actual.lexically_relative(top_dir);
        if (relative.empty()) relative = fs::absolute(actual);
        value = relative.generic_string();  // keeps the node's mark
      } else {
        rebase_csv_paths(value, dir, walked);
      }
    }
  }

  static YAML::Node find(const YAML::Node& map, const std::string& key) {
    for (const auto& pair : map) {
      if (pair.first.IsScalar() && pair.first.Scalar() == key) return pair.second;
    }
    return YAML::Node(YAML::NodeType::Undefined);
  }

  static bool id_list(const YAML::Node& list) {
    if (!list.IsSequence() || list.size() == 0) return false;
    for (const auto& item : list) {
      if (!item.IsMap() || !find(item, "id").IsScalar()) return false;
    }
    return true;
  }

  // Merges `over` into `base` in place: maps recursively, lists of maps with ids item by item,
  // anything else replaced. Nodes from `over` are linked in, not copied, to keep their marks.
  // (YAML::Node's assignment would make two nodes share one value, which the emitter cannot
  // handle, so a changed map is rebuilt from its entries instead.)
  void merge(YAML::Node base, const YAML::Node& over, bool top) {
    struct Entry {
      YAML::Node key;
      std::optional<YAML::Node> value;
    };
    std::vector<Entry> entries;
    for (const auto& pair : base) entries.push_back(Entry{pair.first, YAML::Node(pair.second)});
    const std::size_t base_size = entries.size();
    std::vector<std::string> seen;
    bool rebuild = false;
    for (const auto& pair : over) {
      const std::string key = pair.first.IsScalar() ? pair.first.Scalar() : std::string();
      if (top && key == "extends") continue;
      const bool repeated = std::find(seen.begin(), seen.end(), key) != seen.end();
      seen.push_back(key);
      auto it = std::find_if(
          entries.begin(), entries.begin() + static_cast<long>(base_size), [&](const Entry& e) {
            return pair.first.IsScalar() && e.key.IsScalar() && e.key.Scalar() == key;
          });
      if (repeated || it == entries.begin() + static_cast<long>(base_size)) {
        // A new key (or a duplicate, left in for the loader to report).
        entries.push_back(Entry{pair.first, YAML::Node(pair.second)});
        rebuild = true;
      } else if (it->value->IsMap() && pair.second.IsMap()) {
        merge(*it->value, pair.second, false);
      } else if (id_list(*it->value) && id_list(pair.second)) {
        merge_by_id(*it->value, pair.second);
      } else {
        it->value.emplace(pair.second);
        rebuild = true;
      }
    }
    if (!rebuild) return;
    for (std::size_t i = 0; i < base_size; ++i) base.remove(entries[i].key);
    for (const Entry& e : entries) base.force_insert(e.key, *e.value);
  }

  void merge_by_id(YAML::Node base, const YAML::Node& over) {
    for (const auto& item : over) {
      const std::string id = find(item, "id").Scalar();
      bool merged = false;
      for (auto base_item : base) {
        if (find(base_item, "id").Scalar() == id) {
          merge(base_item, item, false);
          merged = true;
          break;
        }
      }
      if (!merged) base.push_back(item);
    }
  }

  static std::string identity_of(const std::string& name) {
    std::error_code ec;
    const auto canonical = std::filesystem::weakly_canonical(name, ec);
    return ec ? name : canonical.string();
  }

  // Parses one file and the chain it extends; nullopt after reporting errors.
  std::optional<YAML::Node> resolve(std::string_view text, File file, std::vector<File> chain) {
    if (const auto bad = find_invalid_utf8(text)) {
      out.errors.push_back(
          LoadError{file.name, bad->line, bad->column, "", invalid_utf8_message(text, *bad)});
      return std::nullopt;
    }
    file.first_line = next_line;
    out.sources.push_back(SourceLines{file.first_line, file.name});
    next_line += static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 2;
    YAML::Node root;
    try {
      root = YAML::Load(std::string(static_cast<std::size_t>(file.first_line), '\n') +
                        std::string(text));
    } catch (const YAML::Exception& e) {
      // yaml-cpp's own description stays in English: it is the parser's, not coachsim's.
      error(file, e.mark, "", trf("malformed YAML: {0}", {e.msg}));
      return std::nullopt;
    }
    if (!root.IsDefined() || root.IsNull()) {
      out.errors.push_back(LoadError{
          file.name, 1, 1, "",
          trf("the scenario is empty; expected a map with keys {0}", {join(top_level_keys())})});
      return std::nullopt;
    }
    if (file.dir != top_dir) {
      std::set<std::pair<int, bool>> walked;
      rebase_csv_paths(root, file.dir, walked);
    }
    if (!root.IsMap()) return root;
    const YAML::Node extends = find(root, "extends");
    if (!extends.IsDefined()) return root;
    if (!extends.IsScalar() || extends.Scalar().empty()) {
      error(file, extends.Mark(), "extends",
            trf("expected the file this scenario extends (a path relative to this file, or "
                "'{0}'), got {1}",
                {kBuiltinDefault, describe_node(extends)}));
      return std::nullopt;
    }
    const std::string target = extends.Scalar();
    File base;
    std::string base_text;
    if (target == kBuiltinDefault) {
      base = File{std::string(kDefaultScenarioName), ".", std::string(kBuiltinDefault), 0};
      base_text = std::string(default_scenario_text());
    } else {
      namespace fs = std::filesystem;
      const std::string path = file.dir.empty() || fs::path(target).is_absolute()
                                   ? target
                                   : (fs::path(file.dir) / target).lexically_normal().string();
      base = File{path, fs::path(path).parent_path().string(), identity_of(path), 0};
      std::string problem;
      if (is_workbook_path(path)) {
        // An input workbook (coachsim optimise writes a plan that extends the scenario it was
        // given): its sheets as YAML, and its Schools sheet as CSV texts.
        WorkbookText book = workbook_text(path);
        base_text = book.yaml;
        if (!book.errors.empty()) problem = book.errors.front().to_string();
        out.csv_texts.insert(book.csv_texts.begin(), book.csv_texts.end());
        if (!problem.empty() || base_text.empty()) {
          error(file, extends.Mark(), "extends",
                problem.empty() ? trf("cannot read the workbook {0}", {in_quotes(path)}) : problem);
          return std::nullopt;
        }
      } else if (!read_file(path, base_text, problem)) {
        error(file, extends.Mark(), "extends", problem);
        return std::nullopt;
      }
    }
    chain.push_back(file);
    if (static_cast<int>(chain.size()) >= kMaxExtendsDepth) {
      error(file, extends.Mark(), "extends",
            trf("too many files extend one another (the limit is {0} in one chain, README "
                "\"Limits\")",
                {std::to_string(kMaxExtendsDepth)}));
      return std::nullopt;
    }
    total_bytes += base_text.size();
    if (total_bytes > kMaxExtendsTotalBytes) {
      error(file, extends.Mark(), "extends",
            trf("the scenario and the files it extends are larger than the limit of {0} "
                "together (README \"Limits\")",
                {describe_bytes(kMaxExtendsTotalBytes)}));
      return std::nullopt;
    }
    for (const File& earlier : chain) {
      if (earlier.identity != base.identity) continue;
      // "'a.yaml' extends 'b.yaml' extends 'a.yaml'", one sentence link by link.
      std::string cycle = in_quotes(chain.front().name);
      for (std::size_t i = 1; i < chain.size(); ++i)
        cycle = trf("{0} extends {1}", {cycle, in_quotes(chain[i].name)});
      cycle = trf("{0} extends {1}", {cycle, in_quotes(base.name)});
      error(file, extends.Mark(), "extends", trf("extends forms a cycle: {0}", {cycle}));
      return std::nullopt;
    }
    auto base_root = resolve(base_text, base, chain);
    if (!base_root) return std::nullopt;
    if (!base_root->IsMap()) {
      error(file, extends.Mark(), "extends",
            trf("the extended scenario {0} is not a map of scenario keys", {in_quotes(base.name)}));
      return std::nullopt;
    }
    merge(*base_root, root, true);
    return base_root;
  }
};

}  // namespace

ResolvedSource resolve_source(std::string_view text, const std::string& name,
                              const std::string& base_dir) {
  Resolver resolver;
  resolver.top_dir = base_dir;
  resolver.total_bytes = text.size();
  const Resolver::File top{name, base_dir, Resolver::identity_of(name), 0};
  auto root = resolver.resolve(text, top, {});
  if (root) {
    resolver.out.root = *root;
    if (resolver.out.sources.size() == 1) {
      resolver.out.text = std::string(text);
    } else {
      YAML::Emitter emitter;
      emitter << *root;
      resolver.out.text = std::string(emitter.c_str()) + "\n";
    }
  }
  return std::move(resolver.out);
}

}  // namespace coachsim::scenario::detail
