// Loads budget: (release, PIA, overrides, PIM changes, results-based rules, declared classes,
// priority). Form only; regions, years, share ranges and dates are checked in
// validate_budget.cpp.
#include <algorithm>
#include <cstdlib>

#include "coachsim/costs/cost_table.hpp"
#include "coachsim/i18n/tr.hpp"
#include "load_sections.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

// "85%" -> 0.85; nullopt when `text` is not a number followed by '%'.
std::optional<double> parse_percent(const std::string& text) {
  if (text.size() < 2 || text.back() != '%') return std::nullopt;
  const std::string number = text.substr(0, text.size() - 1);
  char* end = nullptr;
  const double v = std::strtod(number.c_str(), &end);
  if (end == number.c_str() || *end != '\0') return std::nullopt;
  return v / 100.0;
}

// A share of a reference ("90%") or an amount of money ("3000000 PEN").
std::optional<BudgetAmount> read_amount(Reader& reader, MapReader& m, std::string_view key,
                                        Need need) {
  auto node = m.get(key, need, "a share like '90%' or an amount like '3000000 PEN'");
  if (!node) return std::nullopt;
  const std::string path = m.path(key);
  auto text = reader.text(*node, path);
  if (!text) return std::nullopt;
  BudgetAmount a;
  if (auto share = parse_percent(*text)) {
    a.share = *share;
    return a;
  }
  auto parsed = units::parse_expecting(*text, units::Kind::kMoney, reader.currency);
  if (auto* q = std::get_if<units::ParsedQuantity>(&parsed)) {
    a.is_share = false;
    a.centimos = q->centimos;
    return a;
  }
  reader.fail(*node, path,
              trf("expected a share like '90%' or an amount like '3000000 {0}', got {1}",
                  {reader.currency, in_quotes(*text)}));
  return std::nullopt;
}

std::optional<double> read_share(Reader& reader, MapReader& m, std::string_view key, Need need) {
  auto node = m.get(key, need, tr("a share like '80%'"));
  if (!node) return std::nullopt;
  const std::string path = m.path(key);
  auto text = reader.text(*node, path);
  if (!text) return std::nullopt;
  if (auto share = parse_percent(*text)) return share;
  reader.fail(*node, path, trf("expected a share like '80%', got {0}", {in_quotes(*text)}));
  return std::nullopt;
}

// Reads `key` as one of `ids`; returns its position.
std::optional<std::size_t> read_choice(Reader& reader, MapReader& m, std::string_view key,
                                       const std::vector<std::string>& ids) {
  auto node = m.get(key, Need::kOptional, join(ids));
  if (!node) return std::nullopt;
  const std::string path = m.path(key);
  auto text = reader.text(*node, path);
  if (!text) return std::nullopt;
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (ids[i] == *text) return i;
  reader.fail(*node, path, trf("expected one of {0}, got {1}", {join(ids), in_quotes(*text)}));
  return std::nullopt;
}

}  // namespace

// The budget classes' ids, in BudgetClass order: the table budget_class_id reads.
const std::vector<std::string> kClassIds = {"teacher_workshops", "coach_workshops", "gia_rtc",
                                            "supervisor_visits", "visits"};

