// Spanish reports (--lang es) as users meet them: the terminal summary, the workbook and the HTML
// page of a run are rendered in English and in Spanish, and
//   - the Spanish ones show no message of the catalogue (po/es.po) in English: every message
//     the code translates that appears in the English report has been replaced,
//   - their figures equal the English ones (the same numbers in the same order),
// and a bad scenario is reported in Spanish with its file:line:column.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../support/files.hpp"
#include "../support/process.hpp"
#include "coachsim/scenario/loader.hpp"

namespace i18n_cli_test {

namespace fs = std::filesystem;

using Result = coachsim::testing::CommandResult;
using coachsim::testing::slurp;

Result run(const std::string& args) {
  return coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " " + args);
}

// An empty folder of its own, created.
fs::path fresh_dir(const std::string& name) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-i18n-test-", name);
  fs::create_directories(d);
  return d;
}

const std::string kScenarios = std::string(COACHSIM_SOURCE_DIR) + "/scenarios/";

// One message of po/es.po.
struct Message {
  std::string id, str;
};

std::string unquote(const std::string& line) {
  const std::size_t open = line.find('"');
  std::string out;
  for (std::size_t i = open + 1; i + 1 < line.size(); ++i) {
    if (line[i] == '\\' && i + 2 < line.size()) {
      const char c = line[++i];
      out += c == 'n' ? '\n' : c;
    } else {
      out += line[i];
    }
  }
  return out;
}

// The catalogue's messages (scripts/update_po.sh keeps it unwrapped: one line per field).
std::vector<Message> catalogue() {
  std::ifstream in(std::string(COACHSIM_SOURCE_DIR) + "/po/es.po");
  std::vector<Message> out;
  std::string line;
  Message m;
  while (std::getline(in, line)) {
    if (line.rfind("msgid ", 0) == 0) {
      m = Message{unquote(line), ""};
    } else if (line.rfind("msgstr ", 0) == 0 || line.rfind("msgstr[1] ", 0) == 0) {
      m.str = unquote(line);
      if (!m.id.empty()) out.push_back(m);
    }
  }
  return out;
}

// A message cut at its {N} arguments and HTML tags into the text between them.
std::vector<std::string> fragments(const std::string& id) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < id.size(); ++i) {
    const bool argument = id[i] == '{' && i + 2 < id.size() && id[i + 1] >= '0' &&
                          id[i + 1] <= '9' && id[i + 2] == '}';
    const std::size_t tag_end = id[i] == '<' ? id.find('>', i) : std::string::npos;
    if (argument || tag_end != std::string::npos) {
      out.emplace_back();
      i = argument ? i + 2 : tag_end;
      continue;
    }
    out.back() += id[i];
  }
  return out;
}

// The English text of the messages that Spanish changes: each msgid cut at its {N}
// arguments and HTML tags into fragments of at least 6 characters that no Spanish message
// contains (so "PIM" or "Total", the same in both, are not counted).
std::set<std::string> english_fragments() {
  const std::vector<Message> messages = catalogue();
  std::string all_spanish;
  for (const Message& m : messages) all_spanish += m.str + "\n";
  std::set<std::string> out;
  for (const Message& m : messages) {
    if (m.id == m.str) continue;
    for (std::string f : fragments(m.id)) {
      const auto keep = [](char c) { return c != ' ' && c != '.' && c != ',' && c != ':'; };
      while (!f.empty() && !keep(f.front())) f.erase(f.begin());
      while (!f.empty() && !keep(f.back())) f.pop_back();
      if (f.size() >= 6 && all_spanish.find(f) == std::string::npos) out.insert(f);
    }
  }
  return out;
}

// The fragments of English messages found in `text` (after removing what the scenario itself
// says: its name, description and file name, which are not coachsim's to translate).
std::vector<std::string> untranslated(std::string text, const std::vector<std::string>& own) {
  // Lines that are part of the scenario's own text (the workbook wraps a long description over
  // several rows): the part after the last tab is inside one of `own`.
  {
    std::istringstream in(text);
    std::string line, kept;
    while (std::getline(in, line)) {
      std::string tail =
          line.substr(line.rfind('\t') == std::string::npos ? 0 : line.rfind('\t') + 1);
      while (!tail.empty() && (tail.front() == ' ' || tail.back() == ' '))
        tail = tail.front() == ' ' ? tail.substr(1) : tail.substr(0, tail.size() - 1);
      const bool theirs =
          !tail.empty() && std::any_of(own.begin(), own.end(), [&](const std::string& o) {
            return o.find(tail) != std::string::npos;
          });
      if (!theirs) kept += line + "\n";
    }
    text = kept;
  }
  for (const std::string& s : own)
    for (std::size_t at; !s.empty() && (at = text.find(s)) != std::string::npos;)
      text.erase(at, s.size());
  // A whole word or phrase: not part of a longer word, an id (per_diem) or a file name
  // (national.csv).
  const auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  std::vector<std::string> found;
  for (const std::string& f : english_fragments()) {
    for (std::size_t at = text.find(f); at != std::string::npos; at = text.find(f, at + 1)) {
      const std::size_t end = at + f.size();
      const bool starts = at == 0 || !word(text[at - 1]);
      const bool ends =
          end >= text.size() ||
          (!word(text[end]) && !(text[end] == '.' && end + 1 < text.size() && word(text[end + 1])));
      if (starts && ends) {
        found.push_back(f);
        break;
      }
    }
  }
  return found;
}

// Every number in the text, in order ("131,991.00", "22.7", "2021" ...): digits, then any
// groups of a comma and three digits, then a point and digits. (Scanned by hand: std::regex
// trips GCC 12's -Wmaybe-uninitialized in the sanitizer build.)
std::vector<std::string> numbers(const std::string& text) {
  const auto digit = [&](std::size_t i) {
    return i < text.size() && text[i] >= '0' && text[i] <= '9';
  };
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!digit(i)) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (digit(i)) ++i;
    while (i < text.size() && text[i] == ',' && digit(i + 1) && digit(i + 2) && digit(i + 3))
      i += 4;
    if (i < text.size() && text[i] == '.' && digit(i + 1)) {
      ++i;
      while (digit(i)) ++i;
    }
    out.push_back(text.substr(start, i - start));
  }
  return out;
}

struct Rendered {
  std::string terminal, workbook, html;
  std::string html_text;  // what the page shows: its text and the charts' strings
};

// The strings of a chart spec a reader sees (titles, labels, data values), not the names of
// the data fields.
void spec_strings(const nlohmann::json& j, const std::string& key, std::string& out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) spec_strings(it.value(), it.key(), out);
  } else if (j.is_array()) {
    for (const auto& v : j) spec_strings(v, key, out);
  } else if (j.is_string() && key != "field" && key != "regression" && key != "on") {
    out += j.get<std::string>() + "\n";
  }
}

// The page as a reader meets it: the text outside tags and scripts, and the charts' strings.
std::string page_text(const std::string& page) {
  std::string out;
  const std::string specs_open = "<script type=\"application/json\" id=\"coachsim-specs\">";
  const std::size_t specs = page.find(specs_open);
  if (specs != std::string::npos) {
    const std::size_t from = specs + specs_open.size();
    spec_strings(nlohmann::json::parse(page.substr(from, page.find("</script>", from) - from)), "",
                 out);
  }
  const std::size_t body = page.rfind("<body");
  bool in_tag = false, in_script = false;
  for (std::size_t i = body == std::string::npos ? 0 : body; i < page.size(); ++i) {
    if (page.compare(i, 7, "<script") == 0) in_script = true;
    if (in_script && page.compare(i, 9, "</script>") == 0) {
      in_script = false;
      i += 8;
      continue;
    }
    if (in_script) continue;
    if (page[i] == '<') in_tag = true;
    if (!in_tag) out += page[i];
    if (page[i] == '>') {
      in_tag = false;
      out += ' ';
    }
  }
  // The characters the page escapes, as a reader sees them ("year&#39;s" reads "year's").
  for (const auto& [entity, c] : {std::pair<std::string, std::string>{"&#39;", "'"},
                                  {"&quot;", "\""},
                                  {"&lt;", "<"},
                                  {"&gt;", ">"},
                                  {"&amp;", "&"}})
    for (std::size_t at; (at = out.find(entity)) != std::string::npos;)
      out.replace(at, entity.size(), c);
  return out;
}

