// --set PATH=VALUE: the value is written into the parsed tree, then the tree is loaded as usual,
// so a set value is checked exactly as a value in the file; errors at the fields it wrote name
// the --set argument (set_values.hpp).
#include "set_values.hpp"

#include "coachsim/i18n/tr.hpp"
#include "coachsim/scenario/suggest.hpp"
#include "text_util.hpp"
#include "uncertainty.hpp"

namespace coachsim::scenario {

std::optional<SetValue> parse_set_argument(const std::string& argument, std::string& error) {
  int depth = 0;
  for (std::size_t i = 0; i < argument.size(); ++i) {
    const char c = argument[i];
    depth += c == '[' ? 1 : c == ']' ? -1 : 0;
    if (c != '=' || depth != 0) continue;
    SetValue set{argument, detail::trim(argument.substr(0, i)),
                 detail::trim(argument.substr(i + 1))};
    if (set.path.empty()) break;
    return set;
  }
  error =
      trf("--set {0}: expected PATH=VALUE, e.g. 'regions[Loreto].coaches=352' or "
          "'coach.monthly_fee=4200 PEN/month'",
          {detail::in_quotes(argument)});
  return std::nullopt;
}

namespace detail {

std::string set_label(const SetValue& set) { return "--set " + in_quotes(set.argument); }

namespace {

bool digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// The map's keys, for a did-you-mean.
std::vector<std::string> keys_of(const YAML::Node& map) {
  std::vector<std::string> keys;
  for (const auto& pair : map)
    if (pair.first.IsScalar()) keys.push_back(pair.first.Scalar());
  return keys;
}

// Applies one set; returns its index path, or "" after reporting an error.
std::string apply_one(YAML::Node& root, const SetValue& set, std::vector<LoadError>& errors) {
  const auto fail = [&](const std::string& message) {
    errors.push_back(LoadError{set_label(set), 0, 0, set.path, message});
    return std::string();
  };
  std::vector<Segment> segments;
  if (!parse_segments(set.path, segments)) {
    return fail(
        trf("expected a field path like 'coach.monthly_fee', 'regions[Loreto].coaches' or "
            "'years[2021].contract.start', got {0}",
            {in_quotes(set.path)}));
  }
  YAML::Node node;
  node.reset(root);
  std::string index_path;
  for (std::size_t s = 0; s < segments.size(); ++s) {
    const Segment& seg = segments[s];
    const bool last = s + 1 == segments.size() && seg.selectors.empty();
    if (!node.IsMap()) {
      return fail(index_path.empty()
                      ? trf("cannot set {0} inside the document, which is {1}, not a map",
                            {in_quotes(seg.key), describe_node(node)})
                      : trf("cannot set {0} inside {1}, which is {2}, not a map",
                            {in_quotes(seg.key), index_path, describe_node(node)}));
    }
    index_path = index_path.empty() ? seg.key : index_path + "." + seg.key;
    YAML::Node child = map_value(node, seg.key);
    if (!child.IsDefined()) {
      // A new key: the loader reports it as unknown (with a did-you-mean) if it is not one.
      if (!seg.selectors.empty()) {
        return fail(trf("the scenario has no list {0} at {1}{2}",
                        {in_quotes(seg.key), index_path, did_you_mean(seg.key, keys_of(node))}));
      }
      node[seg.key] = last ? YAML::Node(set.value) : YAML::Node(YAML::NodeType::Map);
      child.reset(node[seg.key]);
    }
    node.reset(child);  // rebinds the handle (operator= would overwrite the node it names)
    for (const std::string& sel : seg.selectors) {
      if (!node.IsSequence()) {
        return fail(trf("{0} is {1}, not a list to pick [{2}] from",
                        {index_path, describe_node(node), sel}));
      }
      if (sel == "*") {
        const std::string example =
            seg.key + "[" + (node.size() > 0 ? item_key(node[0]) : std::string("id")) + "]";
        return fail(trf("[*] picks every item; --set changes one value: name the item, e.g. {0}",
                        {example}));
      }
      std::vector<std::string> ids;
      std::size_t hit = node.size();
      for (std::size_t i = 0; i < node.size(); ++i) {
        ids.push_back(item_key(node[i]));
        if (ids.back() == sel && hit == node.size()) hit = i;
      }
      if (hit == node.size() && digits(sel) && std::stoull(sel) < node.size())
        hit = std::stoull(sel);
      if (hit == node.size()) {
        return fail(
            trf("no item {0} in {1}{2}", {in_quotes(sel), index_path, did_you_mean(sel, ids)}));
      }
      index_path += "[" + std::to_string(hit) + "]";
      node.reset(YAML::Node(node[hit]));
    }
  }
  if (node.IsMap() || node.IsSequence()) {
    return fail(trf("{0} names {1}; --set changes a single value",
                    {in_quotes(set.path), describe_node(node)}));
  }
  node = set.value;  // yaml-cpp nodes are handles: this writes into the tree
  return index_path;
}

bool inside(const std::string& field, const std::string& path) {
  if (field.compare(0, path.size(), path) != 0) return false;
  return field.size() == path.size() || field[path.size()] == '.' || field[path.size()] == '[';
}

}  // namespace

std::vector<AppliedSet> apply_sets(YAML::Node& root, const std::vector<SetValue>& sets,
                                   std::vector<LoadError>& errors) {
  std::vector<AppliedSet> applied;
  if (!root.IsMap()) return applied;
  for (const SetValue& set : sets) {
    std::string path = apply_one(root, set, errors);
    if (!path.empty()) applied.push_back(AppliedSet{&set, std::move(path)});
  }
  return applied;
}

void attribute_to_sets(std::vector<LoadError>& errors, const std::vector<AppliedSet>& applied) {
  for (LoadError& e : errors) {
    for (const AppliedSet& a : applied) {
      if (!inside(e.field, a.index_path)) continue;
      e.file = set_label(*a.set);
      e.line = 0;
      e.column = 0;
    }
  }
}

}  // namespace detail
}  // namespace coachsim::scenario