// `classes:`: each {id, activities, label}; the activities must be the programme's droppable
// ones (a trip, GIA, RTC, a workshop or a supervisor's visit), each in one declared class at most.
void load_declared_classes(Reader& reader, MapReader& b, Budget& budget) {
  auto list = b.get("classes", Need::kOptional, tr("a list of {id, activities, label}"));
  if (!list) return;
  const costs::CostTable& table = *costs::CostTable::builtin();
  std::vector<std::string> droppable;
  for (const costs::ActivityRow& a : table.activities())
    if (a.budget_class != costs::kNoBudgetClass) droppable.push_back(a.id);
  std::vector<std::string> taken;  // activities already moved, and the class ids so far
  std::vector<std::string> ids = kClassIds;
  ids.push_back("fixed");
  for_each_item(
      reader, *list, "budget.classes", tr("budget classes {id, activities, label}"),
      [&](const YAML::Node& item, const std::string& path) {
        MapReader m(reader, item, path, {"id", "activities", "label"}, tr("budget class"));
        if (!m.ok()) return;
        DeclaredBudgetClass d;
        auto id_node = m.get("id", Need::kRequired, tr("a class id, e.g. rtc"));
        auto v = id_node ? reader.text(*id_node, m.path("id")) : std::nullopt;
        if (v) {
          if (std::find(ids.begin(), ids.end(), *v) != ids.end())
            reader.fail(*id_node, m.path("id"),
                        trf("class {0} exists already (classes: {1})", {in_quotes(*v), join(ids)}));
          else if (budget.classes.size() >= kMaxDeclaredBudgetClasses)
            reader.fail(*id_node, m.path("id"),
                        trf("expected at most {0} classes of the scenario's own",
                            {std::to_string(kMaxDeclaredBudgetClasses)}));
          d.id = *v;
          ids.push_back(*v);
        }
        d.label = d.id;
        if (auto v = m.text("label", Need::kOptional)) d.label = *v;
        auto acts = m.get("activities", Need::kRequired, tr("a list of activity ids"));
        if (acts)
          for_each_item(
              reader, *acts, m.path("activities"), tr("activity ids"),
              [&](const YAML::Node& a, const std::string& apath) {
                auto v = reader.text(a, apath);
                if (!v) return;
                if (std::find(droppable.begin(), droppable.end(), *v) == droppable.end()) {
                  reader.fail(a, apath,
                              trf("expected an activity a budget may drop{0} "
                                  "(activities: {1}), got {2}",
                                  {did_you_mean(*v, droppable), join(droppable), in_quotes(*v)}));
                } else if (std::find(taken.begin(), taken.end(), *v) != taken.end()) {
                  reader.fail(a, apath, trf("activity {0} is in two classes", {in_quotes(*v)}));
                } else {
                  taken.push_back(*v);
                  d.activities.push_back(*v);
                }
              });
        budget.classes.push_back(std::move(d));
      });
}