// Runs the scenario in one language and returns its terminal summary, the workbook dumped by
// tests/i18n/dump_xlsx.py and the HTML page without the chart libraries' scripts.
Rendered render(const std::string& scenario, const std::string& lang) {
  const fs::path out = fresh_dir(lang + "-" + fs::path(scenario).stem().string());
  const fs::path xlsx = out / "report.xlsx", html = out / "report.html";
  const Result r = run("run " + scenario + " --lang " + lang + " --out " + (out / "o").string() +
                       " --xlsx " + xlsx.string() + " --html " + html.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  Rendered out_text;
  out_text.terminal = r.output;
  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const Result dump = coachsim::testing::run_shell(
      python + " " COACHSIM_SOURCE_DIR "/tests/i18n/dump_xlsx.py '" + xlsx.string() + "'");
  EXPECT_EQ(dump.exit_code, 0) << dump.output;
  out_text.workbook = dump.output;
  // The page without the inlined libraries (scripts of more than 100 KB), which are English
  // code, not coachsim's text.
  std::string page = slurp(html);
  for (std::size_t at = 0; (at = page.find("<script>", at)) != std::string::npos;) {
    const std::size_t end = page.find("</script>", at);
    if (end == std::string::npos) break;
    if (end - at > 100000)
      page.erase(at, end - at);
    else
      at = end;
  }
  out_text.html = page;
  out_text.html_text = page_text(page);
  return out_text;
}

// The workbook's figures, in sheet and cell order (the N lines of dump_xlsx.py).
std::vector<std::string> workbook_figures(const std::string& dump) {
  std::vector<std::string> out;
  std::istringstream in(dump);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("N\t", 0) == 0) out.push_back(line);
  return out;
}
// The workbook's text, without the last sheet (Scenario inputs: the scenario file as written,
// whose keys are English by design).
std::string workbook_text(const std::string& dump) {
  std::string out, last_sheet;
  std::istringstream in(dump);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("S\t", 0) == 0) last_sheet = line.substr(2, line.find('\t', 2) - 2);
  in.clear();
  in.seekg(0);
  while (std::getline(in, line)) {
    if (line.rfind("S\t", 0) != 0 && line.rfind("T\t", 0) != 0) continue;
    if (line.rfind("S\t" + last_sheet + "\t", 0) == 0 ||
        line.rfind("T\t" + last_sheet + "!", 0) == 0)
      continue;
    out += line + "\n";
  }
  return out;
}

// Returns the Spanish reports. `own`: the scenario's own words (its name and description, read
// from the file when not given).
Rendered expect_spanish_equals_english(const std::string& scenario,
                                       std::vector<std::string> own = {}) {
  SCOPED_TRACE(scenario);
  const Rendered en = render(scenario, "en");
  const Rendered es = render(scenario, "es");
  if (own.empty()) {
    const auto loaded = coachsim::scenario::load_scenario_file(scenario);
    EXPECT_TRUE(loaded.ok());
    own = {loaded.scenario.name, loaded.scenario.description, scenario};
  }

  // The English reports do contain the catalogue's messages, so the checks below can fail.
  EXPECT_GT(untranslated(en.terminal, own).size(), 10u);
  EXPECT_GT(untranslated(workbook_text(en.workbook), own).size(), 10u);
  EXPECT_GT(untranslated(en.html_text, own).size(), 10u);

  EXPECT_EQ(untranslated(es.terminal, own), std::vector<std::string>{}) << es.terminal;
  EXPECT_EQ(untranslated(workbook_text(es.workbook), own), std::vector<std::string>{});
  EXPECT_EQ(untranslated(es.html_text, own), std::vector<std::string>{});

  EXPECT_NE(es.terminal.find("Nacional, por año escolar"), std::string::npos) << es.terminal;
  EXPECT_NE(es.workbook.find("S\t1\tResumen"), std::string::npos);
  EXPECT_NE(es.html.find("Resumen nacional"), std::string::npos);

  // The same figures: terminal and page number by number, the workbook cell by cell.
  EXPECT_EQ(numbers(es.terminal), numbers(en.terminal));
  EXPECT_EQ(workbook_figures(es.workbook), workbook_figures(en.workbook));
  EXPECT_GT(workbook_figures(en.workbook).size(), 50u);
  EXPECT_EQ(numbers(es.html), numbers(en.html));
  return es;
}

TEST(Spanish, TheSmallScenariosReportsHaveEveryMessageTranslatedAndTheSameFigures) {
  expect_spanish_equals_english(kScenarios + "small.yaml");
}

// A budgeted run adds the terminal's budget line, the Budget sheet and the execution chart.
TEST(Spanish, ABudgetedRunsReportsHaveEveryMessageTranslatedAndTheSameFigures) {
  expect_spanish_equals_english(kScenarios + "results-based.yaml");
}

