// Loads regions: (geography, UGELs, staff, fee override, contract delay, school aggregates and
// the schools CSV). Form only; ids and ranges are checked in validate_regions.cpp.
#include <algorithm>
#include <filesystem>

#include "coachsim/i18n/tr.hpp"
#include "load_sections.hpp"
#include "schools_csv.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

using units::Kind;

constexpr int kMaxUgelCount = 10000;

// Reads exactly `names.size()` numbers written as a list, e.g. [min, max].
void load_parameters(Reader& reader, const YAML::Node& node, const std::string& path,
                     const std::vector<std::string>& names, std::vector<double*> out) {
  const std::string form = "[" + join(names) + "]";
  if (!node.IsDefined() || !node.IsSequence()) {
    reader.locate(path, node);
    reader.fail(node, path, trf("expected {0}, got {1}", {form, describe_node(node)}));
    return;
  }
  reader.locate(path, node);
  if (node.size() != names.size()) {
    reader.fail(
        node, path,
        trf("expected {0} ({1} numbers), got {2}",
            {form, std::to_string(names.size()),
             fill(trn("{0} value", "{0} values", node.size()), {std::to_string(node.size())})}));
    return;
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (auto v = reader.number(node[i], path + "[" + std::to_string(i) + "]")) *out[i] = *v;
  }
}

void load_distribution(Reader& reader, MapReader& parent, std::string_view key, Distribution& out) {
  auto node = parent.get(key, Need::kRequired, tr("a distribution, e.g. {uniform: [8, 22]}"));
  if (!node) return;
  const std::string path = parent.path(key);
  if (node->IsScalar()) {  // a plain number is a fixed value
    out.shape = Distribution::Shape::kFixed;
    if (auto v = reader.number(*node, path)) out.a = *v;
    return;
  }
  MapReader m(
      reader, *node, path, {"fixed", "uniform", "triangular", "lognormal", "max"},
      tr("a distribution: one of fixed, uniform, triangular, lognormal (and optional max)"));
  if (!m.ok()) return;
  // An optional upper bound beside the shape, e.g. {lognormal: [80, 0.8], max: 300}.
  std::vector<MapReader::Entry> shapes;
  for (const auto& e : m.entries()) {
    if (e.key != "max") {
      shapes.push_back(e);
    } else if (auto v = reader.number(e.value, m.path("max"))) {
      out.max = *v;
    }
  }
  if (shapes.empty() && node->size() > (out.max < 1e300 ? 1u : 0u)) {
    reader.index().fail(path);  // only unknown keys, already reported
    return;
  }
  if (shapes.size() != 1) {
    std::vector<std::string> given;
    for (const auto& e : shapes) given.push_back(e.key);
    reader.fail(*node, path,
                trf("expected exactly one of fixed, uniform, triangular, lognormal, got {0}",
                    {given.empty() ? tr("none") : join(given)}));
    return;
  }
  const auto& entry = shapes.front();
  const std::string p = m.path(entry.key);
  reader.locate(p, entry.value);
  if (entry.key == "fixed") {
    out.shape = Distribution::Shape::kFixed;
    if (auto v = reader.number(entry.value, p)) out.a = *v;
  } else if (entry.key == "uniform") {
    out.shape = Distribution::Shape::kUniform;
    load_parameters(reader, entry.value, p, {"min", "max"}, {&out.a, &out.b});
  } else if (entry.key == "triangular") {
    out.shape = Distribution::Shape::kTriangular;
    load_parameters(reader, entry.value, p, {"min", "mode", "max"}, {&out.a, &out.c, &out.b});
  } else {
    out.shape = Distribution::Shape::kLognormal;
    load_parameters(reader, entry.value, p, {"median", "sigma"}, {&out.a, &out.b});
  }
}

void load_aggregate(Reader& reader, const YAML::Node& node, const std::string& path,
                    SchoolAggregate& out) {
  MapReader m(reader, node, path,
              {"school_type", "count", "teachers", "students_per_teacher", "distance_km",
               "border_share", "urban_share"},
              tr("school aggregate settings"));
  if (auto v = m.text("school_type", Need::kRequired)) out.school_type = *v;
  if (auto v = m.integer("count", Need::kRequired)) out.count = *v;
  load_distribution(reader, m, "teachers", out.teachers);
  load_distribution(reader, m, "students_per_teacher", out.students_per_teacher);
  load_distribution(reader, m, "distance_km", out.distance_km);
  if (auto v = m.number("border_share", Need::kOptional)) out.border_share = *v;
  if (auto v = m.number("urban_share", Need::kOptional)) out.urban_share = *v;
}

void load_ugels(Reader& reader, MapReader& m, Region& out) {
  auto node = m.get("ugels", Need::kRequired, tr("a list of UGEL names or a count"));
  if (!node) return;
  const std::string path = m.path("ugels");
  if (node->IsScalar()) {
    auto n = reader.integer(*node, path);
    if (!n) return;
    if (*n < 1 || *n > kMaxUgelCount) {
      reader.fail(*node, path,
                  trf("expected a count of UGELs between 1 and {0} (or a list of names), got {1}",
                      {std::to_string(kMaxUgelCount), std::to_string(*n)}));
      return;
    }
    for (int i = 1; i <= *n; ++i) out.ugels.push_back("UGEL " + std::to_string(i));
    return;
  }
  if (!node->IsSequence()) {
    reader.fail(*node, path,
                trf("expected a list of UGEL names or a count, got {0}", {describe_node(*node)}));
    return;
  }
  for_each_item(reader, *node, path, tr("UGEL names"),
                [&](const YAML::Node& item, const std::string& item_path) {
                  out.ugels.push_back(reader.text(item, item_path).value_or(""));
                });
}