void load_budget(Reader& reader, MapReader& top, Scenario& out) {
  auto node = top.get("budget", Need::kOptional, tr("a map of budget settings"));
  if (!node) return;
  MapReader b(reader, *node, "budget",
              {"release", "pia", "pia_overrides", "changes", "rules", "classes", "priority",
               "shortfall", "hiring", "drop_order"},
              tr("budget settings"));
  if (!b.ok()) return;
  Budget& budget = out.budget;
  budget.enabled = true;
  if (auto i = read_choice(reader, b, "release", {"monthly", "quarterly", "annual"}))
    budget.release = static_cast<BudgetRelease>(*i);
  if (auto a = read_amount(reader, b, "pia", Need::kOptional)) budget.pia = *a;
  if (auto list = b.get("pia_overrides", Need::kOptional, tr("a list of {region, year, pia}"))) {
    for_each_item(reader, *list, "budget.pia_overrides", tr("PIA overrides {region, year, pia}"),
                  [&](const YAML::Node& item, const std::string& path) {
                    MapReader m(reader, item, path, {"region", "year", "pia"}, tr("PIA override"));
                    PiaOverride o;
                    if (auto v = m.text("region", Need::kRequired)) o.region = *v;
                    if (auto v = m.integer("year", Need::kRequired)) o.year = *v;
                    if (auto a = read_amount(reader, m, "pia", Need::kRequired)) o.pia = *a;
                    budget.pia_overrides.push_back(std::move(o));
                  });
  }
  if (auto list = b.get("changes", Need::kOptional, tr("a list of {date, region, change}"))) {
    for_each_item(reader, *list, "budget.changes", tr("PIM changes {date, region, change}"),
                  [&](const YAML::Node& item, const std::string& path) {
                    MapReader m(reader, item, path, {"date", "region", "change"}, tr("PIM change"));
                    BudgetChange c;
                    if (auto d = m.date("date", Need::kRequired)) c.date = *d;
                    if (auto v = m.text("region", Need::kRequired)) c.region = *v;
                    if (auto a = read_amount(reader, m, "change", Need::kRequired)) c.change = *a;
                    budget.changes.push_back(std::move(c));
                  });
  }
  if (auto list = b.get("rules", Need::kOptional, tr("a list of results-based rules"))) {
    for_each_item(
        reader, *list, "budget.rules", tr("rules {id, indicator, target, by, withhold, top_up}"),
        [&](const YAML::Node& item, const std::string& path) {
          MapReader m(reader, item, path, {"id", "indicator", "target", "by", "withhold", "top_up"},
                      tr("results-based rule"));
          BudgetRule r;
          if (auto v = m.text("id", Need::kRequired)) r.id = *v;
          if (!m.has("indicator")) {
            m.get("indicator", Need::kRequired, tr("diagnostic_visit_share or visits_done_share"));
          } else if (auto i = read_choice(reader, m, "indicator",
                                          {"diagnostic_visit_share", "visits_done_share"})) {
            r.indicator = static_cast<BudgetIndicator>(*i);
          }
          if (auto v = read_share(reader, m, "target", Need::kRequired)) r.target = *v;
          if (auto v = m.month_day("by", Need::kRequired)) r.by = *v;
          if (auto v = read_share(reader, m, "withhold", Need::kOptional)) r.withhold = *v;
          if (auto v = read_share(reader, m, "top_up", Need::kOptional)) r.top_up = *v;
          budget.rules.push_back(std::move(r));
        });
  }
  load_declared_classes(reader, b, budget);
  std::vector<std::string> class_ids = kClassIds;
  for (const DeclaredBudgetClass& d : budget.classes) class_ids.push_back(d.id);
  std::vector<bool> seen(class_ids.size(), false);
  if (auto list = b.get("priority", Need::kOptional, tr("a list of activity classes"))) {
    budget.priority.clear();
    for_each_item(reader, *list, "budget.priority", tr("activity classes, dropped first to last"),
                  [&](const YAML::Node& item, const std::string& path) {
                    auto v = reader.text(item, path);
                    if (!v) return;
                    for (std::size_t i = 0; i < class_ids.size(); ++i) {
                      if (class_ids[i] != *v) continue;
                      if (seen[i]) {
                        reader.fail(item, path, "class " + in_quotes(*v) + " listed twice");
                      } else {
                        seen[i] = true;
                        budget.priority.push_back(static_cast<BudgetClass>(i));
                      }
                      return;
                    }
                    reader.fail(item, path,
                                trf("unknown activity class {0}{1} (classes: {2})",
                                    {in_quotes(*v), did_you_mean(*v, class_ids), join(class_ids)}));
                  });
  } else {
    for (BudgetClass k : budget.priority) seen[static_cast<std::size_t>(k)] = true;
  }
  // A class left out of the list (a declared one, without `priority:`) is dropped before every
  // listed one, so the treasury finds every class in the list.
  std::vector<BudgetClass> full;
  for (std::size_t i = 0; i < class_ids.size(); ++i)
    if (!seen[i]) full.push_back(static_cast<BudgetClass>(i));
  full.insert(full.end(), budget.priority.begin(), budget.priority.end());
  budget.priority = full;
  // Only `keep`: contracts that cannot be paid are suspended at the month close.
  if (auto node = b.get("hiring", Need::kOptional, tr("keep"))) {
    auto v = reader.text(*node, b.path("hiring"));
    if (v && *v != "keep")
      reader.fail(
          *node, b.path("hiring"),
          trf("expected keep (hiring: stop is not supported yet), got {0}", {in_quotes(*v)}));
  }
  if (auto i = read_choice(reader, b, "shortfall", {"drop", "defer", "protect_teachers"}))
    budget.shortfall = static_cast<BudgetShortfall>(*i);
  if (auto i = read_choice(reader, b, "drop_order", {"cost_per_teacher", "farthest"}))
    budget.drop_order = static_cast<DropOrder>(*i);
}

}  // namespace coachsim::scenario::detail

namespace coachsim::scenario {

const char* budget_class_id(BudgetClass c) {
  return detail::kClassIds[static_cast<std::size_t>(c)].c_str();
}

std::string Budget::class_id(int k) const {
  if (k < kBudgetClassCount) return budget_class_id(static_cast<BudgetClass>(k));
  return classes.at(static_cast<std::size_t>(k - kBudgetClassCount)).id;
}

const char* budget_indicator_id(BudgetIndicator i) {
  return i == BudgetIndicator::kDiagnosticVisitShare ? "diagnostic_visit_share"
                                                     : "visits_done_share";
}

}  // namespace coachsim::scenario
