// The SQLite ledger: run identity, scenario sources, population tables, every ledger entry,
// missed activities and the region-year results, in one transaction.
#include "coachsim/report/sqlite_ledger.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "atomic_file.hpp"
#include "coachsim/ledger/entry.hpp"
#include "report_files.hpp"

namespace coachsim::report {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE scenario (file TEXT NOT NULL, yaml TEXT NOT NULL);
CREATE TABLE sources (input TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE regions (region_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE ugels (ugel_id INTEGER PRIMARY KEY, region_id INTEGER NOT NULL, name TEXT NOT NULL);
CREATE TABLE schools (school_id INTEGER PRIMARY KEY, code TEXT NOT NULL, region_id INTEGER,
  ugel_id INTEGER, school_type TEXT, urban INTEGER, border INTEGER, dispersed INTEGER,
  teachers INTEGER, students INTEGER, distance_km REAL, travel_hours REAL);
CREATE TABLE coaches (coach_id INTEGER PRIMARY KEY, name TEXT NOT NULL, region_id INTEGER,
  ugel_id INTEGER, school_type TEXT, capacity INTEGER, teachers INTEGER, students INTEGER);
CREATE TABLE entries (entry_id INTEGER PRIMARY KEY, date TEXT NOT NULL, year INTEGER NOT NULL,
  region_id INTEGER NOT NULL, ugel_id INTEGER, category TEXT NOT NULL, activity TEXT NOT NULL,
  ref_kind TEXT NOT NULL, ref TEXT, coach_id INTEGER, quantity REAL NOT NULL, unit TEXT NOT NULL,
  rate_centimos INTEGER NOT NULL, amount_centimos INTEGER NOT NULL, event INTEGER NOT NULL);
CREATE TABLE missed (date TEXT, year INTEGER, region_id INTEGER, ugel_id INTEGER,
  coach_id INTEGER, school_id INTEGER, activity TEXT, round INTEGER, quantity INTEGER,
  reason TEXT);
CREATE TABLE region_year (region TEXT, year INTEGER, teachers INTEGER, schools INTEGER,
  students INTEGER, coaches INTEGER, supervisors INTEGER, visits_planned INTEGER,
  visits_done INTEGER, teachers_full_protocol INTEGER, cost_total_centimos INTEGER);
)sql";

class Db {
 public:
  // Errors say what failed; write_atomically adds which file.
  explicit Db(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) fail("cannot open the database");
  }
  ~Db() {
    for (auto* s : statements_) sqlite3_finalize(s);
    sqlite3_close(db_);
  }
  void exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      const std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw std::runtime_error(msg);
    }
  }
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK)
      fail("cannot prepare a statement");
    statements_.push_back(s);
    return s;
  }
  void step(sqlite3_stmt* s) {
    if (sqlite3_step(s) != SQLITE_DONE) fail("cannot insert a row");
    sqlite3_reset(s);
  }
  [[noreturn]] void fail(const char* what) {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db_));
  }

 private:
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> statements_;
};