void load_staff(Reader& reader, MapReader& m, Region& out) {
  auto node = m.get("staff", Need::kOptional, tr("a map of staff role -> head count"));
  if (!node) return;
  MapReader staff(reader, *node, m.path("staff"), {}, tr("staff role ids to head counts"));
  for (const auto& entry : staff.entries()) {
    out.staff.emplace_back(entry.key,
                           reader.integer(entry.value, staff.path(entry.key)).value_or(0));
  }
}

// Loads a schools CSV, through the reader's cache when it has one: a document parses each file
// once and replays the result (schools, locations, errors) for every sample.
void load_cached_csv(Reader& reader, const std::string& file, const std::string& field,
                     const Location& named_at, Region& out, CsvDialect& dialect) {
  CsvCache* cache = reader.csv_cache;
  if (reader.csv_texts != nullptr) {
    if (auto text = reader.csv_texts->find(file); text != reader.csv_texts->end()) {
      parse_schools_csv(text->second, file, field, out.schools, reader.index(), reader.errors(),
                        &dialect);
      return;
    }
  }
  if (cache == nullptr) {
    load_schools_csv(file, field, named_at, out.schools, reader.index(), reader.errors(), &dialect);
    return;
  }
  const std::string key = file + "\n" + field;
  auto it = cache->entries.find(key);
  if (it == cache->entries.end()) {
    if (cache->frozen) {
      load_schools_csv(file, field, named_at, out.schools, reader.index(), reader.errors(),
                       &dialect);
      return;
    }
    CsvCache::Entry entry;
    load_schools_csv(file, field, named_at, entry.schools, entry.index, entry.errors,
                     &entry.dialect);
    it = cache->entries.emplace(key, std::move(entry)).first;
  }
  const CsvCache::Entry& entry = it->second;
  dialect = entry.dialect;
  out.schools.insert(out.schools.end(), entry.schools.begin(), entry.schools.end());
  reader.index().merge(entry.index);
  reader.errors().insert(reader.errors().end(), entry.errors.begin(), entry.errors.end());
}

void load_region(Reader& reader, const YAML::Node& node, const std::string& path, Region& out,
                 const std::string& base_dir, std::vector<std::string>& provenance,
                 std::vector<std::string>& provenance_shown) {
  MapReader m(
      reader, node, path,
      {"id", "geography", "ugels", "staff", "coach_fee", "teachers_per_coach", "coaches",
       "extra_coaches", "exclude_from_statistics", "contract_delay", "schools", "schools_csv"},
      tr("region settings"));
  if (auto v = m.text("id", Need::kRequired)) out.id = *v;
  if (auto v = m.text("geography", Need::kRequired)) out.geography = *v;
  load_ugels(reader, m, out);
  load_staff(reader, m, out);
  if (auto q = m.quantity("coach_fee", Kind::kMoneyPerMonth, Need::kOptional)) {
    out.coach_fee = units::per_month(q->centimos);
  }
  if (auto v = m.integer("teachers_per_coach", Need::kOptional)) out.teachers_per_coach = *v;
  if (auto v = m.integer("coaches", Need::kOptional)) out.coaches = *v;
  if (auto v = m.integer("extra_coaches", Need::kOptional)) out.extra_coaches = *v;
  if (auto v = m.boolean("exclude_from_statistics", Need::kOptional))
    out.exclude_from_statistics = *v;
  if (auto q = m.quantity("contract_delay", Kind::kDays, Need::kOptional)) {
    out.contract_delay = units::days(q->value);
  }
  if (auto list = m.get("schools", Need::kOptional, tr("a list of school aggregates"))) {
    for_each_item(reader, *list, m.path("schools"), tr("school aggregates"),
                  [&](const YAML::Node& item, const std::string& item_path) {
                    out.aggregates.emplace_back();
                    load_aggregate(reader, item, item_path, out.aggregates.back());
                  });
  }
  if (auto node_csv = m.get("schools_csv", Need::kOptional, tr("a CSV file name"))) {
    const std::string field = m.path("schools_csv");
    if (auto name = reader.text(*node_csv, field)) {
      // A workbook's Schools sheet stands in for the file: its text is parsed as is.
      const bool given = reader.csv_texts != nullptr && reader.csv_texts->count(*name) > 0;
      const std::string file =
          base_dir.empty() || given ? *name : (std::filesystem::path(base_dir) / *name).string();
      CsvDialect dialect;
      load_cached_csv(reader, file, field, reader.location(node_csv->Mark()), out, dialect);
      // Recorded only when it is not the plain convention, so plain files' outputs stay as
      // they were.
      const std::string note = "schools CSV " + file + ": " + dialect.describe();
      if (!dialect.plain() &&
          std::find(provenance.begin(), provenance.end(), note) == provenance.end()) {
        provenance.push_back(note);
        provenance_shown.push_back(
            trf("schools CSV {0}: {1}", {file, dialect.describe_translated()}));
      }
    }
  }
}

}  // namespace

void load_regions(Reader& reader, MapReader& top, Scenario& out, const std::string& base_dir) {
  auto list = top.get("regions", Need::kRequired, tr("a list of regions"));
  if (!list) return;
  for_each_item(reader, *list, "regions", tr("regions"),
                [&](const YAML::Node& item, const std::string& path) {
                  out.regions.emplace_back();
                  load_region(reader, item, path, out.regions.back(), base_dir, out.provenance,
                              out.provenance_shown);
                });
}

}  // namespace coachsim::scenario::detail
