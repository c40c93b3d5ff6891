// Loads outcomes: (effects of coaching by dose) and prices: (price level and exchange rate per
// year). Form only: keys, types, percent and exchange-rate syntax; ranges and cross-field rules
// are checked in validate_outcomes.cpp.
#include <charconv>
#include <cmath>

#include "coachsim/i18n/tr.hpp"
#include "load_sections.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {
namespace {

// "4.0%" -> 0.04; nullopt when the text is not a number followed by '%'.
std::optional<double> parse_percent(std::string text) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (text.empty() || text.back() != '%') return std::nullopt;
  text.pop_back();
  while (!text.empty() && text.back() == ' ') text.pop_back();
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    return std::nullopt;
  return v / 100.0;
}

// "3.88 PEN/USD" -> 3.88 when the currency before the slash is `currency`.
std::optional<double> parse_exchange_rate(const std::string& text, const std::string& currency,
                                          std::string& problem) {
  const auto space = text.find(' ');
  const std::string unit = space == std::string::npos ? "" : text.substr(space + 1);
  const std::string number = text.substr(0, space);
  double v = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), v);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size() ||
      !std::isfinite(v)) {
    problem = trf("expected an exchange rate (e.g. '3.88 {0}/USD'), got {1}",
                  {currency, in_quotes(text)});
    return std::nullopt;
  }
  if (unit != currency + "/USD") {
    problem =
        trf("expected an exchange rate in {0}/USD (the scenario currency per US dollar, "
            "e.g. '3.88 {0}/USD'), got {1}",
            {currency, in_quotes(text)});
    return std::nullopt;
  }
  return v;
}

// A map of year -> value, e.g. {2021: "4.0%"}; `parse` turns the value text into a number or
// returns nullopt after setting `problem`.
template <class Parse>
void load_year_map(Reader& reader, MapReader& parent, std::string_view key, std::string_view what,
                   std::vector<YearValue>& out, Parse parse) {
  auto node = parent.get(key, Need::kOptional, what);
  if (!node) return;
  MapReader m(reader, *node, parent.path(key), {}, what);
  for (const auto& entry : m.entries()) {
    const std::string path = m.path(entry.key);
    auto year = reader.integer(entry.key_node, path);
    auto text = reader.text(entry.value, path);
    if (!year || !text) continue;
    std::string problem;
    if (auto v = parse(*text, problem)) {
      out.push_back(YearValue{*year, *v});
    } else {
      reader.fail(entry.value, path, problem);
    }
  }
}

void load_effects(Reader& reader, MapReader& m, std::string_view key, std::array<double, 3>& out,
                  std::size_t& count) {
  auto node = m.get(key, Need::kRequired, tr("a list of 3 effects in SD (after 1, 2, 3 years)"));
  if (!node) return;
  count = 0;
  for_each_item(reader, *node, m.path(key), tr("effects in SD after 1, 2 and 3 years"),
                [&](const YAML::Node& item, const std::string& path) {
                  auto v = reader.number(item, path);
                  if (v && count < out.size()) out[count] = *v;
                  ++count;
                });
}

// reference_protocol: {study, visits, gia, teacher_workshop_days}: what the study delivered.
void load_reference(Reader& reader, MapReader& m, Outcomes& o) {
  auto node = m.get("reference_protocol", Need::kRequired,
                    tr("the protocol the study behind the effects delivered ({study, visits, "
                       "gia, teacher_workshop_days})"));
  if (!node) return;
  MapReader r(reader, *node, m.path("reference_protocol"),
              {"study", "visits", "gia", "teacher_workshop_days"}, tr("the study's protocol"));
  ReferenceProtocol ref;
  if (auto v = r.text("study", Need::kRequired)) ref.study = *v;
  if (auto v = r.integer("visits", Need::kRequired)) ref.visits = *v;
  if (auto v = r.integer("gia", Need::kRequired)) ref.gia = *v;
  if (auto v = r.number("teacher_workshop_days", Need::kRequired)) ref.workshop_days = *v;
  o.reference = ref;
}

// dose_weights: {visits, gia, workshops} as percentages adding up to 100%.
void load_weights(Reader& reader, MapReader& m, DoseWeights& w) {
  auto node = m.get("dose_weights", Need::kRequired,
                    tr("shares of the effect carried by visits, GIA and workshops (e.g. "
                       "{visits: '80%', gia: '10%', workshops: '10%'})"));
  if (!node) return;
  MapReader r(reader, *node, m.path("dose_weights"), {"visits", "gia", "workshops"},
              tr("dose weights"));
  auto share = [&](std::string_view key, double& to) {
    auto n = r.get(key, Need::kRequired, tr("a share of the effect (e.g. '10%'; '0%' allowed)"));
    if (!n) return;
    const std::string path = r.path(key);
    if (auto v = reader.text(*n, path)) {
      if (auto p = parse_percent(*v)) {
        to = *p;
      } else {
        reader.fail(*n, path,
                    trf("expected a share of the effect as a percentage (e.g. '10%'), got {0}",
                        {in_quotes(*v)}));
      }
    }
  };
  share("visits", w.visits);
  share("gia", w.gia);
  share("workshops", w.workshops);
}

