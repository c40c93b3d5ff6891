// coachsim command line: parses flags (CLI11) and hands over to a command.
#include <CLI/CLI.hpp>
#include <iostream>
#include <new>

#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/csv_output.hpp"
#include "coachsim/report/interrupt.hpp"
#include "coachsim/units/checked.hpp"

#include "commands.hpp"
#include "load.hpp"
#include "parse_error_text.hpp"
#include "suggest_fix.hpp"
#include "translated_help.hpp"

int main(int argc, char** argv) {
  using namespace coachsim::cli;
  coachsim::report::handle_interrupts();  // before any thread starts, so all inherit the mask
  // The language first: --help and the parser's own errors are already in it.
  coachsim::i18n::set_language(language_of_command_line(argc, argv));
  CLI::App app{coachsim::trf(
      "coachsim {0}: what a teacher-coaching programme costs and whom it reaches.\n"
      "Example: coachsim run                       (the built-in national default scenario)\n"
      "         coachsim run scenarios/small.yaml --out out-small",
      {COACHSIM_VERSION})};
  use_translated_help(app);  // before the subcommands: they inherit its formatter
  app.require_subcommand(1);
  app.set_version_flag("--version", "coachsim " COACHSIM_VERSION);

  RunOptions run;
  CLI::App* run_cmd = app.add_subcommand(
      "run",
      "Simulate a scenario and write regions.csv, national.csv, ledger.csv, variance.csv,\n"
      "missed.csv and summary.json.\nExample: coachsim run scenarios/default.yaml --out out "
      "--seed 7");
  run_cmd->add_option("scenario", run.scenario,
                      "Scenario YAML file (default: the built-in national scenario)");
  run_cmd->add_option("--out", run.out_dir, "Output folder (default: out)");
  run_cmd->add_option("--seed", run.seed, "Override the scenario's random seed")
      ->check(CLI::NonNegativeNumber);
  run_cmd->add_flag_callback(
      "--no-ledger", [&run] { run.ledger = false; }, "Do not keep or write ledger.csv");
  run_cmd->add_option("--sqlite", run.sqlite,
                      "Also write the ledger, population and results to an SQLite file");
  run_cmd->add_option(
      "--xlsx", run.xlsx,
      "Also write an Excel workbook (summary, regions, categories, PpR execution, budget, "
      "variance, ledger by month, inputs)");
  // Checked in run_command rather than with CLI11's needs(), whose "Needs: --xlsx" ran into the
  // description in --help.
  run_cmd->add_flag("--xlsx-ledger", run.xlsx_ledger,
                    "With --xlsx: also list every ledger entry in the workbook (large: ledger.csv "
                    "has them)");
  run_cmd->add_option("--html", run.html,
                      "Also write a self-contained HTML report with charts (opens offline)");
  run_cmd->add_flag("-q,--quiet", run.quiet, "Print nothing on success");
  std::string run_format = "text";
  run_cmd->add_option("--format", run_format, "Output on the terminal: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));

  std::string validate_file;
  bool validate_quiet = false;
  CLI::App* validate_cmd = app.add_subcommand(
      "validate",
      "Check a scenario file without running it; prints every problem with file:line:column.\n"
      "Example: coachsim validate scenarios/default.yaml");
  validate_cmd->add_option("scenario", validate_file, "Scenario YAML file")->required();
  validate_cmd->add_flag("-q,--quiet", validate_quiet, "Print nothing when valid");
  std::string validate_format = "text";
  validate_cmd
      ->add_option("--format", validate_format,
                   "text (default) or json: {input, valid, errors: [{file, line, column, field, "
                   "message}]} on standard output")
      ->check(CLI::IsMember({"text", "json"}));

  AuditOptions audit;
  CLI::App* audit_cmd = app.add_subcommand(
      "audit",
      "Compare each region's reported spending (--actuals CSV) with what its structure costs\n"
      "under the scenario: ratio spreads with z-scores, gap by category (price, quantity,\n"
      "rest), a regression of cost per teacher on its drivers, and ranked findings.\n"
      "Example: coachsim audit scenarios/peru-2013.yaml --actuals scenarios/actuals-2013.csv "
      "--exclude Callao");
  audit_cmd->add_option("scenario", audit.scenario,
                        "Scenario YAML file (default: the built-in national scenario)");
  audit_cmd->add_option("--actuals", audit.actuals, "Actuals CSV (see README)")->required();
  audit_cmd->add_option("--out", audit.out_dir, "Output folder (default: out-audit)");
  audit_cmd->add_option("--exclude", audit.exclude,
                        "Leave a region out of the statistics (repeatable), e.g. Callao");
  audit_cmd->add_option("--seed", audit.seed, "Override the scenario's random seed")
      ->check(CLI::NonNegativeNumber);
  audit_cmd->add_flag("-q,--quiet", audit.quiet, "Print nothing on success");
  audit_cmd->add_option("--xlsx", audit.xlsx, "Also write the audit as an Excel workbook");
  audit_cmd->add_option("--html", audit.html,
                        "Also write the audit as a self-contained HTML page with charts "
                        "(opens offline)");

  CompareOptions compare;
  CLI::App* compare_cmd = app.add_subcommand(
      "compare",
      "Run two or more scenarios and write their figures side by side, with each one's\n"
      "difference from the first: compare.csv, compare.json (and --html, --xlsx).\n"
      "Example: coachsim compare scenarios/small.yaml variant.yaml --seed 7 --html cmp.html");
  compare_cmd->add_option("scenarios", compare.scenarios,
                          "Scenario YAML files, the first is the baseline (builtin:default "
                          "names the built-in national scenario)");
  compare_cmd->add_option("--out", compare.out_dir, "Output folder (default: out-compare)");
  compare_cmd->add_option("--seed", compare.seed, "Run every scenario with this seed")
      ->check(CLI::NonNegativeNumber);
  compare_cmd->add_option("--html", compare.html,
                          "Also write a self-contained HTML page with the scenarios side by side");
  compare_cmd->add_option("--xlsx", compare.xlsx,
                          "Also write an Excel workbook with a Comparison sheet");
  compare_cmd->add_flag("-q,--quiet", compare.quiet, "Print nothing on success");
  std::string compare_format = "text";
  compare_cmd
      ->add_option("--format", compare_format,
                   "Output on the terminal: text (default) or json (compare.json)")
      ->check(CLI::IsMember({"text", "json"}));

  SweepOptions sweep;
  CLI::App* sweep_cmd = app.add_subcommand(
      "sweep",
      "Monte Carlo replications of the scenario's declared uncertainty: mean, SD, P5/P50/P95 of\n"
      "every figure, exceedance probabilities, tornado and regression sensitivity.\n"
      "Example: coachsim sweep scenarios/uncertain-default.yaml --replications 1000 --tornado");
  sweep_cmd->add_option("scenario", sweep.scenario,
                        "Scenario YAML file (default: the built-in national scenario)");
  sweep_cmd->add_option("--replications,-n", sweep.replications, "Number of replications (>= 1)")
      ->required();
  sweep_cmd->add_option("--threads", sweep.threads, "Worker threads (default: every core)");
  sweep_cmd->add_option("--seed", sweep.seed, "Override the scenario's random seed")
      ->check(CLI::NonNegativeNumber);
  sweep_cmd->add_option("--out", sweep.out_dir, "Output folder (default: out/sweep)");
  sweep_cmd->add_option("--budget-limit", sweep.budget_limits,
                        "Report P(national cost > limit); repeatable: YEAR=AMOUNT for one year,\n"
                        "total=AMOUNT for all years together, AMOUNT for each year alike;\n"
                        "e.g. --budget-limit 2021=90000000 --budget-limit 'total=S/ 260000000'");
  sweep_cmd->add_option("--coverage-target", sweep.coverage_target,
                        "Report P(coverage_pct < PCT) per region and year, e.g. 95%");
  sweep_cmd->add_option("--full-protocol-target", sweep.full_protocol_target,
                        "Report P(full_protocol_pct < PCT) per region and year, e.g. 60%");
  sweep_cmd->add_option("--html", sweep.html,
                        "Also write a self-contained HTML page: fan charts, tornado, coefficients");
  sweep_cmd->add_flag("--tornado", sweep.tornado,
                      "Also move each uncertain input alone to its P5 and P95 (tornado.csv)");
  sweep_cmd->add_flag("-q,--quiet", sweep.quiet, "Print nothing on success");
  std::string sweep_format = "text";
  sweep_cmd->add_option("--format", sweep_format, "Output on the terminal: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));

  OptimiseOptions optimise;
  CLI::App* optimise_cmd = app.add_subcommand(
      "optimise",
      "Which caseloads to coach in a year for the most full-protocol teachers within a national\n"
      "budget (COIN-OR CBC): plan.yaml, plan.csv, and the pro-rata cut and protect_teachers at\n"
      "the same budget. Example: coachsim optimise scenarios/default.yaml --budget 85% --year "
      "2021");
  optimise_cmd->add_option("scenario", optimise.scenario,
                           "Scenario YAML file (default: the built-in national scenario)");
  optimise_cmd
      ->add_option("--budget", optimise.budget,
                   "National budget for each year: '313000000 PEN' or '85%' of its plan; "
                   "per year: '2021=85%,2022=90%'")
      ->required();
  optimise_cmd->add_option("--year", optimise.year,
                           "Calendar year, several ('2021,2022') or 'all', solved together with "
                           "continuity (default: the years of a per-year --budget, else the "
                           "first)");
  optimise_cmd
      ->add_option("--objective", optimise.objective,
                   "full_protocol (default: teachers coached), learning (expected learning gain "
                   "of their students, from outcomes:), equity (teachers weighted by "
                   "--equity-weights)")
      ->check(CLI::IsMember({"full_protocol", "learning", "equity"}));
  optimise_cmd->add_option("--equity-weights", optimise.equity_weights,
                           "For --objective equity: NAME=WEIGHT,... over rural, urban, border and "
                           "school type ids (default rural=1.5,multigrade=1.5,eib=2)");
  optimise_cmd->add_option("--floor-coverage", optimise.floor_pct,
                           "Each region keeps at least PCT% of its teachers (default 0)");
  optimise_cmd->add_option("--out", optimise.out_dir, "Output folder (default: out-optimise)");
  optimise_cmd->add_option("--frontier", optimise.frontier,
                           "Also solve FROM%..TO%/STEPS of the plan's cost: frontier.csv");
  optimise_cmd->add_option("--budget-region", optimise.budget_region,
                           "REGION=AMOUNT|PCT: that region's budget for each year solved, or per "
                           "year REGION=YEAR=AMOUNT|PCT,YEAR=... (repeatable)");
  optimise_cmd->add_option("--coach-supply", optimise.coach_supply,
                           "REGION=N: the most coaches that region can contract, or per year "
                           "REGION=YEAR=N,YEAR=... (repeatable)");
  optimise_cmd->add_option("--xlsx", optimise.xlsx,
                           "Also write a workbook: Plan and Frontier sheets");
  optimise_cmd->add_option("--html", optimise.html,
                           "Also write an HTML page: the plan against the pro-rata cut, full "
                           "protocol by region, and with --frontier what each extra million buys");
  optimise_cmd->add_flag("-q,--quiet", optimise.quiet, "Print nothing on success");

  TemplateOptions template_options;
  CLI::App* template_cmd = app.add_subcommand(
      "template",
      "Write a scenario's inputs as a workbook to edit in Excel (regions, unit costs, budget,\n"
      "calendar, protocol, sources; units in the headers, data validation); every command\n"
      "that takes a scenario reads it back.\n"
      "Example: coachsim template --xlsx inputs.xlsx   then   coachsim run inputs.xlsx");
  template_cmd->add_option("scenario", template_options.scenario,
                           "Scenario YAML or .xlsx file (default: the built-in national scenario)");
  template_cmd->add_option("--xlsx", template_options.xlsx, "The input workbook to write")
      ->required();
  template_cmd->add_flag("-q,--quiet", template_options.quiet, "Print nothing on success");

  // --set PATH=VALUE on every command that takes a scenario (load.hpp).
  std::vector<std::string> sets;
  for (CLI::App* cmd :
       {run_cmd, validate_cmd, audit_cmd, compare_cmd, sweep_cmd, optimise_cmd, template_cmd}) {
    cmd->add_option(
        "--set", sets,
        "Change one value of the scenario, checked as if the file said it (repeatable;\n"
        "paths as in uncertainty:), e.g. --set 'regions[Loreto].coaches=352'\n"
        "--set 'coach.monthly_fee=4200 PEN/month'");
  }
  // Output CSVs for Excel (csv_output.hpp) on every command that writes CSV files.
  bool csv_bom = false;
  std::string csv_sep = ",";
  for (CLI::App* cmd : {run_cmd, audit_cmd, compare_cmd, sweep_cmd}) {
    cmd->add_flag("--csv-bom", csv_bom,
                  "Start output CSVs with a UTF-8 byte-order mark (Excel on Windows then shows\n"
                  "Áncash and Huánuco correctly)");
    cmd->add_option("--csv-sep", csv_sep,
                    "Output CSV separator: ',' (default) or ';' with decimal commas (Excel in a\n"
                    "Spanish locale)")
        ->check(CLI::IsMember({",", ";"}));
  }

  // The language of the terminal, workbook and HTML reports and of the error messages (README
  // "En español"); CSV and JSON files keep their English column names whatever it is.
  std::string lang;
  const std::vector<std::string> langs = coachsim::i18n::languages();
  std::string lang_list;
  for (const std::string& l : langs) lang_list += (lang_list.empty() ? "" : "|") + l;
  for (CLI::App* cmd : {&app, run_cmd, validate_cmd, audit_cmd, compare_cmd, sweep_cmd,
                        optimise_cmd, template_cmd}) {
    cmd->add_option("--lang", lang,
                    coachsim::trf("Language of the reports and messages: {0} (default: "
                                  "COACHSIM_LANG, else LC_ALL, LC_MESSAGES, LANG; es* gives "
                                  "Spanish)",
                                  {lang_list}))
        ->check(CLI::IsMember(langs));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    const std::string fix = suggest_fix(app, argc, argv);
    // CLI11's own message (English), or its translation in another language.
    const std::string translated = fix.empty() ? translated_parse_error(e) : "";
    if (fix.empty() && translated.empty()) app.exit(e);
    std::cerr << fix << (fix.empty() ? "" : "\n");
    if (!translated.empty()) std::cerr << "coachsim: " << translated << "\n";
    std::cerr << coachsim::tr("Run 'coachsim --help' or 'coachsim COMMAND --help' for usage.")
              << "\n";
    return kExitBadInput;
  }
  if (!lang.empty()) coachsim::i18n::set_language(lang);
  // The command boundary: whatever a command throws ends here with a message and an exit code,
  // never an abort. Each command writes its outputs all-or-nothing, so nothing partial is left.
  {
    coachsim::scenario::LoadOptions input;
    for (const std::string& argument : sets) {
      std::string error;
      auto set = coachsim::scenario::parse_set_argument(argument, error);
      if (!set) {
        std::cerr << error << "\n";
        return kExitBadInput;
      }
      input.sets.push_back(std::move(*set));
    }
    set_input_options(std::move(input));
    coachsim::report::set_csv_output({csv_bom, csv_sep == ";" ? ';' : ','});
  }
  try {
    run.json = run_format == "json";
    if (*run_cmd) return run_command(run);
    if (*validate_cmd)
      return validate_command(validate_file, validate_quiet, validate_format == "json");
    if (*audit_cmd) return audit_command(audit);
    if (*template_cmd) return template_command(template_options);
    compare.json = compare_format == "json";
    if (*compare_cmd) return compare_command(compare);
    sweep.json = sweep_format == "json";
    if (*sweep_cmd) return sweep_command(sweep);
    if (*optimise_cmd) return optimise_command(optimise);
  } catch (const coachsim::units::TooLarge& e) {
    std::cerr << coachsim::trf("coachsim: the input is beyond coachsim's limits: {0}", {e.what()})
              << "\n"
              << coachsim::tr("Nothing was written.") << "\n";
    return kExitBadInput;
  } catch (const std::bad_alloc&) {
    std::cerr << coachsim::tr(
                     "coachsim: out of memory; nothing was written. The input may be "
                     "larger than coachsim's limits (README \"Limits\").")
              << "\n";
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << coachsim::trf("coachsim: internal error: {0}", {e.what()}) << "\n"
              << coachsim::tr("This is a bug in coachsim; nothing was written.") << "\n";
    return kExitFailure;
  } catch (...) {
    std::cerr << coachsim::tr(
                     "coachsim: internal error (an unknown exception); nothing was written.")
              << "\n";
    return kExitFailure;
  }
  return kExitBadInput;
}
