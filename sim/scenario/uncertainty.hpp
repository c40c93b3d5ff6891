// The `uncertainty:` section: declared distributions of scenario values (see docs/uncertainty.md).
// Private to the scenario module.
#pragma once

#include <string>
#include <vector>

#include "coachsim/scenario/document.hpp"
#include "coachsim/stochastic/distributions.hpp"
#include "yaml_reader.hpp"

namespace coachsim::scenario::detail {

// A field path's parts: "regions[Loreto].coaches" is {regions, [Loreto]}, {coaches, []}.
struct Segment {
  std::string key;                     // may be empty after the first segment ("a[1][2]")
  std::vector<std::string> selectors;  // the [..] parts
};
// False when `field` is not a path (empty part, unbalanced brackets).
bool parse_segments(const std::string& field, std::vector<Segment>& out);
// `map`'s value at `key` (Undefined when it has none), without inserting into it.
YAML::Node map_value(const YAML::Node& map, const std::string& key);
// A list item's identifying value (`id`, `year` or `region`), or "" when it has none.
std::string item_key(const YAML::Node& item);

// One scalar of the tree that an uncertain input sets.
struct PathMatch {
  std::string id_path;     // e.g. "geographies[andes].speed": the key of its random stream
  std::string index_path;  // e.g. "geographies[1].speed": the loader's name for the field
  std::string text;        // the nominal value as written, e.g. "25 km/h"
};

struct UncertainSpec {
  std::size_t entry = 0;  // position in the `uncertainty:` list
  std::string file;       // the file that wrote the entry (a base file, with `extends:`)
  UncertainInput info;
  stochastic::Distribution distribution;  // of the value, or of the factor for factor inputs
  bool factor = false;
  bool shared = false;  // one draw for every match
  std::string suffix;   // what follows the number in the parameters, e.g. " PEN/month", "%"
  std::vector<PathMatch> matches;
};

// Every scalar a field path names, e.g. "geographies[*].speed", "years[2021].contract.start",
// "regions[lima].staff.coach". A selector in brackets picks list items by their `id` (or
// `year`, `region`) value, by position, or all with `*`. Sets `error` when the path is
// malformed or names something that is not a single value.
std::vector<PathMatch> match_path(const YAML::Node& root, const std::string& field,
                                  std::string& error);

// Reads `uncertainty:` (form, units, parameter order, paths); problems go to the reader.
std::vector<UncertainSpec> parse_uncertainty(Reader& reader, const YAML::Node& root);

// The text to write at `match` for the input's value `value` (the factor for factor inputs):
// money with two decimals; plain numbers and day counts rounded half away from zero to an
// integer when the nominal value is written as an integer; anything else as the shortest
// decimal that reads back as the same double.
std::string value_text(const UncertainSpec& spec, const PathMatch& match, double value);

// How a value of the input reads in messages, e.g. "4000 PEN/month" or "factor 0.5".
std::string describe_value(const UncertainSpec& spec, double value);

}  // namespace coachsim::scenario::detail
