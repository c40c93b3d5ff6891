// Loads scale_up:, coach_supply: and teacher_turnover: (change over years). Form only; ranges,
// known regions, years and school types are checked in validate_growth.cpp.
#include <cstdlib>

#include "coachsim/i18n/tr.hpp"
#include "load_sections.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

using units::Kind;

// A share written as a percentage ("12%") or as a plain fraction (0.12). Range checks are
// validation's job, so "120%" loads as 1.2 and is reported there with its position.
std::optional<double> percent_or_fraction(Reader& reader, const YAML::Node& node,
                                          const std::string& path) {
  auto text = reader.text(node, path);
  if (!text) return std::nullopt;
  std::string number = trim(*text);
  const bool percent = !number.empty() && number.back() == '%';
  if (percent) number = trim(number.substr(0, number.size() - 1));
  char* end = nullptr;
  const double value = number.empty() ? 0.0 : std::strtod(number.c_str(), &end);
  if (number.empty() || end != number.c_str() + number.size()) {
    reader.fail(node, path,
                trf("expected a share as a percentage or a fraction (e.g. '12%' or 0.12), got {0}",
                    {in_quotes(*text)}));
    return std::nullopt;
  }
  return percent ? value / 100.0 : value;
}

void load_eligibility(Reader& reader, const YAML::Node& node, const std::string& path,
                      Eligibility& out) {
  MapReader m(reader, node, path, {"school_types", "rural_only", "min_students"},
              tr("eligibility filters"));
  if (auto list = m.get("school_types", Need::kOptional, tr("a list of school type ids"))) {
    for_each_item(reader, *list, m.path("school_types"), tr("school type ids"),
                  [&](const YAML::Node& item, const std::string& item_path) {
                    if (auto v = reader.text(item, item_path)) out.school_types.push_back(*v);
                  });
  }
  if (auto v = m.boolean("rural_only", Need::kOptional)) out.rural_only = *v;
  if (auto v = m.integer("min_students", Need::kOptional)) out.min_students = *v;
}

void load_target(Reader& reader, const YAML::Node& node, const std::string& path,
                 EnrolmentTarget& out) {
  MapReader m(reader, node, path, {"region", "year", "teachers"}, tr("target settings"));
  if (auto v = m.text("region", Need::kRequired)) out.region = *v;
  if (auto v = m.integer("year", Need::kRequired)) out.year = *v;
  auto teachers = m.get("teachers", Need::kRequired, tr("a share ('33%') or a teacher count"));
  if (!teachers) return;
  const std::string field = m.path("teachers");
  const bool is_share = teachers->IsScalar() && teachers->Scalar().find('%') != std::string::npos;
  if (is_share) {
    if (auto v = percent_or_fraction(reader, *teachers, field)) {
      out.is_share = true;
      out.share = *v;
    }
  } else if (auto v = reader.integer(*teachers, field)) {
    out.count = *v;
  }
}

void load_scale_up(Reader& reader, const YAML::Node& node, ScaleUp& out) {
  MapReader m(reader, node, "scale_up", {"eligibility", "stages", "order", "targets"},
              tr("scale-up settings"));
  if (!m.ok()) return;
  out.enabled = true;
  if (auto e = m.get("eligibility", Need::kOptional, tr("a map of eligibility filters"))) {
    load_eligibility(reader, *e, m.path("eligibility"), out.eligibility);
  }
  if (auto v = m.integer("stages", Need::kOptional)) out.stages = *v;
  if (auto node_order = m.get("order", Need::kOptional, tr("nearest_first or listed"))) {
    if (auto v = reader.text(*node_order, m.path("order"))) {
      if (*v == "nearest_first") {
        out.order = EntryOrder::kNearestFirst;
      } else if (*v == "listed") {
        out.order = EntryOrder::kListed;
      } else {
        reader.fail(*node_order, m.path("order"),
                    trf("expected 'nearest_first' or 'listed', got {0}", {in_quotes(*v)}));
      }
    }
  }
  if (auto list = m.get("targets", Need::kRequired, tr("a list of {region, year, teachers}"))) {
    for_each_item(reader, *list, m.path("targets"), tr("targets {region, year, teachers}"),
                  [&](const YAML::Node& item, const std::string& item_path) {
                    out.targets.emplace_back();
                    load_target(reader, item, item_path, out.targets.back());
                  });
  }
}

void load_coach_supply(Reader& reader, const YAML::Node& node, CoachSupply& out) {
  MapReader m(reader, node, "coach_supply",
              {"hires_per_month", "initial_training", "attrition_per_year", "replacement_delay",
               "visit_cancellation"},
              tr("coach supply settings"));
  if (!m.ok()) return;
  out.enabled = true;
  if (auto v = m.integer("hires_per_month", Need::kOptional)) out.hires_per_month = *v;
  if (auto q = m.quantity("initial_training", Kind::kDays, Need::kOptional)) {
    out.initial_training = units::days(q->value);
  }
  if (auto q = m.quantity("replacement_delay", Kind::kDays, Need::kOptional)) {
    out.replacement_delay = units::days(q->value);
  }
  for (auto [key, target] : {std::pair{"attrition_per_year", &out.attrition_per_year},
                             std::pair{"visit_cancellation", &out.visit_cancellation}}) {
    if (auto n = m.get(key, Need::kOptional, tr("a share ('12%' or 0.12)"))) {
      if (auto v = percent_or_fraction(reader, *n, m.path(key))) *target = *v;
    }
  }
}

void load_teacher_turnover(Reader& reader, const YAML::Node& node, TeacherTurnover& out) {
  MapReader m(reader, node, "teacher_turnover", {"share_per_year"},
              tr("teacher turnover settings"));
  if (!m.ok()) return;
  out.enabled = true;
  if (auto n = m.get("share_per_year", Need::kRequired, tr("a share ('12%' or 0.12)"))) {
    if (auto v = percent_or_fraction(reader, *n, m.path("share_per_year"))) out.share_per_year = *v;
  }
}

}  // namespace

void load_growth(Reader& reader, MapReader& top, Scenario& out) {
  if (auto node = top.get("scale_up", Need::kOptional, tr("a map of scale-up settings"))) {
    load_scale_up(reader, *node, out.scale_up);
  }
  if (auto node = top.get("coach_supply", Need::kOptional, tr("a map of coach supply settings"))) {
    load_coach_supply(reader, *node, out.coach_supply);
  }
  if (auto node =
          top.get("teacher_turnover", Need::kOptional, tr("a map of teacher turnover settings"))) {
    load_teacher_turnover(reader, *node, out.teacher_turnover);
  }
}

}  // namespace coachsim::scenario::detail