// The compare page (coachsim compare --html) of two scenarios, in both languages.
TEST(Spanish, TheComparePageHasEveryMessageTranslatedAndTheSameFigures) {
  std::string text[2], page[2];
  const char* langs[2] = {"en", "es"};
  for (int i = 0; i < 2; ++i) {
    const fs::path dir = fresh_dir(std::string("compare-") + langs[i]);
    const Result r = run("compare " + kScenarios + "small.yaml " + kScenarios +
                         "small.yaml --seed 7 -q --lang " + langs[i] + " --out " +
                         (dir / "o").string() + " --html " + (dir / "c.html").string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
    page[i] = slurp(dir / "c.html");
    text[i] = page_text(page[i]);
  }
  const std::vector<std::string> own = {"Small hand-checkable scenario", kScenarios + "small.yaml"};
  EXPECT_GT(untranslated(text[0], own).size(), 10u);
  EXPECT_EQ(untranslated(text[1], own), std::vector<std::string>{});
  EXPECT_NE(text[1].find("Cifras nacionales lado a lado"), std::string::npos);
  EXPECT_EQ(numbers(text[1]), numbers(text[0]));
}

TEST(Spanish, ABadScenarioIsReportedInSpanishWithItsFileLineAndColumn) {
  const fs::path dir = fresh_dir("bad");
  const fs::path file = dir / "bad.yaml";
  std::ofstream(file) << slurp(kScenarios + "small.yaml") << "seed_of_the_run: 7\n";
  fs::copy_file(kScenarios + "small-schools.csv", dir / "small-schools.csv");
  const fs::path out = dir / "out";
  const Result r = run("run " + file.string() + " --lang es --out " + out.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  const std::string text = slurp(file);
  const auto lines = std::count(text.begin(), text.end(), '\n');  // the added key's line
  EXPECT_NE(r.output.find(file.string() + ":" + std::to_string(lines) +
                          ":1: seed_of_the_run: clave desconocida 'seed_of_the_run'"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("coachsim: 1 problema en el escenario; no se ejecutó ni se escribió "
                          "nada."),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(out));
}

// The loader's descriptions of what it expected are translated too.
TEST(Spanish, TypeErrorsSayWhatWasExpectedInSpanish) {
  const fs::path dir = fresh_dir("types");
  const fs::path file = dir / "types.yaml";
  std::ofstream(file) << "coachsim: 1\nname: x\nyears: 3\nregions: {}\n";
  const Result r = run("validate " + file.string() + " --lang es");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  for (const std::string& line :
       {file.string() + ":3:8: years: se esperaba una lista de años escolares; se encontró '3'",
        file.string() + ":4:10: regions: se esperaba una lista de regiones; se encontró un mapa",
        file.string() + ":1:1: coach: falta la clave obligatoria 'coach' (se esperaba un mapa de "
                        "condiciones de los acompañantes)"})
    EXPECT_NE(r.output.find(line), std::string::npos) << line << "\n" << r.output;
}

TEST(Spanish, TheLanguageComesFromTheFlagThenTheEnvironment) {
  const std::string bad = fresh_dir("env").string() + "/missing.yaml";
  const auto says_spanish = [](const Result& r) {
    return r.output.find("no se ejecutó ni se escribió nada") != std::string::npos;
  };
  const std::string clean = "env -u COACHSIM_LANG -u LC_ALL -u LC_MESSAGES -u LANG ";
  const std::string bin = std::string(COACHSIM_BINARY) + " validate " + bad;
  using coachsim::testing::run_shell;
  EXPECT_FALSE(says_spanish(run_shell(clean + bin)));
  EXPECT_TRUE(says_spanish(run_shell(clean + "COACHSIM_LANG=es " + bin)));
  EXPECT_TRUE(says_spanish(run_shell(clean + "LANG=es_PE.UTF-8 " + bin)));
  EXPECT_FALSE(says_spanish(run_shell(clean + "LANG=es_PE.UTF-8 LC_ALL=C " + bin)));
  EXPECT_TRUE(says_spanish(run_shell(clean + "LANG=C " + bin + " --lang es")));
  EXPECT_FALSE(says_spanish(run_shell(clean + "COACHSIM_LANG=es " + bin + " --lang en")));
  const Result r = run_shell(clean + bin + " --lang fr");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--lang"), std::string::npos) << r.output;
}

// --help in Spanish: every command's help, with CLI11's own words (Usage, Options, the help flag)
// and the option descriptions translated; chosen by --lang (either form, before or after the
// command) or the environment, and English otherwise.
TEST(Spanish, EveryCommandsHelpIsInTheChosenLanguage) {
  const std::string clean = "env -u COACHSIM_LANG -u LC_ALL -u LC_MESSAGES -u LANG ";
  const std::string bin = std::string(COACHSIM_BINARY);
  using coachsim::testing::run_shell;
  for (const std::string command :
       {"", "run", "validate", "audit", "compare", "sweep", "optimise", "template"}) {
    SCOPED_TRACE(command);
    const Result es = run_shell(clean + bin + " " + command + " --help --lang es");
    EXPECT_EQ(es.exit_code, 0) << es.output;
    for (const char* spanish : {"Uso: ", "Opciones:", "Muestra esta ayuda y termina",
                                "Idioma de los informes y mensajes: en|es"})
      EXPECT_NE(es.output.find(spanish), std::string::npos) << spanish << "\n" << es.output;
    // Option names, file names and the example commands are not messages.
    EXPECT_EQ(untranslated(es.output, {"coachsim", "scenarios/", "--replications"}),
              std::vector<std::string>{})
        << es.output;
    const Result en = run_shell(clean + bin + " " + command + " --help");
    EXPECT_NE(en.output.find("Usage: "), std::string::npos) << en.output;
    EXPECT_NE(en.output.find("Print this help message and exit"), std::string::npos) << en.output;
    EXPECT_EQ(en.output.find("Opciones:"), std::string::npos) << en.output;
  }
  const Result top = run_shell(clean + "LANG=es_PE.UTF-8 " + bin + " --help");
  EXPECT_NE(top.output.find("Subcomandos:"), std::string::npos) << top.output;
  EXPECT_NE(top.output.find("cuánto cuesta un programa"), std::string::npos) << top.output;
  const Result run_help = run_shell(clean + bin + " --lang=es run --help");
  EXPECT_NE(run_help.output.find("Carpeta de salida (por defecto: out)"), std::string::npos)
      << run_help.output;
  EXPECT_NE(run_help.output.find("--out TEXTO"), std::string::npos) << run_help.output;
  const Result english = run_shell(clean + "COACHSIM_LANG=es " + bin + " run --help --lang en");
  EXPECT_NE(english.output.find("Output folder (default: out)"), std::string::npos)
      << english.output;
}

// A copy of small.yaml with `edits` (each text replaced once) and its schools CSV, in a folder of
// its own; returns the scenario's path.
std::string edited_small(const std::string& name,
                         const std::vector<std::pair<std::string, std::string>>& edits) {
  const fs::path dir = fresh_dir(name);
  std::string text = slurp(kScenarios + "small.yaml");
  for (const auto& [from, to] : edits) {
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
  }
  std::ofstream(dir / (name + ".yaml")) << text;
  fs::copy_file(kScenarios + "small-schools.csv", dir / "small-schools.csv");
  return (dir / (name + ".yaml")).string();
}

// The 1-based line of the first occurrence of `needle` in the file.
int line_of(const std::string& file, const std::string& needle) {
  const std::string text = slurp(file);
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

struct Expected {
  std::string needle;  // text on the line the error points at
  int column;
  std::string field, spanish, english;
  std::string in = {};  // the file the error points into, when not the scenario
};

// Every line expected, in both languages, with file:line:column and the field path; exit code
// 2; and no message of the catalogue left in English in the Spanish output. `args` is the
// command line without --lang (default: validate the scenario).
void expect_errors(const std::string& file, const std::vector<Expected>& errors,
                   const std::string& args = {}) {
  const std::string command = args.empty() ? "validate " + file : args;
  const Result es = run(command + " --lang es");
  const Result en = run(command + " --lang en");
  EXPECT_EQ(es.exit_code, 2) << es.output;
  EXPECT_EQ(en.exit_code, 2) << en.output;
  for (const Expected& e : errors) {
    const std::string& in = e.in.empty() ? file : e.in;
    const std::string at = in + ":" + std::to_string(line_of(in, e.needle)) + ":" +
                           std::to_string(e.column) + ": " + e.field + ": ";
    EXPECT_NE(es.output.find(at + e.spanish + "\n"), std::string::npos) << at + e.spanish << "\n"
                                                                        << es.output;
    EXPECT_NE(en.output.find(at + e.english + "\n"), std::string::npos) << at + e.english << "\n"
                                                                        << en.output;
  }
  // Field paths are the scenario's keys ("coach_workshops"), not messages: left out.
  std::vector<std::string> own{file};
  for (const Expected& e : errors) own.push_back(e.in);
  for (const Expected& e : errors) own.push_back(": " + e.field + ": ");
  EXPECT_EQ(untranslated(es.output, own), std::vector<std::string>{}) << es.output;
  EXPECT_GE(untranslated(en.output, own).size(), errors.size()) << en.output;
}

// The scenario's cross-field checks (sim/scenario/validate_*.cpp): ranges, unknown ids with
// "did you mean", dates outside their school year, empty texts.
TEST(Spanish, TheScenarioChecksReportInSpanish) {
  const std::string file = edited_small(
      "checks",
      {{"weekend: [sat, sun]", "weekend: [sat, sat]"},
       {"coach_workshops: [2021-03-01]", "coach_workshops: [2022-03-01]"},
       {"teachers_per_coach: 3}", "teachers_per_coach: 0}"},
       {"coaches_per_supervisor: 5", "coaches_per_supervisor: -1"},
       {"    geography: plain", "    geography: plian"},
       {"all: \"ASSUMPTION: illustrative", "all: \"\"\n  x: \"ASSUMPTION: illustrative"}});
  expect_errors(
      file,
      {{"weekend: [sat, sat]", 18, "calendar.weekend[1]", "día de fin de semana repetido",
        "duplicate weekend day"},
       {"coach_workshops: [2022", 23, "years[0].coach_workshops[0]",
        "se esperaba una fecha en el año escolar 2021 (2021-01-01..2021-12-31); se encontró "
        "2022-03-01",
        "expected a date within school year 2021 (2021-01-01..2021-12-31), got 2022-03-01"},
       {"teachers_per_coach: 0}", 44, "protocol.caseload_rules[0].teachers_per_coach",
        "se esperaba docentes por acompañante entre 1 y 1000; se encontró 0",
        "expected teachers per coach between 1 and 1000, got 0"},
       {"coaches_per_supervisor: -1", 27, "supervision.coaches_per_supervisor",
        "se esperaba acompañantes por supervisor (0: sin supervisores) >= 0; se encontró -1",
        "expected coaches per supervisor (0: no supervisors) >= 0, got -1"},
       {"geography: plian", 16, "regions[0].geography",
        "no hay geografía 'plian'; ¿quiso decir 'plain'? (conocidos: plain)",
        "unknown geography 'plian'; did you mean 'plain'? (known: plain)"},
       {"all: \"\"", 8, "sources.all",
        "se esperaba un texto de fuente no vacío (archivo semilla y sección, fuente pública o "
        "'ASSUMPTION: por qué')",
        "expected a non-empty source text (seed file and section, public source, or "
        "'ASSUMPTION: why')"}});
}

// Messages whose arguments a translator reordered or wrapped in other words: the budget's
// checks (PIA, regions and years of the scenario) and a caseload rule without a fallback.
TEST(Spanish, TheBudgetAndCaseloadChecksReportInSpanish) {
  const std::string file =
      edited_small("budget", {{"seed: 7\n",
                               "seed: 7\nbudget:\n  pia: '100%'\n  pia_overrides:\n"
                               "    - {region: Alpa, year: 2021, pia: '150%'}\n"},
                              {"- {school_type: t, teachers_per_coach: 3}",
                               "- {school_type: t, urban: true, teachers_per_coach: 3}"}});
  expect_errors(
      file,
      {{"region: Alpa", 16, "budget.pia_overrides[0].region",
        "no hay región 'Alpa'; ¿quiso decir 'Alpha'? (regiones: Alpha)",
        "unknown region 'Alpa'; did you mean 'Alpha'? (regions: Alpha)"},
       {"region: Alpa", 39, "budget.pia_overrides[0].pia",
        "se esperaba una proporción entre 0% y 100%; se encontró 150%",
        "expected a share between 0% and 100%, got 150%"},
       {"- {school_type: t, urban", 5, "protocol.caseload_rules",
        "el tipo de institución educativa 't' no tiene regla general, así que algunas de sus IE "
        "pueden no coincidir con ninguna regla; agregue {school_type: t, teachers_per_coach: N} "
        "(sin condiciones) después de sus otras reglas",
        "school type 't' has no fallback rule, so some of its schools may match no rule; add "
        "{school_type: t, teachers_per_coach: N} (no conditions) after its other rules"}});
}

// The unit parser's messages (sim/units/parse.cpp), wrapped by the loader with the field path.
TEST(Spanish, TheUnitParserReportsInSpanish) {
  const std::string file = edited_small(
      "units", {{"monthly_fee: \"3000 PEN/month\"", "monthly_fee: \"3,000 PEN/month\""},
                {"fare: \"0.50 PEN/km\"", "fare: \"0.50 USD/km\""}});
  expect_errors(
      file,
      {{"3,000 PEN/month", 16, "coach.monthly_fee",
        "no se admiten separadores de miles en '3,000 PEN/month' (escriba '3000 PEN/month')",
        "thousands separators are not allowed in '3,000 PEN/month' (write '3000 PEN/month')"},
       {"0.50 USD/km", 11, "geographies[0].fare",
        "moneda equivocada 'USD' en '0.50 USD/km': la moneda del escenario es PEN (p. ej. '0.50 "
        "PEN/km'); el campo espera dinero por km (p. ej. '0.85 PEN/km')",
        "wrong currency 'USD' in '0.50 USD/km': the scenario currency is PEN (e.g. '0.50 "
        "PEN/km'); the field expects money per km (e.g. '0.85 PEN/km')"}});
}

// The schools CSV reader: errors point into the CSV file, at the row and column.
TEST(Spanish, TheSchoolsCsvReaderReportsInSpanish) {
  const std::string file = edited_small("schools", {});
  const std::string csv = (fs::path(file).parent_path() / "small-schools.csv").string();
  std::ofstream(csv) << "id,ugel,school_type,urban,border,teachers,students,distance_km\n"
                        "S1,U1,t,false,false,dos,30,15\n"
                        "S2,U1,t,maybe,false,1,12,90 km\n";
  expect_errors(
      file,
      {{"S1,", 6, "regions[0].schools_csv[0].teachers",
        "se esperaba un número entero; se encontró 'dos'", "expected an integer, got 'dos'", csv},
       {"S2,", 4, "regions[0].schools_csv[1].urban",
        "se esperaba true, false, 1 o 0; se encontró 'maybe'",
        "expected true, false, 1 or 0, got 'maybe'", csv},
       {"S2,", 8, "regions[0].schools_csv[1].distance_km",
        "se esperaba un número simple de km (la unidad está en el nombre de la "
        "columna); se encontró '90 km'",
        "expected a plain number of km (the unit is in the column name), got '90 km'", csv}});
}

// The actuals reader of `coachsim audit`, and the audit's summary of them.
TEST(Spanish, TheActualsReaderReportsInSpanish) {
  const std::string file = edited_small("actuals", {});
  const std::string csv = (fs::path(file).parent_path() / "bad-actuals.csv").string();
  std::ofstream(csv) << "region,year,measure,value,status,source\n"
                        "Alpha,2021,spending.travel,12.345,published,x\n"
                        "Alpha,20x1,spending.travel,1,estimated,x\n";
  const std::string out = (fs::path(file).parent_path() / "out").string();
  expect_errors(
      file,
      {{"12.345", 4, "spending.travel",
        "se esperaba un monto >= 0 con 2 decimales como máximo (p. ej. 1250000.50); se encontró "
        "'12.345'",
        "expected an amount >= 0 with at most 2 decimals (e.g. 1250000.50), got '12.345'", csv},
       {"20x1", 2, "year", "se esperaba un año como 2013; se encontró '20x1'",
        "expected a year such as 2013, got '20x1'", csv},
       {"20x1", 5, "status", "se esperaba 'published' o 'constructed'; se encontró 'estimated'",
        "expected 'published' or 'constructed', got 'estimated'", csv}},
      "audit " + file + " --actuals " + csv + " --out " + out);
  EXPECT_FALSE(fs::exists(out));
  const Result es = run("audit " + file + " --actuals " + csv + " --out " + out + " --lang es");
  EXPECT_NE(es.output.find("coachsim: 3 problema(s) en los datos de ejecución; no se escribió "
                           "nada."),
            std::string::npos)
      << es.output;
}

// The input workbook's messages: a cell check and a row that names no region, at their cells,
// and a file that is not a workbook at all.
TEST(Spanish, TheInputWorkbookReportsInSpanish) {
  const fs::path dir = fresh_dir("workbook");
  const std::string book = (dir / "inputs.xlsx").string();
  const std::string edited = (dir / "edited.xlsx").string();
  ASSERT_EQ(run("template --xlsx " + book + " -q").exit_code, 0);
  const Result made = coachsim::testing::run_shell(
      "/usr/bin/python3 " COACHSIM_SOURCE_DIR "/tests/data/workbook/edit_workbook.py '" + book +
      "' '" + edited + "' 'Regions!coaches@Loreto=-5' 'Schools by type!A2=Amazonaz'");
  ASSERT_EQ(made.exit_code, 0) << made.output;
  const Result es = run("validate " + edited + " --lang es");
  EXPECT_EQ(es.exit_code, 2) << es.output;
  for (const std::string& line :
       {edited + ": Regions!C18: regions[16].coaches: se esperaba acompañantes en la región entre "
                 "1 y 100000; se encontró -5",
        edited + ": Schools by type!A2: regions.schools: no hay region 'Amazonaz' en la hoja "
                 "'Regions'; ¿quiso decir 'Amazonas'?"})
    EXPECT_NE(es.output.find(line), std::string::npos) << line << "\n" << es.output;

  const std::string bad = (dir / "bad.xlsx").string();
  std::ofstream(bad) << "region,year\n";
  for (const auto& [lang, text] :
       {std::pair<std::string, std::string>{
            "es", "no se puede leer el libro de Excel '" + bad + "': no es un libro .xlsx ("},
        {"en", "cannot read workbook '" + bad + "': not an .xlsx workbook ("}}) {
    const Result r = run("validate " + bad + " --lang " + lang);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find(text), std::string::npos) << text << "\n" << r.output;
  }
}

// ---- The terminal of compare, sweep, audit and optimise ----

// The small scenario with two uncertain inputs, for a sweep with a spread and a tornado.
fs::path uncertain_small(const fs::path& dir) {
  fs::create_directories(dir);
  const fs::path f = dir / "uncertain-small.yaml";
  std::ofstream(f)
      << "coachsim: 1\nextends: \"" << kScenarios << "small.yaml\"\n"
      << "name: \"small, uncertain\"\nuncertainty:\n"
         "  - field: coach.monthly_fee\n"
         "    triangular: [\"2400 PEN/month\", \"3000 PEN/month\", \"4000 PEN/month\"]\n"
         "    source: \"ASSUMPTION: a test range\"\n"
         "  - field: costs.per_diem\n"
         "    uniform: [\"80 PEN/day\", \"200 PEN/day\"]\n"
         "    source: \"ASSUMPTION: a test range\"\n";
  return f;
}

// small.yaml over 2021 and 2022 (the optimiser's several-year program).
fs::path two_year_small(const fs::path& dir) {
  fs::create_directories(dir);
  const fs::path f = dir / "small-two-years.yaml";
  std::ofstream(f) << "coachsim: 1\nextends: \"" << kScenarios << "small.yaml\"\n"
                   << "name: \"small, two years\"\nyears:\n"
                      "  - year: 2021\n"
                      "    terms: [{from: 2021-03-01, to: 2021-12-17}]\n"
                      "    contract: {start: 2021-03-01, end: 2021-12-31}\n"
                      "    coach_workshops: [2021-03-01]\n"
                      "    teacher_workshops: [2021-03-04]\n"
                      "  - year: 2022\n"
                      "    terms: [{from: 2022-03-01, to: 2022-12-16}]\n"
                      "    contract: {start: 2022-03-01, end: 2022-12-31}\n"
                      "    coach_workshops: [2022-03-01]\n"
                      "    teacher_workshops: [2022-03-03]\n";
  return f;
}

// A command run in English and in Spanish, each writing into its own folder (named by OUT in
// `args`); the output with that folder replaced by "OUT", so both name it alike.
struct BothLanguages {
  Result en, es;
};
BothLanguages run_both(const std::string& name, const std::string& args) {
  BothLanguages out;
  for (const std::string lang : {"en", "es"}) {
    const fs::path dir = fresh_dir(name + "-" + lang);
    std::string line = args;
    for (std::size_t at; (at = line.find("OUT")) != std::string::npos;)
      line.replace(at, 3, dir.string());
    Result r = run(line + " --lang " + lang);
    for (std::size_t at; (at = r.output.find(dir.string())) != std::string::npos;)
      r.output.replace(at, dir.string().size(), "OUT");
    (lang == "en" ? out.en : out.es) = r;
  }
  return out;
}

// The Spanish output has no catalogue message left in English (which the English output has at
// least `min_english` of, so the check can fail), the same figures in the same order, the same
// exit code, and `phrase`.
void expect_translated(const BothLanguages& b, const std::vector<std::string>& own,
                       std::size_t min_english, const std::string& phrase) {
  EXPECT_GE(untranslated(b.en.output, own).size(), min_english) << b.en.output;
  EXPECT_EQ(untranslated(b.es.output, own), std::vector<std::string>{}) << b.es.output;
  EXPECT_EQ(numbers(b.es.output), numbers(b.en.output)) << b.en.output << "\n" << b.es.output;
  EXPECT_EQ(b.es.exit_code, b.en.exit_code) << b.es.output;
  EXPECT_NE(b.es.output.find(phrase), std::string::npos) << phrase << "\n" << b.es.output;
}

TEST(Spanish, CompareSweepAuditAndOptimiseTerminalsAreTranslatedWithTheSameFigures) {
  const std::string small = kScenarios + "small.yaml";
  const std::string fee = std::string(COACHSIM_SOURCE_DIR) + "/tests/data/compare/small-fee.yaml";
  {
    SCOPED_TRACE("compare");
    const auto b = run_both("t-compare", "compare " + small + " " + fee + " --out OUT");
    ASSERT_EQ(b.en.exit_code, 0) << b.en.output;
    expect_translated(b, {small, fee, "Small hand-checkable scenario"}, 5,
                      "Nacional, todos los años escolares (los conteos son docentes-año)");
    EXPECT_NE(b.es.output.find("costo por docente con protocolo completo"), std::string::npos);
    EXPECT_NE(b.es.output.find("  contratos de acompañantes"), std::string::npos);
  }
  {
    SCOPED_TRACE("sweep");
    const std::string u = uncertain_small(fresh_dir("t-sweep-in")).string();
    const auto b = run_both("t-sweep", "sweep " + u +
                                           " -n 8 --tornado --coverage-target 90% "
                                           "--budget-limit total=130000 --out OUT");
    ASSERT_EQ(b.en.exit_code, 0) << b.en.output;
    // The tornado's field paths stay as the scenario writes them.
    expect_translated(b, {u, "small, uncertain", "costs.per_diem"}, 4,
                      "Tornado, costo total nacional en todos los años (cada insumo en su P5 y "
                      "su P95):");
    EXPECT_NE(b.es.output.find("8 réplicas, semilla 7, 2 insumos inciertos"), std::string::npos);
    EXPECT_NE(b.es.output.find("P(costo total nacional todos los años > 130,000.00 PEN)"),
              std::string::npos);
  }
  {
    SCOPED_TRACE("audit");
    const std::string peru = kScenarios + "peru-2013.yaml",
                      actuals = kScenarios + "actuals-2013.csv";
    const auto b = run_both("t-audit", "audit " + peru + " --actuals " + actuals + " --out OUT");
    ASSERT_EQ(b.en.exit_code, 0) << b.en.output;
    expect_translated(b, {peru, actuals}, 8, "Hallazgos 2013 (primero la mayor brecha en dinero)");
    // The findings themselves, and the dialect the actuals were read in.
    EXPECT_NE(b.es.output.find("Cajamarca 2013: el costo por docente 7431.05 está 3.0 DE por "
                               "encima de la media (4599.73); ejecutó 4,555,234.84 frente a "),
              std::string::npos)
        << b.es.output;
    EXPECT_NE(b.es.output.find("como separador ',', punto decimal"), std::string::npos);
  }
  {
    SCOPED_TRACE("optimise, one year");
    const auto b = run_both("t-opt", "optimise " + small + " --budget 85% --out OUT");
    ASSERT_EQ(b.en.exit_code, 0) << b.en.output;
    expect_translated(b, {small, "Small hand-checkable scenario"}, 8,
                      "objetivo: el máximo de docentes con protocolo completo");
    EXPECT_NE(b.es.output.find("    (a) recorte proporcional, shortfall: drop 0 docentes con "
                               "protocolo completo"),
              std::string::npos)
        << b.es.output;
  }
  {
    SCOPED_TRACE("optimise, two years");
    const std::string two = two_year_small(fresh_dir("t-opt2-in")).string();
    const auto b = run_both("t-opt2", "optimise " + two +
                                          " --year all --budget 100% --budget-region Alpha=100% "
                                          "--out OUT");
    ASSERT_EQ(b.en.exit_code, 0) << b.en.output;
    expect_translated(b, {two, "small, two years"}, 8,
                      "2021-2022 en un solo programa, con continuidad");
    EXPECT_NE(b.es.output.find("    región Alpha: presupuesto 131,991.00, simulado 131,991.00 "
                               "(diferencia 0.00)"),
              std::string::npos)
        << b.es.output;
  }
}

// The optimiser's refusals in Spanish, exit 2 and nothing written: no plan meets the floor
// (one year and two), a budget below what every plan pays, bad flags.
TEST(Spanish, OptimiseRefusalsAreInSpanishWithExitTwo) {
  const std::string small = kScenarios + "small.yaml";
  const std::string two = two_year_small(fresh_dir("t-refuse-in")).string();
  const std::pair<std::string, std::string> cases[] = {
      {small + " --budget 80% --floor-coverage 100",
       "coachsim optimise: ningún plan cumple todas las restricciones en 2021: los pisos "
       "regionales (cada región conserva al menos el 100% de sus docentes) cuestan más de lo que "
       "deja el presupuesto después de los costos fijos (5,592.80). No se escribió nada."},
      {two + " --year all --budget 60%",
       "ningún plan cumple todas las restricciones en 2021: el presupuesto (79,194.60) no cubre "
       "los costos que paga todo plan"},
      {two + " --year all --budget 100% --budget-region Alpha=2021=100%,2022=50%",
       "ningún plan cumple todas las restricciones en 2022: el presupuesto de la región Alpha "
       "(65,920.50) no cubre sus costos que paga todo plan (100,000.00)"},
      {small + " --budget lots",
       "--budget: se esperaba un monto como '313000000 PEN' o una parte del plan de 2021 como "
       "'85%'; se encontró 'lots'. No se escribió nada."},
      {small + " --budget 80% --floor-coverage 120",
       "--floor-coverage: se esperaba de 0 a 100 (por ciento); se encontró 120."},
      {small + " --budget 80% --objective learning", "el escenario no tiene una sección outcomes:"},
      {two + " --year all --budget 100% --coach-supply Alpha=2021=1,2021=2",
       "--coach-supply 'Alpha=2021=1,2021=2': 2021 aparece dos veces. No se escribió nada."}};
  for (const auto& [args, expected] : cases) {
    SCOPED_TRACE(args);
    const auto b = run_both("t-refuse", "optimise " + args + " --out OUT");
    EXPECT_EQ(b.es.exit_code, 2) << b.es.output;
    EXPECT_NE(b.es.output.find(expected), std::string::npos) << b.es.output;
    EXPECT_EQ(untranslated(b.es.output, {small, two}), std::vector<std::string>{}) << b.es.output;
    EXPECT_EQ(numbers(b.es.output), numbers(b.en.output)) << b.es.output;
    EXPECT_FALSE(
        fs::exists(fs::temp_directory_path() / "coachsim-i18n-test-t-refuse-es" / "plan.yaml"));
  }
}

// compare's, sweep's and audit's refusals of bad flags in Spanish.
TEST(Spanish, CompareSweepAndAuditFlagErrorsAreInSpanish) {
  const std::string small = kScenarios + "small.yaml";
  const std::pair<std::string, std::string> cases[] = {
      {"compare " + small, "se necesitan al menos dos escenarios (se recibió 1)"},
      {"sweep " + small + " -n 0",
       "--replications debe ser al menos 1; se encontró 0; no se "
       "ejecutó ni se escribió nada."},
      {"sweep " + small + " -n 2 --budget-limit 2031=5",
       "'2031' no es uno de los años escolares del escenario ni 'total'; ¿quiso decir "
       "'2021'? (se esperaba total, 2021)"},
      {"audit " + kScenarios + "peru-2013.yaml --actuals " + kScenarios +
           "actuals-2013.csv --exclude Xyzzy",
       "--exclude 'Xyzzy': el escenario no tiene una región con ese nombre (se esperaba una de: "
       "Amazonas, "}};
  for (const auto& [args, expected] : cases) {
    SCOPED_TRACE(args);
    const auto b = run_both("t-flags", args + " --out OUT");
    EXPECT_EQ(b.es.exit_code, 2) << b.es.output;
    EXPECT_NE(b.es.output.find(expected), std::string::npos) << b.es.output;
    EXPECT_EQ(untranslated(b.es.output, {small}), std::vector<std::string>{}) << b.es.output;
  }
}

// Every sheet's text of a workbook dump (the S and T lines of dump_xlsx.py).
std::string all_workbook_text(const std::string& dump) {
  std::string out, line;
  std::istringstream in(dump);
  while (std::getline(in, line))
    if (line.rfind("S\t", 0) == 0 || line.rfind("T\t", 0) == 0) out += line + "\n";
  return out;
}

// The compare workbook (coachsim compare --xlsx): sheet names, headers, notes, scopes and
// metrics translated, the same figures cell by cell.
TEST(Spanish, TheCompareWorkbookHasEveryMessageTranslatedAndTheSameFigures) {
  const std::string small = kScenarios + "small.yaml";
  const std::string fee = std::string(COACHSIM_SOURCE_DIR) + "/tests/data/compare/small-fee.yaml";
  std::string dump[2];
  const char* langs[2] = {"en", "es"};
  for (int i = 0; i < 2; ++i) {
    const fs::path dir = fresh_dir(std::string("compare-xlsx-") + langs[i]);
    const Result r = run("compare " + small + " " + fee + " -q --lang " + langs[i] + " --out " +
                         (dir / "o").string() + " --xlsx " + (dir / "c.xlsx").string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    const Result d =
        coachsim::testing::run_shell(python + " " COACHSIM_SOURCE_DIR "/tests/i18n/dump_xlsx.py '" +
                                     (dir / "c.xlsx").string() + "'");
    ASSERT_EQ(d.exit_code, 0) << d.output;
    dump[i] = d.output;
  }
  const std::vector<std::string> own = {small, fee, "Small hand-checkable scenario"};
  EXPECT_GE(untranslated(all_workbook_text(dump[0]), own).size(), 5u) << dump[0];
  EXPECT_EQ(untranslated(all_workbook_text(dump[1]), own), std::vector<std::string>{}) << dump[1];
  EXPECT_NE(dump[1].find("S\t1\tLo principal"), std::string::npos) << dump[1];
  EXPECT_NE(dump[1].find("S\t2\tComparación"), std::string::npos) << dump[1];
  EXPECT_NE(dump[1].find("\tcosto por docente\n"), std::string::npos) << dump[1];
  EXPECT_EQ(workbook_figures(dump[1]), workbook_figures(dump[0]));
  EXPECT_GT(workbook_figures(dump[0]).size(), 50u);
}

// The optimise workbook (optimise --xlsx, with the frontier): sheet names, headers and notes
// translated, the same figures cell by cell.
TEST(Spanish, TheOptimiseWorkbookHasEveryMessageTranslatedAndTheSameFigures) {
  const std::string small = kScenarios + "small.yaml";
  std::string dump[2];
  const char* langs[2] = {"en", "es"};
  for (int i = 0; i < 2; ++i) {
    const fs::path dir = fresh_dir(std::string("optimise-xlsx-") + langs[i]);
    const Result r =
        run("optimise " + small + " --budget 80% --frontier 50%..120%/3 -q --lang " + langs[i] +
            " --out " + (dir / "o").string() + " --xlsx " + (dir / "p.xlsx").string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    const Result d =
        coachsim::testing::run_shell(python + " " COACHSIM_SOURCE_DIR "/tests/i18n/dump_xlsx.py '" +
                                     (dir / "p.xlsx").string() + "'");
    ASSERT_EQ(d.exit_code, 0) << d.output;
    dump[i] = d.output;
  }
  const std::vector<std::string> own = {"Small hand-checkable scenario"};
  EXPECT_GE(untranslated(all_workbook_text(dump[0]), own).size(), 5u) << dump[0];
  EXPECT_EQ(untranslated(all_workbook_text(dump[1]), own), std::vector<std::string>{}) << dump[1];
  EXPECT_NE(dump[1].find("S\t2\tFrontera"), std::string::npos) << dump[1];
  EXPECT_NE(dump[1].find("el máximo de docentes con protocolo completo dentro de"),
            std::string::npos)
      << dump[1];
  EXPECT_EQ(workbook_figures(dump[1]), workbook_figures(dump[0]));
  EXPECT_GT(workbook_figures(dump[0]).size(), 10u);
}

// The audit workbook (audit --xlsx) of the 2013 audit: sheet names, headers, notes, findings and
// warnings translated, the same figures cell by cell.
TEST(Spanish, TheAuditWorkbookHasEveryMessageTranslatedAndTheSameFigures) {
  const std::string peru = kScenarios + "peru-2013.yaml", actuals = kScenarios + "actuals-2013.csv";
  std::string dump[2];
  const char* langs[2] = {"en", "es"};
  for (int i = 0; i < 2; ++i) {
    const fs::path dir = fresh_dir(std::string("audit-xlsx-") + langs[i]);
    const Result r = run("audit " + peru + " --actuals " + actuals + " -q --lang " + langs[i] +
                         " --out " + (dir / "o").string() + " --xlsx " + (dir / "a.xlsx").string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    const Result d =
        coachsim::testing::run_shell(python + " " COACHSIM_SOURCE_DIR "/tests/i18n/dump_xlsx.py '" +
                                     (dir / "a.xlsx").string() + "'");
    ASSERT_EQ(d.exit_code, 0) << d.output;
    dump[i] = d.output;
  }
  EXPECT_GE(untranslated(all_workbook_text(dump[0]), {}).size(), 10u) << dump[0];
  EXPECT_EQ(untranslated(all_workbook_text(dump[1]), {}), std::vector<std::string>{}) << dump[1];
  for (const char* sheet : {"S\t1\tHallazgos", "S\t2\tDispersión", "S\t4\tBrechas por categoría"})
    EXPECT_NE(dump[1].find(sheet), std::string::npos) << sheet;
  EXPECT_NE(dump[1].find("Tacna 2013: el costo por acompañante 20529.13 está 2.3 DE por debajo "),
            std::string::npos);
  EXPECT_EQ(workbook_figures(dump[1]), workbook_figures(dump[0]));
  EXPECT_GT(workbook_figures(dump[0]).size(), 100u);
}

// ---- The sweep, optimise and audit pages, and what is left of issue 14 ----

// A command run in both languages with `--html PAGE` (PAGE replaced by a file in each run's
// folder); each page's text as a reader meets it (page_text).
struct BothPages {
  BothLanguages runs;
  std::string en, es;
};
BothPages pages_in_both(const std::string& name, const std::string& args) {
  BothPages out;
  out.runs = run_both(name, args + " --html OUT/page.html");
  for (const std::string lang : {"en", "es"}) {
    const fs::path page =
        fs::temp_directory_path() / ("coachsim-i18n-test-" + name + "-" + lang) / "page.html";
    (lang == "en" ? out.en : out.es) = page_text(slurp(page));
  }
  return out;
}

// The page's figures and catalogue messages: none left in English (the English page has at least
// `min_english`, so the check can fail), the same numbers in the same order, and `phrase`.
void expect_page_translated(const BothPages& p, const std::vector<std::string>& own,
                            std::size_t min_english, const std::string& phrase) {
  ASSERT_EQ(p.runs.en.exit_code, 0) << p.runs.en.output;
  ASSERT_EQ(p.runs.es.exit_code, 0) << p.runs.es.output;
  EXPECT_GE(untranslated(p.en, own).size(), min_english) << p.en;
  EXPECT_EQ(untranslated(p.es, own), std::vector<std::string>{}) << p.es;
  EXPECT_EQ(numbers(p.es), numbers(p.en));
  EXPECT_GT(numbers(p.en).size(), 20u);
  EXPECT_NE(p.es.find(phrase), std::string::npos) << phrase << "\n" << p.es;
}

TEST(Spanish, TheSweepPageHasEveryMessageTranslatedAndTheSameFigures) {
  const std::string u = uncertain_small(fresh_dir("p-sweep-in")).string();
  const BothPages p = pages_in_both(
      "p-sweep", "sweep " + u +
                     " -n 8 --tornado -q --full-protocol-target 90 --budget-limit total=130000 "
                     "--out OUT");
  // The tornado's and the tables' field paths stay as the scenario writes them.
  expect_page_translated(p, {u, "small, uncertain", "costs.per_diem", "coach.monthly_fee"}, 10,
                         "La respuesta: probabilidades frente a los límites");
}

TEST(Spanish, TheOptimisePageHasEveryMessageTranslatedAndTheSameFigures) {
  const std::string small = kScenarios + "small.yaml";
  const BothPages p = pages_in_both(
      "p-optimise", "optimise " + small + " --budget 85% --frontier 50%..120%/3 -q --out OUT");
  expect_page_translated(p, {small, "Small hand-checkable scenario"}, 10,
                         "Docentes con protocolo completo (simulado)");
}

// The 2013 audit's page (three charts, the regression, 25 regions' findings).
TEST(Spanish, TheAuditPageHasEveryMessageTranslatedAndTheSameFigures) {
  const std::string peru = kScenarios + "peru-2013.yaml", actuals = kScenarios + "actuals-2013.csv";
  const BothPages p =
      pages_in_both("p-audit", "audit " + peru + " --actuals " + actuals + " -q --out OUT");
  expect_page_translated(p, {peru, actuals}, 15,
                         "Brecha por región: precio, cantidad y resto, 2013");
  for (const char* phrase :
       {"Costo por docente ajustado frente al ejecutado, 2013", "Hallazgos, 2013",
        "señalada (2 DE o más)", "Cajamarca 2013: el costo"})
    EXPECT_NE(p.es.find(phrase), std::string::npos) << phrase;
  // The regression's drivers by their Spanish names; the ids stay in the English page.
  EXPECT_NE(p.es.find("docentes por acompañante, estudiantes por IE"), std::string::npos);
  EXPECT_NE(p.en.find("(teachers_per_coach, students_per_school"), std::string::npos);
}

// When the regression cannot be estimated (one region), the reason is translated on the terminal,
// the workbook and the page, and stays English in audit_regression.csv, for scripts.
TEST(Spanish, TheRegressionsReasonIsTranslatedExceptInItsCsv) {
  const std::string small = kScenarios + "small.yaml";
  const std::string actuals =
      std::string(COACHSIM_SOURCE_DIR) + "/tests/data/audit/small-actuals.csv";
  const BothPages p = pages_in_both(
      "p-audit-small", "audit " + small + " --actuals " + actuals + " --xlsx OUT/a.xlsx --out OUT");
  ASSERT_EQ(p.runs.es.exit_code, 0) << p.runs.es.output;
  const std::string english = "need more regions than drivers + 1: 1 region for 0 drivers";
  const std::string spanish =
      "se necesitan más regiones que factores + 1: 1 región para 0 factores";
  EXPECT_NE(p.runs.en.output.find("Regression not estimated: " + english), std::string::npos)
      << p.runs.en.output;
  EXPECT_NE(p.runs.es.output.find("Regresión no estimada: " + spanish), std::string::npos)
      << p.runs.es.output;
  EXPECT_NE(p.en.find("was not estimated: " + english + "."), std::string::npos) << p.en;
  EXPECT_NE(p.es.find("No se estimó la regresión del costo por docente sobre sus factores: " +
                      spanish + "."),
            std::string::npos)
      << p.es;
  EXPECT_EQ(untranslated(p.es, {small, actuals}), std::vector<std::string>{}) << p.es;
  const fs::path es_dir = fs::temp_directory_path() / "coachsim-i18n-test-p-audit-small-es";
  const std::string csv = slurp(es_dir / "audit_regression.csv");
  EXPECT_NE(csv.find(",1,,," + english + "\n"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("región"), std::string::npos) << csv;
  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const Result dump =
      coachsim::testing::run_shell(python + " " COACHSIM_SOURCE_DIR "/tests/i18n/dump_xlsx.py '" +
                                   (es_dir / "a.xlsx").string() + "'");
  ASSERT_EQ(dump.exit_code, 0) << dump.output;
  EXPECT_NE(dump.output.find("no estimada: " + spanish), std::string::npos) << dump.output;
}

// The messages the loader used to build by concatenation (distributions and UGEL counts,
// extends, --set, uncertainty) are whole sentences in Spanish; English is as it was.
TEST(Spanish, TheLoadersSentencesAboutDistributionsExtendsSetAndUncertainty) {
  const fs::path dir = fresh_dir("loader-sentences");
  const std::string small = kScenarios + "small.yaml";
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  const std::string base = "coachsim: 1\nextends: \"" + small + "\"\n";
  const std::string region =
      base +
      "regions:\n  - id: Alpha\n    geography: plain\n    ugels: UGELS\n    staff: {officer: 1}\n"
      "    schools:\n      - {school_type: t, count: 3, teachers: TEACHERS, "
      "students_per_teacher: 10, distance_km: 10}\n";
  const auto with = [&](std::string ugels, std::string teachers) {
    std::string t = region;
    t.replace(t.find("UGELS"), 5, ugels);
    t.replace(t.find("TEACHERS"), 8, teachers);
    return t;
  };
  const auto uncertain = [&](const std::string& entry) {
    return base + "uncertainty:\n  - " + entry + "\n";
  };
  write("cycle-b.yaml", "coachsim: 1\nextends: \"cycle-a.yaml\"\n");
  const auto in_dir = [&](const std::string& name) { return (dir / name).string(); };
  struct Case {
    std::string args, english, spanish;
  };
  const Case cases[] = {
      {"validate " + write("d1.yaml", with("[U1]", "{uniform: [1]}")),
       "teachers.uniform: expected [min, max] (2 numbers), got 1 value",
       "teachers.uniform: se esperaba [min, max] (2 números); se encontró 1 valor"},
      {"validate " + write("d2.yaml", with("[U1]", "{uniform: [1, 2], triangular: [1, 2, 3]}")),
       "teachers: expected exactly one of fixed, uniform, triangular, lognormal, got uniform, "
       "triangular",
       "teachers: se esperaba exactamente uno de fixed, uniform, triangular, lognormal; se "
       "encontró uniform, triangular"},
      {"validate " + write("d3.yaml", with("0", "2")),
       "ugels: expected a count of UGELs between 1 and 10000 (or a list of names), got 0",
       "ugels: se esperaba un número de UGEL entre 1 y 10000 (o una lista de nombres); se "
       "encontró 0"},
      {"validate " + write("cycle-a.yaml", "coachsim: 1\nextends: \"cycle-b.yaml\"\n"),
       "extends forms a cycle: '" + in_dir("cycle-a.yaml") + "' extends '" +
           in_dir("cycle-b.yaml") + "' extends '" + in_dir("cycle-a.yaml") + "'",
       "extends forma un ciclo: '" + in_dir("cycle-a.yaml") + "' extiende '" +
           in_dir("cycle-b.yaml") + "' extiende '" + in_dir("cycle-a.yaml") + "'"},
      {"validate " + write("e1.yaml", "coachsim: 1\nextends: [a]\n"),
       "expected the file this scenario extends (a path relative to this file, or "
       "'builtin:default'), got a list",
       "se esperaba el archivo que este escenario extiende (una ruta relativa a este archivo, o "
       "'builtin:default'); se encontró una lista"},
      {"run " + small + " --set 'regions[Alpah].coaches=3' --out " + (dir / "o").string(),
       "--set 'regions[Alpah].coaches=3': regions[Alpah].coaches: no item 'Alpah' in regions; did "
       "you mean 'Alpha'?",
       "--set 'regions[Alpah].coaches=3': regions[Alpah].coaches: no hay un elemento 'Alpah' en "
       "regions; ¿quiso decir 'Alpha'?"},
      {"run " + small + " --set 'coach.monthly_fee.x=3' --out " + (dir / "o").string(),
       "cannot set 'x' inside coach.monthly_fee, which is '3000 PEN/month', not a map",
       "no se puede asignar 'x' dentro de coach.monthly_fee, que es '3000 PEN/month', no un mapa"},
      {"run " + small + " --set nothing --out " + (dir / "o").string(),
       "--set 'nothing': expected PATH=VALUE, e.g. 'regions[Loreto].coaches=352' or "
       "'coach.monthly_fee=4200 PEN/month'",
       "--set 'nothing': se esperaba RUTA=VALOR, p. ej. 'regions[Loreto].coaches=352' o "
       "'coach.monthly_fee=4200 PEN/month'"},
      {"validate " + write("u1.yaml", uncertain("{field: coach.monthly_fee, uniform: ['1 "
                                                "PEN/month', '2 days']}")),
       "expected the same unit as the entry's other values ('PEN/month'), got '2 days'",
       "se esperaba la misma unidad que los demás valores de la entrada ('PEN/month'); se "
       "encontró '2 days'"},
      {"validate " + write("u2.yaml", uncertain("{field: coach.nothing, uniform: [1, 2]}")),
       "'coach.nothing' matches no value written in the scenario (uncertain inputs must name "
       "values the file sets)",
       "'coach.nothing' no coincide con ningún valor escrito en el escenario (los insumos "
       "inciertos deben nombrar valores que el archivo fija)"},
      {"validate " + write("u3.yaml", uncertain("{field: costs.per_diem, factor: {uniform: [-1, "
                                                "2]}}")),
       "uncertainty[0]: at its low end factor -1 the field costs.per_diem is invalid: expected an "
       "amount >= 0.00 PEN/day, got -100.00 PEN/day",
       "uncertainty[0]: en su extremo inferior factor -1 el campo costs.per_diem no es válido: se "
       "esperaba un monto >= 0.00 PEN/day; se encontró -100.00 PEN/day"}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args);
    const Result en = run(c.args + " --lang en"), es = run(c.args + " --lang es");
    EXPECT_EQ(en.exit_code, 2) << en.output;
    EXPECT_EQ(es.exit_code, 2) << es.output;
    EXPECT_NE(en.output.find(c.english), std::string::npos) << en.output;
    EXPECT_NE(es.output.find(c.spanish), std::string::npos) << es.output;
    // Field paths (costs.per_diem) stay as the scenario writes them.
    EXPECT_EQ(untranslated(es.output, {dir.string(), small, "costs.per_diem"}),
              std::vector<std::string>{})
        << es.output;
  }
}

// CLI11's own refusals of a command line, in Spanish naming the flag; English keeps CLI11's text.
TEST(Spanish, CommandLineErrorsNameTheFlagInSpanish) {
  const std::string small = kScenarios + "small.yaml";
  struct Case {
    std::string args, english, spanish;
  };
  const Case cases[] = {
      {"run " + small + " extra", "The following argument was not expected: extra",
       "coachsim: argumento no esperado: extra"},
      {"run " + small + " --out", "--out: 1 required TEXT missing",
       "coachsim: --out: falta el valor (se esperaba TEXTO)"},
      {"run " + small + " --seed abc", "--seed: Value abc not in range",
       "coachsim: --seed: se esperaba un número mayor o igual que 0; se encontró 'abc'"},
      {"run " + small + " --csv-sep x", "--csv-sep: x not in {,,;}",
       "coachsim: --csv-sep: se esperaba uno de {,,;}; se encontró 'x'"},
      {"run " + small + " --seed 1 --seed 2", "--seed: At Most 1 required but received 2",
       "coachsim: --seed: se dio 2 veces; admite un solo valor"},
      {"audit " + small, "--actuals is required", "coachsim: falta --actuals, que es obligatorio"},
      {"run " + small + " --quiet=maybe", "Could not convert: --quiet = maybe",
       "coachsim: --quiet: no se puede leer 'maybe' como su valor"},
      {"run " + small + " --bogus", "coachsim run: unknown flag '--bogus'",
       "coachsim run: opción desconocida '--bogus'"},
      {"runn", "coachsim: unknown command 'runn'; did you mean 'run'?",
       "coachsim: comando desconocido 'runn'; ¿quiso decir 'run'?"},
      // The value of --lang is not taken for a command.
      {"", "A subcommand is required",
       "coachsim: falta el comando: run, validate, audit, compare, sweep, optimise o template"}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args);
    // The language first: the flag under test may be last, waiting for its value.
    const Result en = run("--lang en " + c.args), es = run("--lang es " + c.args);
    EXPECT_EQ(en.exit_code, 2) << en.output;
    EXPECT_EQ(es.exit_code, 2) << es.output;
    EXPECT_NE(en.output.find(c.english), std::string::npos) << en.output;
    EXPECT_NE(es.output.find(c.spanish), std::string::npos) << es.output;
    EXPECT_EQ(es.output.find("Run with --help"), std::string::npos) << es.output;
    EXPECT_EQ(untranslated(es.output, {small}), std::vector<std::string>{}) << es.output;
  }
}

// The progress line, shown on a terminal only (here a pseudo-terminal from script(1)), is in the
// chosen language.
TEST(Spanish, TheProgressLineIsInTheChosenLanguage) {
  if (!fs::exists("/usr/bin/script")) GTEST_SKIP() << "script(1) is not installed";
  const std::string u = uncertain_small(fresh_dir("progress-in")).string();
  std::string seen[2];
  const char* langs[2] = {"en", "es"};
  for (int i = 0; i < 2; ++i) {
    const fs::path dir = fresh_dir(std::string("progress-") + langs[i]);
    // Enough replications to run past the one second before the line is first drawn, stopped
    // (SIGINT, exit 124 from timeout) after four: the line is drawn by then, and the whole sweep
    // takes half a minute in the sanitizer build.
    const std::string line = "timeout -s INT 4 " + std::string(COACHSIM_BINARY) + " sweep " + u +
                             " -n 10000 --threads 1 --out " + (dir / "o").string() + " --lang " +
                             langs[i];
    const Result r = coachsim::testing::run_shell("/usr/bin/script -qec '" + line + "' /dev/null");
    ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 124) << r.exit_code << "\n" << r.output;
    seen[i] = r.output;
  }
  if (seen[0].find("ETA ") == std::string::npos)
    GTEST_SKIP() << "the sweep ended before the progress line was drawn:\n" << seen[0];
  EXPECT_NE(seen[0].find(" of 10000"), std::string::npos) << seen[0];
  EXPECT_NE(seen[1].find("faltan "), std::string::npos) << seen[1];
  EXPECT_NE(seen[1].find(" de 10000"), std::string::npos) << seen[1];
  EXPECT_EQ(seen[1].find("ETA "), std::string::npos) << seen[1];
  EXPECT_EQ(seen[1].find("replication "), std::string::npos) << seen[1];
}

// The page in headless Chromium: the charts it expects and the charts it drew
// (data-charts-expected and data-charts-rendered on <body>), and a screenshot at `png`.
struct Drawn {
  std::string expected, rendered, log;
};
Drawn draw_in_chromium(const fs::path& html, const fs::path& png) {
  Drawn out;
  const fs::path profile = fresh_dir("chromium-profile-" + png.stem().string());
  const std::string chromium =
      "timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --no-first-run "
      "--disable-background-networking --hide-scrollbars --virtual-time-budget=15000 "
      "--user-data-dir='" +
      profile.string() + "'";
  const fs::path dom = profile / "dom.html";
  out.log = coachsim::testing::run_shell(chromium + " --dump-dom 'file://" + html.string() +
                                         "' > '" + dom.string() + "'")
                .output;
  fs::remove(png);
  out.log += coachsim::testing::run_shell(chromium + " --window-size=1280,6000 --screenshot='" +
                                          png.string() + "' 'file://" + html.string() + "'")
                 .output;
  const std::string d = slurp(dom);
  const std::size_t body = d.rfind("<body");
  const std::string tag = body == std::string::npos ? "" : d.substr(body, d.find('>', body) - body);
  const auto attribute = [&](const std::string& name) {
    const std::size_t at = tag.find(name + "=\"");
    if (at == std::string::npos) return std::string();
    const std::size_t from = at + name.size() + 2;
    return tag.substr(from, tag.find('"', from) - from);
  };
  out.expected = attribute("data-charts-expected");
  out.rendered = attribute("data-charts-rendered");
  return out;
}

// The "Done when" of issue 14, as a finance officer does it in Spanish without touching YAML:
// the input workbook from `template --lang es`, Loreto's coaches and Cusco's budget changed in
// it (openpyxl, as Excel would), then `run inputs.xlsx --lang es --xlsx --html`. The Spanish
// workbook and page carry every figure of the English ones, no catalogue message in English, the
// edits themselves, and the Spanish page's charts all render in headless Chromium (screenshot
// left in the build folder as done_when_es.png).
TEST(Spanish, AFinanceOfficerEditsTheWorkbookAndReadsSpanishReportsWithTheEnglishFigures) {
  const fs::path dir = fresh_dir("done-when");
  const fs::path inputs = dir / "entradas.xlsx", book = dir / "edited.xlsx";
  const Result made = run("template --xlsx " + inputs.string() + " --lang es");
  ASSERT_EQ(made.exit_code, 0) << made.output;
  const auto national = coachsim::scenario::load_scenario_file(kScenarios + "default.yaml");
  ASSERT_TRUE(national.ok());
  const std::vector<std::string> own = {national.scenario.name, national.scenario.description,
                                        book.string()};
  EXPECT_NE(made.output.find("Se escribió " + inputs.string()), std::string::npos) << made.output;
  EXPECT_EQ(untranslated(made.output, {inputs.string(), national.scenario.name}),
            std::vector<std::string>{})
      << made.output;
  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const Result edited = coachsim::testing::run_shell(
      python + " " COACHSIM_SOURCE_DIR "/tests/data/workbook/edit_workbook.py '" + inputs.string() +
      "' '" + book.string() +
      "' 'Regions!coaches@Loreto=320' 'Budget!B2=annual' 'Budget by region and year!A2=Cusco' "
      "'Budget by region and year!B2=2021' 'Budget by region and year!C2=17000000'");
  ASSERT_EQ(edited.exit_code, 0) << edited.output;
  // Both languages from the edited workbook: every message translated, the same figures.
  const Rendered spanish = expect_spanish_equals_english(book.string(), own);
  const fs::path es = fs::temp_directory_path() / "coachsim-i18n-test-es-edited";
  const std::string page = slurp(es / "report.html");
  // The edits reached the reports: Loreto's 320 coaches, Cusco's PIA of 17,000,000.00.
  EXPECT_NE(slurp(es / "o" / "regions.csv").find("\nLoreto,2021,2131,1221,31532,320,"),
            std::string::npos);
  EXPECT_NE(slurp(es / "o" / "execution.csv")
                .find("\nCusco,2021,12,17000000.00,17000000.00,17000000.00,"),
            std::string::npos);
  EXPECT_NE(spanish.workbook.find("\t17000000\n"), std::string::npos);  // the Budget sheet
  EXPECT_NE(page.find("Ejecución presupuestal nacional por mes"), std::string::npos);
  if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "/usr/bin/chromium is not installed";
  const fs::path png = fs::path(COACHSIM_BINARY).parent_path() / "done_when_es.png";
  const Drawn drawn = draw_in_chromium(es / "report.html", png);
  EXPECT_FALSE(drawn.expected.empty()) << drawn.log;
  EXPECT_EQ(drawn.rendered, drawn.expected) << drawn.log;
  ASSERT_TRUE(fs::exists(png)) << drawn.log;
  EXPECT_GT(fs::file_size(png), 50000u);
}

// A schools CSV saved by Excel in a Spanish locale: the terminal says how it was read in
// Spanish; summary.json keeps the English note for scripts.
TEST(Spanish, TheSchoolsCsvDialectNoteIsInSpanishOnTheTerminalOnly) {
  const fs::path dir = fresh_dir("schools-dialect");
  std::string csv = slurp(kScenarios + "small-schools.csv");
  for (char& c : csv)
    if (c == ',') c = ';';
  std::ofstream(dir / "s.csv") << csv;
  std::ofstream(dir / "sc.yaml") << "coachsim: 1\nextends: \"" << kScenarios
                                 << "small.yaml\"\nregions:\n  - id: Alpha\n    geography: plain\n"
                                    "    ugels: [U1]\n    staff: {officer: 1}\n"
                                    "    schools_csv: s.csv\n";
  const std::string line = "run " + (dir / "sc.yaml").string() + " --out " + (dir / "o").string();
  const Result en = run(line + " --lang en");
  ASSERT_EQ(en.exit_code, 0) << en.output;
  EXPECT_NE(en.output.find("Input: schools CSV " + (dir / "s.csv").string() +
                           ": separator ';', decimal point"),
            std::string::npos)
      << en.output;
  const Result es = run(line + " --lang es");
  ASSERT_EQ(es.exit_code, 0) << es.output;
  EXPECT_NE(es.output.find("Entrada: CSV de instituciones educativas " + (dir / "s.csv").string() +
                           ": separador ';', punto decimal"),
            std::string::npos)
      << es.output;
  EXPECT_NE(slurp(dir / "o" / "summary.json")
                .find("schools CSV " + (dir / "s.csv").string() + ": separator ';', decimal point"),
            std::string::npos);
}

}  // namespace i18n_cli_test