// Binds values to the next parameters of a statement, in order.
class Bind {
 public:
  explicit Bind(sqlite3_stmt* s) : s_(s) {}
  Bind& i(std::int64_t v) {
    sqlite3_bind_int64(s_, ++n_, v);
    return *this;
  }
  Bind& d(double v) {
    sqlite3_bind_double(s_, ++n_, v);
    return *this;
  }
  Bind& t(std::string_view v) {
    sqlite3_bind_text(s_, ++n_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Bind& null() {
    sqlite3_bind_null(s_, ++n_);
    return *this;
  }

 private:
  sqlite3_stmt* s_;
  int n_ = 0;
};

void write_population(Db& db, const RunReport& r) {
  const programme::Population& pop = r.population;
  sqlite3_stmt* s = db.prepare("INSERT INTO regions VALUES (?, ?)");
  for (std::uint32_t i = 0; i <= pop.regions.size(); ++i) {
    Bind(s).i(i).t(region_name(r, i));
    db.step(s);
  }
  s = db.prepare("INSERT INTO ugels VALUES (?, ?, ?)");
  for (std::uint32_t i = 0; i < pop.ugels.size(); ++i) {
    Bind(s).i(i).i(pop.ugels[i].region).t(pop.ugels[i].name);
    db.step(s);
  }
  s = db.prepare("INSERT INTO schools VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::uint32_t i = 0; i < pop.schools.size(); ++i) {
    const programme::School& x = pop.schools[i];
    Bind(s)
        .i(i)
        .t(x.id)
        .i(x.region)
        .i(x.ugel)
        .t(r.scenario.school_types[x.type].id)
        .i(x.urban)
        .i(x.border)
        .i(x.dispersed)
        .i(x.teachers)
        .i(x.students)
        .d(x.distance_km)
        .d(x.travel_hours);
    db.step(s);
  }
  s = db.prepare("INSERT INTO coaches VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::uint32_t i = 0; i < pop.coaches.size(); ++i) {
    const programme::Coach& c = pop.coaches[i];
    Bind(s)
        .i(i)
        .t(coach_name(i))
        .i(c.region)
        .i(c.ugel)
        .t(r.scenario.school_types[c.type].id)
        .i(c.capacity)
        .i(c.teachers)
        .i(c.students);
    db.step(s);
  }
}

void write_entries(Db& db, const RunReport& r) {
  sqlite3_stmt* s =
      db.prepare("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  std::int64_t n = 0;
  for (const ledger::Entry& e : r.ledger.entries()) {
    Bind b(s);
    b.i(++n).t(format_day(e.date)).i(r.scenario.years[e.year_index].year).i(e.region);
    if (e.ugel == ledger::kNoUgel)
      b.null();
    else
      b.i(e.ugel);
    b.t(r.ledger.costs().category_id(e.category)).t(r.ledger.costs().activity_id(e.activity));
    b.t(ledger::ref_kind_id(e.ref_kind)).t(ref_name(r, e));
    if (e.coach == ledger::kNoCoach)
      b.null();
    else
      b.i(e.coach);
    b.d(e.quantity)
        .t(costs::unit_id(e.unit))
        .i(e.rate)
        .i(e.amount)
        .i(static_cast<std::int64_t>(e.event));
    db.step(s);
  }
}

void write_results(Db& db, const RunReport& r) {
  sqlite3_stmt* s = db.prepare("INSERT INTO missed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const programme::MissedRecord& m : r.tally.missed()) {
    Bind b(s);
    b.t(format_day(m.date)).i(r.scenario.years[m.year_index].year).i(m.region).i(m.ugel).i(m.coach);
    if (m.school == UINT32_MAX)
      b.null();
    else
      b.i(m.school);
    b.t(r.ledger.costs().activity_id(m.activity))
        .i(m.round + 1)
        .i(m.quantity)
        .t(programme::miss_reason_id(m.reason));
    db.step(s);
  }
  s = db.prepare("INSERT INTO region_year VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto* rows : {&r.results.regions, &r.results.national}) {
    for (const results::Row& row : *rows) {
      const programme::RegionYearTally& t = row.tally;
      Bind(s)
          .t(row.region)
          .i(row.year)
          .i(t.teachers)
          .i(t.schools)
          .i(t.students)
          .i(t.coaches)
          .i(t.supervisors)
          .i(t.visits_planned)
          .i(t.visits_done)
          .i(t.teachers_full_protocol)
          .i(row.cost_total);
      db.step(s);
    }
  }
  s = db.prepare("INSERT INTO sources VALUES (?, ?)");
  for (const scenario::Source& src : r.scenario.sources) {
    Bind(s).t(src.key).t(src.text);
    db.step(s);
  }
  s = db.prepare("INSERT INTO run VALUES (?, ?)");
  const std::pair<const char*, std::string> run[] = {
      {"coachsim_version", COACHSIM_VERSION},
      {"scenario_name", r.scenario.name},
      {"scenario_file", r.scenario_file},
      {"currency", r.scenario.currency},
      {"seed", std::to_string(r.scenario.seed)},
      {"events", std::to_string(r.events)},
      {"ledger_entries", std::to_string(r.ledger.entry_count())},
      {"cost_total_centimos", std::to_string(r.results.grand_total)}};
  for (const auto& [k, v] : run) {
    Bind(s).t(k).t(v);
    db.step(s);
  }
}

}  // namespace

void write_sqlite(const RunReport& report, const std::string& path,
                  const std::string& scenario_text) {
  write_atomically(path, [&](const std::filesystem::path& partial) {
    Db db(partial.string());
    db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;");
    db.exec(kSchema);
    write_population(db, report);
    write_entries(db, report);
    write_results(db, report);
    sqlite3_stmt* s = db.prepare("INSERT INTO scenario VALUES (?, ?)");
    Bind(s).t(report.scenario_file).t(scenario_text);
    db.step(s);
    db.exec("COMMIT;");
  });
}

}  // namespace coachsim::report
