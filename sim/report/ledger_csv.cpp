// ledger.csv: every entry with its provenance, amount = round(quantity x rate).
//
// A national ledger has about 900,000 entries (95 MB), so this file is written by hand into a
// large buffer flushed in 1 MiB blocks: every name a row repeats (dates, years, regions, UGELs,
// categories) is formatted once up front, integers and céntimos go through std::to_chars, and
// no row allocates. The text is byte for byte what CsvWriter would write (scripts/check_outputs.sh
// holds its checksum).
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "coachsim/calendar/calendar.hpp"
#include "csv_writer.hpp"
#include "report_files.hpp"

namespace coachsim::report {

std::string format_day(std::int32_t days_since_epoch) {
  return calendar::format_date(calendar::Date{std::chrono::days{days_since_epoch}});
}

std::string coach_name(std::uint32_t coach) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "coach-%05u", coach);
  return buf;
}

std::string supervisor_name(std::uint32_t supervisor) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "supervisor-%04u", supervisor);
  return buf;
}

std::string ref_name(const RunReport& r, const ledger::Entry& e) {
  switch (e.ref_kind) {
    case ledger::RefKind::kCoach:
      return coach_name(e.ref_id);
    case ledger::RefKind::kSchool:
      return r.population.schools[e.ref_id].id;
    case ledger::RefKind::kSupervisor:
      return supervisor_name(e.ref_id);
    case ledger::RefKind::kStaffRole:
      return r.scenario.staff_roles[e.ref_id].id;
    case ledger::RefKind::kRegion:
      return r.population.regions[e.ref_id].id;
    case ledger::RefKind::kCentral:
      return r.scenario.central_costs[e.ref_id].label;
  }
  return {};
}

std::string region_name(const RunReport& report, std::uint32_t region) {
  return region < report.population.regions.size() ? report.population.regions[region].id
                                                   : std::string(kOutsideRegions);
}

namespace {

// A CSV field as CsvWriter::text writes it (quoted only when it must be).
std::string csv_field(std::string_view s) {
  std::string out;
  CsvWriter(out).text(s);
  return out;
}

template <typename Names>
std::vector<std::string> csv_fields(int count, Names name_of) {
  std::vector<std::string> out;
  out.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) out.push_back(csv_field(name_of(i)));
  return out;
}

// The output buffer: rows are appended through a raw pointer and the buffer goes to the file
// whenever it holds more than kBlock bytes. `row_bound` bounds one row without its free-text
// ref (which is appended through `text`, checking space).
class Out {
 public:
  static constexpr std::size_t kBlock = 1u << 20;

  Out(std::FILE* file, std::size_t row_bound)
      : file_(file), slack_(row_bound), buf_(kBlock + row_bound) {}

  // Room for `n` more bytes; false on a write error.
  bool reserve(std::size_t n) {
    if (used_ + n <= buf_.size()) return true;
    if (!flush()) return false;
    if (n > buf_.size()) buf_.resize(n);
    return true;
  }
  bool row_done() { return used_ <= kBlock || flush(); }
  bool flush() {
    const bool ok = std::fwrite(buf_.data(), 1, used_, file_) == used_;
    used_ = 0;
    return ok;
  }

  void put(char c) { buf_[used_++] = c; }
  void put(std::string_view s) {
    std::memcpy(buf_.data() + used_, s.data(), s.size());
    used_ += s.size();
  }
  // A free-text field of unbounded length (a school id, a cost label), quoted as CsvWriter
  // quotes it.
  bool text(std::string_view s) {
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
      if (!reserve(s.size() + slack_)) return false;
      put(s);
      return true;
    }
    const std::string quoted = csv_field(s);
    if (!reserve(quoted.size() + slack_)) return false;
    put(quoted);
    return true;
  }
  void integer(std::uint64_t v) {
    char* p = buf_.data() + used_;
    used_ = static_cast<std::size_t>(std::to_chars(p, p + 24, v).ptr - buf_.data());
  }
  // `v` with at least `width` digits, zero-padded (as printf's %0<width>u).
  void padded(std::uint32_t v, int width) {
    char digits[16];
    const int n = static_cast<int>(std::to_chars(digits, digits + sizeof digits, v).ptr - digits);
    for (int i = n; i < width; ++i) put('0');
    put(std::string_view(digits, static_cast<std::size_t>(n)));
  }
  // units::format_centimos: "-123.45".
  void money(std::int64_t centimos) {
    const std::uint64_t magnitude = centimos < 0
                                        ? std::uint64_t{0} - static_cast<std::uint64_t>(centimos)
                                        : static_cast<std::uint64_t>(centimos);
    if (centimos < 0) put('-');
    integer(magnitude / 100);
    put('.');
    put(static_cast<char>('0' + magnitude % 100 / 10));
    put(static_cast<char>('0' + magnitude % 10));
  }
  // CsvWriter::number: fixed with 6 places, trailing zeros and a bare point dropped. Whole
  // numbers (most quantities: days, participants, one month) skip the floating-point formatter;
  // -0.0 keeps its sign through it, as CsvWriter writes "-0".
  void number(double v) {
    if (v == std::trunc(v) && std::fabs(v) < 1e15 && !(v == 0.0 && std::signbit(v))) {
      if (v < 0) put('-');
      integer(static_cast<std::uint64_t>(std::fabs(v)));
      return;
    }
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 6);
    char* end = r.ptr;
    while (end > buf && end[-1] == '0') --end;
    if (end > buf && end[-1] == '.') --end;
    put(std::string_view(buf, static_cast<std::size_t>(end - buf)));
  }

 private:
  std::FILE* file_;
  std::size_t slack_;
  std::vector<char> buf_;
  std::size_t used_ = 0;
};

}  // namespace