// evidence: {school_types: [ids], grade_share: "16.7%" (optional), elsewhere: extrapolate | zero}.
void load_evidence(Reader& reader, MapReader& m, Outcomes& o) {
  auto node = m.get("evidence", Need::kRequired,
                    tr("the school types the evidence covers and what applies elsewhere "
                       "({school_types: [...], elsewhere: extrapolate or zero})"));
  if (!node) return;
  MapReader r(reader, *node, m.path("evidence"), {"school_types", "grade_share", "elsewhere"},
              tr("the evidence's coverage"));
  if (auto list = r.get("school_types", Need::kRequired, tr("a list of school type ids"))) {
    for_each_item(reader, *list, r.path("school_types"), tr("school type ids"),
                  [&](const YAML::Node& item, const std::string& path) {
                    if (auto v = reader.text(item, path)) o.evidence_school_types.push_back(*v);
                  });
  }
  if (auto n = r.get("grade_share", Need::kOptional,
                     tr("the share of the covered types' students in the grades the evidence "
                        "measured (e.g. '16.7%')"))) {
    if (auto v = reader.text(*n, r.path("grade_share"))) {
      if (auto p = parse_percent(*v)) {
        o.evidence_grade_share = *p;
      } else {
        reader.fail(
            *n, r.path("grade_share"),
            trf("expected a percentage of the covered types' students (e.g. '16.7%'), got {0}",
                {in_quotes(*v)}));
      }
    }
  }
  if (auto n = r.get("elsewhere", Need::kRequired, tr("extrapolate or zero"))) {
    if (auto v = reader.text(*n, r.path("elsewhere"))) {
      if (*v == "extrapolate") {
        o.outside = OutsideEvidence::kExtrapolate;
      } else if (*v == "zero") {
        o.outside = OutsideEvidence::kZero;
      } else {
        reader.fail(*n, r.path("elsewhere"),
                    trf("expected 'extrapolate' or 'zero', got {0}", {in_quotes(*v)}));
      }
    }
  }
}

}  // namespace

void load_outcomes(Reader& reader, MapReader& top, Scenario& out) {
  auto node = top.get("outcomes", Need::kOptional, tr("outcome settings"));
  if (!node) return;
  MapReader m(reader, *node, "outcomes",
              {"dose_response", "full_at", "student_learning_sd", "teacher_practice_sd",
               "reference_protocol", "dose_weights", "evidence", "discount_rate", "sources"},
              tr("outcome settings"));
  if (!m.ok()) return;
  Outcomes o;
  if (auto n = m.get("dose_response", Need::kOptional, tr("linear or threshold"))) {
    if (auto v = reader.text(*n, "outcomes.dose_response")) {
      if (*v == "linear") {
        o.dose_response = DoseResponse::kLinear;
      } else if (*v == "threshold") {
        o.dose_response = DoseResponse::kThreshold;
      } else {
        reader.fail(*n, "outcomes.dose_response",
                    trf("expected 'linear' or 'threshold', got {0}", {in_quotes(*v)}));
      }
    }
  }
  if (auto n =
          m.get("full_at", Need::kOptional, tr("a share of the protocol's visits (e.g. '100%')"))) {
    if (auto v = reader.text(*n, "outcomes.full_at")) {
      if (auto p = parse_percent(*v)) {
        o.full_at = *p;
      } else {
        reader.fail(*n, "outcomes.full_at",
                    trf("expected a percentage of the protocol's visits (e.g. '100%'), got {0}",
                        {in_quotes(*v)}));
      }
    }
  }
  if (auto n = m.get("discount_rate", Need::kOptional, tr("a yearly discount rate (e.g. '10%')"))) {
    if (auto v = reader.text(*n, "outcomes.discount_rate")) {
      if (auto p = parse_percent(*v)) {
        o.discount_rate = *p;
      } else {
        reader.fail(*n, "outcomes.discount_rate",
                    trf("expected a yearly discount rate as a percentage (e.g. '10%'), got {0}",
                        {in_quotes(*v)}));
      }
    }
  }
  load_reference(reader, m, o);
  load_weights(reader, m, o.weights);
  load_evidence(reader, m, o);
  load_effects(reader, m, "student_learning_sd", o.student_learning_sd, o.student_count);
  load_effects(reader, m, "teacher_practice_sd", o.teacher_practice_sd, o.teacher_count);
  if (auto n = m.get("sources", Need::kOptional, tr("a map of input -> source"))) {
    MapReader s(reader, *n, "outcomes.sources", {}, tr("outcome inputs to their sources"));
    for (const auto& entry : s.entries())
      o.sources.emplace_back(entry.key, reader.text(entry.value, s.path(entry.key)).value_or(""));
  }
  out.outcomes = std::move(o);
}

void load_prices(Reader& reader, MapReader& top, Scenario& out) {
  auto node = top.get("prices", Need::kOptional, tr("price settings"));
  if (!node) return;
  MapReader m(reader, *node, "prices", {"price_year", "inflation", "exchange_rate"},
              tr("price settings"));
  if (!m.ok()) return;
  Prices p;
  if (auto v = m.integer("price_year", Need::kRequired)) p.price_year = *v;
  load_year_map(reader, m, "inflation", "a map of year -> change of the price level (e.g. '4.0%')",
                p.inflation, [](const std::string& text, std::string& problem) {
                  auto v = parse_percent(text);
                  if (!v)
                    problem = trf(
                        "expected a percentage change of the price level (e.g. '4.0%'), got {0}",
                        {in_quotes(text)});
                  return v;
                });
  load_year_map(reader, m, "exchange_rate", "a map of year -> exchange rate (e.g. '3.88 PEN/USD')",
                p.exchange_rate, [&](const std::string& text, std::string& problem) {
                  return parse_exchange_rate(text, reader.currency, problem);
                });
  out.prices = std::move(p);
}

}  // namespace coachsim::scenario::detail
