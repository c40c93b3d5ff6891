// The loader's layers, private to the scenario module:
//   resolve_source  text (+ the files it `extends:`) -> one parsed tree and its source map;
//   load_tree       parsed tree -> Scenario and errors (optionally with scalar overrides);
//   load_document_full  both, plus the `uncertainty:` section -> a ScenarioDocument.
// load_scenario_text/file and load_document_text/file are thin wrappers over these.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "coachsim/scenario/document.hpp"
#include "coachsim/scenario/loader.hpp"
#include "yaml_reader.hpp"

namespace coachsim::scenario::detail {

// The top-level keys of a scenario file.
const std::vector<std::string>& top_level_keys();

struct TreeOptions {
  const SourceMap* sources = nullptr;
  const ScalarOverrides* overrides = nullptr;
  CsvCache* csv_cache = nullptr;
  const std::map<std::string, std::string>* csv_texts = nullptr;
};

// Loads and validates a parsed scenario tree (with `extends:` already resolved; the
// `uncertainty:` section is skipped). `overrides_used`, when given, receives how many
// overridden scalars were read.
LoadResult load_tree(const YAML::Node& root, const std::string& name, const std::string& base_dir,
                     const TreeOptions& options, std::size_t* overrides_used = nullptr);

// Errors in the scenario file first, by position; then those in other files (base files, CSV).
void sort_errors(std::vector<LoadError>& errors, const std::string& name);

// A scenario file with the files it extends merged in.
struct ResolvedSource {
  YAML::Node root;
  SourceMap sources;
  std::string text;  // the resolved YAML: the file as written when it extends nothing
  // The Schools sheets of extended workbooks, by their schools_csv names (workbook_text.hpp).
  std::map<std::string, std::string> csv_texts;
  std::vector<LoadError> errors;
};
ResolvedSource resolve_source(std::string_view text, const std::string& name,
                              const std::string& base_dir);

// Reads a whole file; on failure returns false and sets `error` to a message.
bool read_file(const std::string& path, std::string& text, std::string& error);

struct FullLoad {
  LoadResult nominal;  // every error of the document, and the (partial) nominal scenario
  std::shared_ptr<const ScenarioDocument> document;  // null when there are errors
};
FullLoad load_document_full(std::string_view text, const std::string& name,
                            const std::string& base_dir, const LoadOptions& options = {});

}  // namespace coachsim::scenario::detail