bool write_ledger_csv(const RunReport& report, std::FILE* file) {
  const std::vector<ledger::Entry>& entries = report.ledger.entries();
  const programme::Population& pop = report.population;
  // Everything a row repeats, formatted once.
  std::int32_t first_day = 0, last_day = -1;
  if (!entries.empty()) {
    const auto [lo, hi] = std::minmax_element(
        entries.begin(), entries.end(),
        [](const ledger::Entry& a, const ledger::Entry& b) { return a.date < b.date; });
    first_day = lo->date;
    last_day = hi->date;
  }
  std::vector<std::string> days;
  for (std::int32_t d = first_day; d <= last_day; ++d) days.push_back(format_day(d));
  std::vector<std::string> years;
  for (const auto& y : report.scenario.years) years.push_back(std::to_string(y.year));
  const auto regions = csv_fields(static_cast<int>(pop.regions.size()) + 1, [&](int r) {
    return region_name(report, static_cast<std::uint32_t>(r));
  });
  const auto ugels = csv_fields(static_cast<int>(pop.ugels.size()),
                                [&](int u) { return pop.ugels[static_cast<std::size_t>(u)].name; });
  const costs::CostTable& costs = report.ledger.costs();
  const auto categories = csv_fields(static_cast<int>(costs.category_count()), [&](int c) {
    return costs.category_id(static_cast<costs::Category>(c));
  });
  const auto activities = csv_fields(static_cast<int>(costs.activity_count()), [&](int a) {
    return costs.activity_id(static_cast<costs::Activity>(a));
  });
  const auto ref_kinds = csv_fields(static_cast<int>(ledger::RefKind::kCentral) + 1, [](int k) {
    return ledger::ref_kind_id(static_cast<ledger::RefKind>(k));
  });
  const auto units = csv_fields(static_cast<int>(costs::QuantityUnit::kLumpSum) + 1, [](int u) {
    return costs::unit_id(static_cast<costs::QuantityUnit>(u));
  });

  // Numbers take at most 400 characters (a quantity) and 24 (the others); names their longest.
  auto longest = [](const std::vector<std::string>& v) {
    std::size_t m = 0;
    for (const std::string& s : v) m = std::max(m, s.size());
    return m;
  };
  Out out(file, 1024 + longest(years) + 2 * longest(regions) + longest(ugels) +
                    longest(categories) + longest(activities) + longest(ref_kinds) +
                    longest(units));
  out.put(
      "entry,date,year,region,ugel,category,activity,ref_kind,ref,coach,quantity,unit,rate,amount,"
      "event\n");

  std::uint64_t n = 0;
  for (const ledger::Entry& e : entries) {
    out.integer(++n);
    out.put(',');
    out.put(days[static_cast<std::size_t>(e.date - first_day)]);
    out.put(',');
    out.put(years[e.year_index]);
    out.put(',');
    out.put(regions[std::min<std::size_t>(e.region, pop.regions.size())]);
    out.put(',');
    if (e.ugel != ledger::kNoUgel) out.put(ugels[e.ugel]);
    out.put(',');
    out.put(categories[static_cast<std::size_t>(e.category)]);
    out.put(',');
    out.put(activities[static_cast<std::size_t>(e.activity)]);
    out.put(',');
    out.put(ref_kinds[static_cast<std::size_t>(e.ref_kind)]);
    out.put(',');
    switch (e.ref_kind) {
      case ledger::RefKind::kCoach:
        out.put("coach-");
        out.padded(e.ref_id, 5);
        break;
      case ledger::RefKind::kSupervisor:
        out.put("supervisor-");
        out.padded(e.ref_id, 4);
        break;
      case ledger::RefKind::kRegion:
        out.put(regions[e.ref_id]);
        break;
      default:
        if (!out.text(ref_name(report, e))) return false;
    }
    out.put(',');
    if (e.coach != ledger::kNoCoach) {
      out.put("coach-");
      out.padded(e.coach, 5);
    }
    out.put(',');
    out.number(e.quantity);
    out.put(',');
    out.put(units[static_cast<std::size_t>(e.unit)]);
    out.put(',');
    out.money(e.rate);
    out.put(',');
    out.money(e.amount);
    out.put(',');
    out.integer(e.event);
    out.put('\n');
    if (!out.row_done()) return false;
  }
  return out.flush();
}

}  // namespace coachsim::report
