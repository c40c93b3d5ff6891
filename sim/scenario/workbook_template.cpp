// A scenario as an input workbook (workbook.hpp): the resolved YAML tree is cut into sheets.
// Maps become Settings rows (one value a row), lists of maps become Tables (one item a row),
// the aggregates of each region a Child table, schools CSVs the Schools sheet. What has no
// place in a table cell of its own (a list of UGELs, a distribution) is written in YAML flow
// form ("[1, 1, 3]", "{lognormal: [70, 0.7], max: 350}") and read back as such.
#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <set>

#include "coachsim/scenario/workbook.hpp"
#include "set_values.hpp"
#include "tree_loader.hpp"
#include "workbook_values.hpp"

namespace coachsim::scenario {

namespace {

using Kind = WorkbookSheet::Kind;

bool identifier(const std::string& key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// The value under `key` of a map, or an undefined node (operator[] on a const node that lacks
// the key gives an invalid node, which throws when asked its type).
YAML::Node get(const YAML::Node& map, const std::string& key) {
  if (map.IsMap()) {
    for (const auto& pair : map)
      if (pair.first.IsScalar() && pair.first.Scalar() == key) return pair.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

bool is_map_of_identifiers(const YAML::Node& node) {
  if (!node.IsMap() || node.size() == 0) return false;
  for (const auto& pair : node)
    if (!pair.first.IsScalar() || !identifier(pair.first.Scalar())) return false;
  return true;
}

bool is_list_of_maps(const YAML::Node& node) {
  if (!node.IsSequence() || node.size() == 0) return false;
  for (const auto& item : node)
    if (!is_map_of_identifiers(item)) return false;
  return true;
}

bool all_scalars(const YAML::Node& map) {
  for (const auto& pair : map)
    if (!pair.second.IsScalar()) return false;
  return true;
}

void flow_style(YAML::Node node) {
  if (node.IsMap() || node.IsSequence()) node.SetStyle(YAML::EmitterStyle::Flow);
  if (node.IsMap()) {
    for (auto pair : node) flow_style(pair.second);
  } else if (node.IsSequence()) {
    for (auto item : node) flow_style(item);
  }
}

// A list or map as one line of YAML flow text.
std::string flow_text(const YAML::Node& node) {
  YAML::Node copy = YAML::Clone(node);
  flow_style(copy);
  YAML::Emitter emitter;
  emitter.SetMapFormat(YAML::Flow);
  emitter.SetSeqFormat(YAML::Flow);
  emitter << copy;
  return emitter.c_str();
}

// A value of the tree before it is put in a cell: a scalar's text, or flow text.
struct Value {
  std::string text;
  bool flow = false;
};

Value value_of(const YAML::Node& node) {
  if (node.IsScalar()) return Value{node.Scalar(), false};
  return Value{flow_text(node), true};
}

WorkbookCell text_cell(std::string text) {
  WorkbookCell c;
  c.kind = WorkbookCell::Kind::kText;
  c.text = std::move(text);
  return c;
}

WorkbookCell number_cell(double v) {
  WorkbookCell c;
  c.kind = WorkbookCell::Kind::kNumber;
  c.number = v;
  return c;
}

// The cell for `value` under a header of unit `unit` ("" for none).
WorkbookCell cell_of(const Value& value, const std::string& unit) {
  if (value.flow) return text_cell(value.text);
  if (value.text == "true" || value.text == "false") {
    WorkbookCell c;
    c.kind = WorkbookCell::Kind::kBool;
    c.flag = value.text == "true";
    return c;
  }
  if (unit.empty()) {
    if (auto n = detail::exact_number(value.text)) return number_cell(*n);
  } else if (auto split = detail::split_unit(value.text); split && split->unit == unit) {
    return number_cell(split->number);
  }
  return text_cell(value.text);
}

std::string unit_of(const Value& value) {
  if (value.flow) return "";
  auto split = detail::split_unit(value.text);
  return split ? split->unit : "";
}

// Sheet names for the parts of a scenario a finance officer knows by name.
const std::map<std::string, std::string>& table_names() {
  static const std::map<std::string, std::string> names = {
      {"regions", "Regions"},
      {"regions.schools", "Schools by type"},
      {"geographies", "Geographies"},
      {"years", "Years"},
      {"years.terms", "Terms"},
      {"protocol.school_types", "School types"},
      {"protocol.caseload_rules", "Caseload rules"},
      {"staff_roles", "Staff roles"},
      {"central_costs", "Central costs"},
      {"budget.pia_overrides", "Budget by region and year"},
      {"budget.changes", "PIM changes"},
      {"budget.rules", "Results-based rules"},
      {"uncertainty", "Uncertainty"}};
  return names;
}

const std::map<std::string, std::string>& settings_names() {
  static const std::map<std::string, std::string> names = {{"calendar", "Calendar"},
                                                           {"protocol", "Protocol"},
                                                           {"coach", "Unit costs"},
                                                           {"supervision", "Unit costs"},
                                                           {"costs", "Unit costs"},
                                                           {"prices", "Unit costs"},
                                                           {"budget", "Budget"},
                                                           {"outcomes", "Outcomes"},
                                                           {"scale_up", "Scale-up"},
                                                           {"coach_supply", "Coach supply"},
                                                           {"teacher_turnover", "Teacher turnover"},
                                                           {"not_coached", "Not coached"}};
  return names;
}

// The order sheets appear in: what a finance officer edits most first.
const std::vector<std::string>& sheet_order() {
  static const std::vector<std::string> order = {"Scenario",
                                                 "Regions",
                                                 "Schools by type",
                                                 "Schools",
                                                 "Unit costs",
                                                 "Staff roles",
                                                 "Central costs",
                                                 "Budget",
                                                 "Budget by region and year",
                                                 "PIM changes",
                                                 "Results-based rules",
                                                 "Calendar",
                                                 "Years",
                                                 "Terms",
                                                 "Protocol",
                                                 "School types",
                                                 "Caseload rules",
                                                 "Geographies"};
  return order;
}

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Validation by field name (the last part of a path), matching the loader's checks.
WorkbookCheck check_for(const std::string& key, const std::string& unit) {
  WorkbookCheck c;
  const auto range = [&](WorkbookCheck::Kind kind, double lo, double hi, std::string what) {
    c.kind = kind;
    c.min = lo;
    c.max = hi;
    c.message = std::move(what);
  };
  if (key == "coaches") {
    range(WorkbookCheck::Kind::kWhole, 1, kMaxRegionCoaches,
          "a whole number of coaches from 1 to " + std::to_string(kMaxRegionCoaches));
  } else if (key == "extra_coaches") {
    range(WorkbookCheck::Kind::kWhole, -kMaxRegionCoaches, kMaxRegionCoaches,
          "a whole number of coaches (negative: fewer than the caseload rules give)");
  } else if (key == "teachers_per_coach") {
    range(WorkbookCheck::Kind::kWhole, 1, kMaxTeachersPerCoach,
          "a whole number of teachers per coach from 1 to " + std::to_string(kMaxTeachersPerCoach));
  } else if (key == "count" || key == "visits_per_coach" || key == "coaches_per_supervisor" ||
             key == "hires_per_month" || key == "stages" || key == "min_students" ||
             key.rfind("staff.", 0) == 0) {
    range(WorkbookCheck::Kind::kWhole, 0, 1e9, "a whole number, 0 or more");
  } else if (key == "year" || key == "price_year") {
    range(WorkbookCheck::Kind::kWhole, 1900, 2200, "a year such as 2021");
  } else if (key == "overhead_rate" || ends_with(key, "_share")) {
    range(WorkbookCheck::Kind::kDecimal, 0, 1, "a share from 0 to 1");
  } else if (key == "venue" || ends_with(key, ".venue")) {
    c.kind = WorkbookCheck::Kind::kList;
    c.choices = {"school", "cluster"};
    c.message = "school or cluster";
  } else if (key == "per_diem_basis") {
    c.kind = WorkbookCheck::Kind::kList;
    c.choices = {"per_day_of_commission", "working_day_away", "session_day"};
    c.message = "per_day_of_commission, working_day_away or session_day";
  } else if (key == "release") {
    c.kind = WorkbookCheck::Kind::kList;
    c.choices = {"monthly", "quarterly", "annual"};
    c.message = "monthly, quarterly or annual";
  } else if (key == "shortfall") {
    c.kind = WorkbookCheck::Kind::kList;
    c.choices = {"drop", "defer", "protect_teachers"};
    c.message = "drop, defer or protect_teachers";
  } else if (!unit.empty()) {
    range(WorkbookCheck::Kind::kDecimal, 0, 1e15, "a number, 0 or more, in " + unit);
  }
  return c;
}

struct Builder {
  Workbook book;
  // A deque: references to a sheet stay valid while sheets are added (a settings sheet is
  // filled on both sides of the tables its maps hold).
  std::deque<WorkbookSheet> sheets;
  std::set<std::string> names;

  WorkbookSheet& sheet(const std::string& name, Kind kind, const std::string& path) {
    for (WorkbookSheet& s : sheets)
      if (s.name == name) return s;
    WorkbookSheet s;
    s.name = name;
    s.kind = kind;
    s.path = path;
    if (kind == Kind::kSettings) {
      s.columns = {{"Field", "", {}}, {"Value", "", {}}, {"Unit", "", {}}};
    }
    sheets.push_back(std::move(s));
    names.insert(name);
    return sheets.back();
  }

  std::string table_name(const std::string& path) {
    const auto known = table_names().find(path);
    if (known != table_names().end()) return known->second;
    std::string name = path;
    std::replace(name.begin(), name.end(), '.', ' ');
    std::replace(name.begin(), name.end(), '_', ' ');
    if (!name.empty())
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    name = name.substr(0, 28);
    std::string unique = name;
    for (int i = 2; names.count(unique) > 0; ++i) unique = name + " " + std::to_string(i);
    return unique;
  }

  void settings_row(WorkbookSheet& s, const std::string& path, const YAML::Node& node) {
    const Value value = value_of(node);
    const std::string unit = unit_of(value);
    s.rows.push_back(
        {text_cell(path), cell_of(value, unit), unit.empty() ? WorkbookCell{} : text_cell(unit)});
    const std::string key =
        path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
    s.row_checks.push_back(check_for(key, unit));
  }

  void settings(WorkbookSheet& s, const std::string& prefix, const YAML::Node& map) {
    for (const auto& pair : map) {
      const std::string path = prefix + "." + pair.first.Scalar();
      const YAML::Node& v = pair.second;
      if (v.IsNull()) continue;
      if (is_list_of_maps(v)) {
        table(path, v, Kind::kTable, nullptr);
      } else if (is_map_of_identifiers(v)) {
        settings(s, path, v);
      } else {
        settings_row(s, path, v);
      }
    }
  }

  // One row's fields: "key" or "key.sub" -> value; lists of maps are handed to `child`.
  template <class Child>
  std::vector<std::pair<std::string, Value>> fields(const YAML::Node& item, Child child) {
    std::vector<std::pair<std::string, Value>> out;
    for (const auto& pair : item) {
      const std::string key = pair.first.Scalar();
      const YAML::Node& v = pair.second;
      if (v.IsNull()) continue;
      if (v.IsMap() && is_map_of_identifiers(v) && all_scalars(v)) {
        for (const auto& sub : v)
          out.emplace_back(key + "." + sub.first.Scalar(), value_of(sub.second));
      } else if (is_list_of_maps(v) && child(key, v)) {
        continue;
      } else {
        out.emplace_back(key, value_of(v));
      }
    }
    return out;
  }

  // The key that names an item of a list in a child sheet: its id (or year), when unique.
  static std::string parent_key(const YAML::Node& list) {
    for (const std::string key : {"id", "year"}) {
      std::set<std::string> seen;
      bool ok = true;
      for (const auto& item : list) {
        const YAML::Node v = get(item, key);
        if (!v.IsScalar() || !seen.insert(v.Scalar()).second) ok = false;
      }
      if (ok) return key;
    }
    return "";
  }

  // Fills a table sheet at `path` from a list of maps. For a child table, `link` gives each
  // row's parent key value and the sheet's first column.
  struct Link {
    std::string column;               // "region"
    std::vector<std::string> values;  // per item
    std::string parent_sheet;
  };

  void table(const std::string& path, const YAML::Node& list, Kind kind, const Link* link) {
    const std::string name = table_name(path);
    const std::string key = link == nullptr ? parent_key(list) : "";
    // Children (a list of maps inside each item), gathered first, written after this sheet.
    std::map<std::string, std::pair<Link, YAML::Node>> children;
    std::vector<std::string> child_order;
    std::vector<std::vector<std::pair<std::string, Value>>> items;
    for (const auto& item : list) {
      items.push_back(fields(item, [&](const std::string& k, const YAML::Node& v) {
        if (link != nullptr || key.empty()) return false;  // no grandchildren: flow text
        auto it = children.find(k);
        if (it == children.end()) {
          std::string column = key == "year" ? "year" : path.substr(path.rfind('.') + 1);
          if (column.size() > 1 && column.back() == 's') column.pop_back();
          it = children
                   .emplace(k, std::make_pair(Link{column, {}, name},
                                              YAML::Node(YAML::NodeType::Sequence)))
                   .first;
          child_order.push_back(k);
        }
        for (const auto& c : v) {
          it->second.first.values.push_back(get(item, key).Scalar());
          it->second.second.push_back(c);
        }
        return true;
      }));
    }
    WorkbookSheet& s = sheet(name, kind, path);
    if (link != nullptr) s.parent = link->parent_sheet;
    std::vector<std::string> keys;
    // A region's coach count is an input even where no region gives one yet: the columns are
    // there, empty (the caseload rules apply), for a finance officer to fill.
    if (path == "regions")
      keys = {"id", "geography", "coaches", "extra_coaches", "teachers_per_coach"};
    for (const auto& row : items)
      for (const auto& [k, v] : row)
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    // Each column's unit: the one most of its numbers carry.
    std::vector<std::string> units;
    for (const std::string& k : keys) {
      std::map<std::string, int> count;
      for (const auto& row : items)
        for (const auto& [rk, v] : row)
          if (rk == k) ++count[unit_of(v)];
      std::string best;
      int most = 0;
      for (const auto& [u, n] : count)
        if (!u.empty() && n > most) best = u, most = n;
      units.push_back(best);
    }
    if (link != nullptr) s.columns.push_back({link->column, "", {}});
    for (std::size_t c = 0; c < keys.size(); ++c)
      s.columns.push_back({keys[c], units[c], check_for(keys[c], units[c])});
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::vector<WorkbookCell> row;
      if (link != nullptr) {
        const Value v{link->values[i], false};
        row.push_back(cell_of(v, ""));
      }
      for (std::size_t c = 0; c < keys.size(); ++c) {
        const auto it = std::find_if(items[i].begin(), items[i].end(),
                                     [&](const auto& f) { return f.first == keys[c]; });
        row.push_back(it == items[i].end() ? WorkbookCell{} : cell_of(it->second, units[c]));
      }
      s.rows.push_back(std::move(row));
    }
    for (const std::string& k : child_order) {
      const auto& [child_link, child_list] = children[k];
      table(path + "." + k, child_list, Kind::kChild, &child_link);
    }
  }
};

// "budget by region and year": every region-year the budget covers gets a row in
// pia_overrides, holding the scenario's `pia` unless an override already says otherwise, so a
// finance officer edits a figure instead of adding a row. Same budget: an override of the
// default share is the default.
void spell_out_pia(YAML::Node root) {
  YAML::Node budget = get(root, "budget");
  const YAML::Node regions = get(root, "regions"), years = get(root, "years");
  if (!budget.IsMap() || !regions.IsSequence() || !years.IsSequence()) return;
  const YAML::Node pia_node = get(budget, "pia");
  const std::string pia = pia_node.IsScalar() ? pia_node.Scalar() : "100%";
  YAML::Node overrides = get(budget, "pia_overrides");
  if (overrides.IsDefined() && !overrides.IsNull() && !overrides.IsSequence()) return;
  std::set<std::pair<std::string, std::string>> given;
  if (overrides.IsSequence()) {
    for (const auto& o : overrides)
      if (get(o, "region").IsScalar() && get(o, "year").IsScalar())
        given.insert({get(o, "region").Scalar(), get(o, "year").Scalar()});
  }
  YAML::Node list = overrides.IsSequence() ? overrides : YAML::Node(YAML::NodeType::Sequence);
  for (const auto& region : regions) {
    const YAML::Node id = get(region, "id");
    if (!id.IsScalar()) return;
    for (const auto& year : years) {
      const YAML::Node y = get(year, "year");
      if (!y.IsScalar()) return;
      if (given.count({id.Scalar(), y.Scalar()}) > 0) continue;
      YAML::Node o(YAML::NodeType::Map);
      o["region"] = id.Scalar();
      o["year"] = y.Scalar();
      o["pia"] = pia;
      list.push_back(o);
    }
  }
  budget["pia_overrides"] = list;
}

// The Schools sheet: the rows of every region's schools CSV, as loaded.
void schools_sheet(Builder& b, const Scenario& scenario) {
  WorkbookSheet s;
  s.name = "Schools";
  s.kind = Kind::kSchools;
  s.path = "regions.schools_csv";
  s.parent = "Regions";
  s.columns = {{"region", "", {}},
               {"id", "", {}},
               {"ugel", "", {}},
               {"school_type", "", {}},
               {"urban", "", {}},
               {"border", "", {}},
               {"teachers", "", check_for("count", "")},
               {"students", "", check_for("count", "")},
               {"distance_km", "", check_for("distance", "km")},
               {"travel_time_h", "", check_for("travel", "h")}};
  for (const Region& region : scenario.regions) {
    for (const SchoolRecord& school : region.schools) {
      WorkbookCell urban, border;
      urban.kind = border.kind = WorkbookCell::Kind::kBool;
      urban.flag = school.urban;
      border.flag = school.border;
      s.rows.push_back(
          {text_cell(region.id), text_cell(school.id), text_cell(school.ugel),
           text_cell(school.school_type), urban, border, number_cell(school.teachers),
           number_cell(school.students), number_cell(school.distance.value()),
           school.travel_time ? number_cell(school.travel_time->value()) : WorkbookCell{}});
    }
  }
  b.sheets.push_back(std::move(s));
}

// Lists for the columns that name a region, geography or school type: the sheet that holds
// them (a range reference, not a typed list: 26 region names pass Excel's 255-character limit).
void link_lists(Workbook& book) {
  const auto find = [&](const std::string& name) -> const WorkbookSheet* {
    for (const WorkbookSheet& s : book.sheets)
      if (s.name == name) return &s;
    return nullptr;
  };
  const auto range = [](const WorkbookSheet& s) {
    return "='" + s.name + "'!$A$2:$A$" +
           std::to_string(std::max<std::size_t>(2, s.rows.size() + 1));
  };
  for (WorkbookSheet& s : book.sheets) {
    for (std::size_t i = 0; i < s.columns.size(); ++i) {
      WorkbookColumn& c = s.columns[i];
      const WorkbookSheet* from = nullptr;
      // The first column of a child sheet names a row of its parent sheet.
      if (i == 0 && !s.parent.empty()) from = find(s.parent);
      if (c.key == "region") from = find("Regions");
      if (c.key == "geography") from = find("Geographies");
      if (c.key == "school_type") from = find("School types");
      if (from == nullptr || from == &s || from->kind == Kind::kSettings) continue;
      c.check.kind = WorkbookCheck::Kind::kList;
      c.check.choices = {range(*from)};
      c.check.message = "one of the ids in column A of sheet '" + from->name + "'";
    }
  }
}

}  // namespace

bool is_workbook_path(const std::string& path) {
  if (path.size() < 5) return false;
  std::string tail = path.substr(path.size() - 5);
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == ".xlsx";
}

WorkbookResult workbook_template(const std::string& path, const LoadOptions& options) {
  WorkbookResult result;
  const DocumentResult loaded = load_document_file(path, options);
  if (!loaded.ok()) {
    result.errors = loaded.errors;
    return result;
  }
  const std::string base_dir =
      path == "builtin:default" ? "." : std::filesystem::path(path).parent_path().string();
  detail::ResolvedSource source = detail::resolve_source(loaded.document->text(), path, base_dir);
  if (!source.errors.empty()) {
    result.errors = source.errors;
    return result;
  }
  YAML::Node root = source.root;
  std::vector<LoadError> set_errors;
  detail::apply_sets(root, options.sets, set_errors);
  const Scenario& scenario = loaded.document->nominal();
  spell_out_pia(root);

  Builder b;
  b.book.scenario_name = scenario.name;
  b.book.source = path;
  bool any_csv = false;
  for (const Region& r : scenario.regions) any_csv = any_csv || !r.schools.empty();
  // The schools CSV names are not inputs of the workbook: its Schools sheet replaces them.
  if (YAML::Node regions = get(root, "regions"); regions.IsSequence()) {
    for (auto region : regions)
      if (region.IsMap()) region.remove("schools_csv");
  }
  for (const auto& pair : root) {
    const std::string key = pair.first.Scalar();
    const YAML::Node& v = pair.second;
    if (key == "extends" || v.IsNull()) continue;
    if (key == "sources") {
      WorkbookSheet& s = b.sheet("Sources", Kind::kSources, "sources");
      s.columns = {{"Field", "", {}}, {"Source", "", {}}};
      if (v.IsMap()) {
        for (const auto& src : v)
          s.rows.push_back({text_cell(src.first.Scalar()), text_cell(value_of(src.second).text)});
      }
      continue;
    }
    if (is_list_of_maps(v)) {
      b.table(key, v, Kind::kTable, nullptr);
    } else if (is_map_of_identifiers(v)) {
      const auto named = settings_names().find(key);
      WorkbookSheet& s = b.sheet(
          named != settings_names().end() ? named->second : b.table_name(key), Kind::kSettings, "");
      b.settings(s, key, v);
    } else {
      b.settings_row(b.sheet("Scenario", Kind::kSettings, ""), key, v);
    }
  }
  if (any_csv) schools_sheet(b, scenario);
  // Without a budget the sheet is there but empty: a row in it gives that region-year a budget
  // (the others get 100% of their plan).
  if (std::none_of(b.sheets.begin(), b.sheets.end(),
                   [](const WorkbookSheet& s) { return s.path == "budget.pia_overrides"; })) {
    // Its settings too, with empty values (an empty cell is no value: still no budget).
    WorkbookSheet& settings = b.sheet("Budget", Kind::kSettings, "");
    for (const char* field : {"budget.release", "budget.pia", "budget.shortfall"}) {
      settings.rows.push_back({text_cell(field), WorkbookCell{}, WorkbookCell{}});
      const std::string key(field);
      settings.row_checks.push_back(check_for(key.substr(key.find('.') + 1), ""));
    }
    WorkbookSheet& s = b.sheet("Budget by region and year", Kind::kTable, "budget.pia_overrides");
    s.columns = {
        {"region", "", {}}, {"year", "", check_for("year", "")}, {"pia", scenario.currency, {}}};
  }
  // Budget amounts are shares ("90%", text) or money: a number typed there is in the currency.
  for (WorkbookSheet& s : b.sheets) {
    if (s.path != "budget.pia_overrides" && s.path != "budget.changes") continue;
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
      WorkbookColumn& col = s.columns[c];
      if ((col.key != "pia" && col.key != "change") || !col.unit.empty()) continue;
      col.unit = scenario.currency;
      for (auto& row : s.rows) {
        if (c >= row.size() || row[c].kind != WorkbookCell::Kind::kText) continue;
        auto split = detail::split_unit(row[c].text);
        if (split && split->unit == col.unit) row[c] = number_cell(split->number);
      }
    }
  }
  b.book.sheets.assign(std::make_move_iterator(b.sheets.begin()),
                       std::make_move_iterator(b.sheets.end()));
  link_lists(b.book);
  // Sheets in the order a finance officer reads them; others keep their order, after these.
  std::stable_sort(b.book.sheets.begin(), b.book.sheets.end(),
                   [](const WorkbookSheet& x, const WorkbookSheet& y) {
                     const auto rank = [](const WorkbookSheet& s) {
                       const auto& order = sheet_order();
                       const auto it = std::find(order.begin(), order.end(), s.name);
                       if (s.kind == Kind::kSources) return order.size() + 1;
                       return static_cast<std::size_t>(it - order.begin());
                     };
                     return rank(x) < rank(y);
                   });
  result.book = std::move(b.book);
  return result;
}

}  // namespace coachsim::scenario
