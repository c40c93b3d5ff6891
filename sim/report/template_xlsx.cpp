// The input workbook written with libxlsxwriter (template_xlsx.hpp).
#include "coachsim/report/template_xlsx.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "atomic_file.hpp"

namespace coachsim::report {

namespace {

using scenario::Workbook;
using scenario::WorkbookCell;
using scenario::WorkbookCheck;
using scenario::WorkbookSheet;

const char* kind_name(WorkbookSheet::Kind kind) {
  switch (kind) {
    case WorkbookSheet::Kind::kSettings:
      return "settings";
    case WorkbookSheet::Kind::kTable:
      return "table";
    case WorkbookSheet::Kind::kChild:
      return "child";
    case WorkbookSheet::Kind::kSchools:
      return "schools";
    case WorkbookSheet::Kind::kSources:
      return "sources";
  }
  return "table";
}

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR)
    throw std::runtime_error(std::string(what) + ": " + lxw_strerror(error));
}

struct Formats {
  lxw_format* header = nullptr;
  lxw_format* text = nullptr;  // "@": Excel keeps what is typed as text (dates, '100%')
  lxw_format* title = nullptr;
  lxw_format* wrap = nullptr;
};

void write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const WorkbookCell& cell,
                const Formats& f) {
  switch (cell.kind) {
    case WorkbookCell::Kind::kEmpty:
      break;
    case WorkbookCell::Kind::kNumber:
      worksheet_write_number(ws, r, c, cell.number, nullptr);
      break;
    case WorkbookCell::Kind::kBool:
      worksheet_write_boolean(ws, r, c, cell.flag ? 1 : 0, nullptr);
      break;
    case WorkbookCell::Kind::kText:
      worksheet_write_string(ws, r, c, cell.text.c_str(), f.text);
      break;
  }
}

// Data validation of cells [first_row, last_row] of column c.
void validate(lxw_worksheet* ws, lxw_row_t first_row, lxw_row_t last_row, lxw_col_t c,
              const WorkbookCheck& check_of) {
  if (check_of.kind == WorkbookCheck::Kind::kNone) return;
  lxw_data_validation v{};
  std::vector<char*> list;
  std::string formula;
  switch (check_of.kind) {
    case WorkbookCheck::Kind::kList:
      v.validate = LXW_VALIDATION_TYPE_LIST;
      if (check_of.choices.size() == 1 && check_of.choices[0].rfind("=", 0) == 0) {
        v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;  // the ids of another sheet
        formula = check_of.choices[0];
        v.value_formula = formula.data();
      } else {
        for (const std::string& s : check_of.choices) list.push_back(const_cast<char*>(s.c_str()));
        list.push_back(nullptr);
        v.value_list = list.data();
      }
      break;
    case WorkbookCheck::Kind::kWhole:
    case WorkbookCheck::Kind::kDecimal:
      v.validate = check_of.kind == WorkbookCheck::Kind::kWhole ? LXW_VALIDATION_TYPE_INTEGER
                                                                : LXW_VALIDATION_TYPE_DECIMAL;
      v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      v.minimum_number = check_of.min;
      v.maximum_number = check_of.max;
      break;
    case WorkbookCheck::Kind::kNone:
      return;
  }
  // Text in a number column (e.g. "3 weeks") is allowed to reach the loader, whose message is
  // more precise than Excel's: Excel warns, it does not refuse.
  v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
  std::string message = "Expected " + check_of.message + ".";
  v.error_title = const_cast<char*>("coachsim");
  v.error_message = message.data();
  check(worksheet_data_validation_range(ws, first_row, c, last_row, c, &v),
        "cannot add data validation");
}

void readme(lxw_workbook* wb, const Workbook& book, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Léame");
  worksheet_set_column(ws, 0, 0, 30, nullptr);
  worksheet_set_column(ws, 1, 1, 110, f.wrap);
  lxw_row_t r = 0;
  const auto line = [&](const std::string& a, const std::string& b, lxw_format* fa = nullptr) {
    worksheet_write_string(ws, r, 0, a.c_str(), fa);
    if (!b.empty()) worksheet_write_string(ws, r, 1, b.c_str(), nullptr);
    ++r;
  };
  line("coachsim input workbook", "", f.title);
  line("Scenario", book.scenario_name);
  line("Made from", book.source);
  ++r;
  line("How to use it", "", f.header);
  line("Edit",
       "Change values in the sheets below, save as .xlsx, then run: coachsim run "
       "THIS_FILE.xlsx (also validate, compare, sweep, audit, optimise).");
  line("Check",
       "coachsim validate THIS_FILE.xlsx lists every problem with its sheet and cell, "
       "e.g. 'inputs.xlsx: Regions!D14: regions[17].coaches: expected an integer'.");
  line("Units",
       "A header such as 'coach_fee (PEN/month)' gives the unit of the numbers below "
       "it; in sheets with a Unit column, each row's unit is there. Type the number "
       "only; a cell may also hold a value with its own unit, e.g. '3 weeks'.");
  line("Empty cells", "An empty cell leaves the field out (the scenario's default applies).");
  line("Rows",
       "Add a row to add an item (a region, a budget line); delete a row to remove it. "
       "Sheets whose first column names a region (or year, or type) attach each row to "
       "that item.");
  line("Text and lists",
       "Dates are text YYYY-MM-DD. A cell starting with [ or { is a list or "
       "map written as in YAML, e.g. [Chachapoyas, Bagua] or "
       "{lognormal: [70, 0.7], max: 350}.");
  line("Do not",
       "rename sheets or header cells, and do not edit the hidden sheet _layout: "
       "they say which sheet holds what.");
  line("Field reference",
       "docs/scenario-format.md describes every field; docs/input-workbook.md "
       "this workbook.");
  ++r;
  line("Sheets", "", f.header);
  for (const WorkbookSheet& s : book.sheets) {
    std::string what;
    switch (s.kind) {
      case WorkbookSheet::Kind::kSettings:
        what = "one value a row: Field, Value, Unit";
        break;
      case WorkbookSheet::Kind::kTable:
        what = "one row per item of " + s.path;
        break;
      case WorkbookSheet::Kind::kChild:
        what = "one row per item of " + s.path + "; column A names its row in '" + s.parent + "'";
        break;
      case WorkbookSheet::Kind::kSchools:
        what = "one row per school (the region's schools CSV); column A names the region";
        break;
      case WorkbookSheet::Kind::kSources:
        what = "where each input comes from: a source or 'ASSUMPTION: reason'";
        break;
    }
    line(s.name, what);
  }
}

void sheet(lxw_workbook* wb, const WorkbookSheet& s, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
  if (ws == nullptr) throw std::runtime_error("cannot add sheet '" + s.name + "'");
  std::vector<std::size_t> width(s.columns.size(), 8);
  for (std::size_t c = 0; c < s.columns.size(); ++c) {
    const std::string h = s.columns[c].header();
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), h.c_str(), f.header);
    width[c] = std::max(width[c], h.size() + 2);
  }
  for (std::size_t r = 0; r < s.rows.size(); ++r) {
    for (std::size_t c = 0; c < s.rows[r].size() && c < s.columns.size(); ++c) {
      const WorkbookCell& cell = s.rows[r][c];
      write_cell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), cell, f);
      if (cell.kind == WorkbookCell::Kind::kText)
        width[c] = std::max(width[c], std::min<std::size_t>(cell.text.size() + 2, 60));
    }
  }
  for (std::size_t c = 0; c < width.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(width[c]), nullptr);
  worksheet_freeze_panes(ws, 1, s.kind == WorkbookSheet::Kind::kSettings ? 0 : 1);
  // Room for rows the user adds: validation reaches 200 rows past the data.
  const auto last = static_cast<lxw_row_t>(s.rows.size() + 200);
  if (s.kind == WorkbookSheet::Kind::kSettings) {
    for (std::size_t r = 0; r < s.row_checks.size(); ++r)
      validate(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_row_t>(r + 1), 1,
               s.row_checks[r]);
  } else {
    for (std::size_t c = 0; c < s.columns.size(); ++c)
      validate(ws, 1, last, static_cast<lxw_col_t>(c), s.columns[c].check);
  }
}

void layout(lxw_workbook* wb, const Workbook& book, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "_layout");
  const char* head[] = {"sheet", "kind", "path", "parent"};
  for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(ws, 0, c, head[c], f.header);
  lxw_row_t r = 1;
  for (const WorkbookSheet& s : book.sheets) {
    worksheet_write_string(ws, r, 0, s.name.c_str(), nullptr);
    worksheet_write_string(ws, r, 1, kind_name(s.kind), nullptr);
    worksheet_write_string(ws, r, 2, s.path.c_str(), nullptr);
    worksheet_write_string(ws, r, 3, s.parent.c_str(), nullptr);
    ++r;
  }
  worksheet_hide(ws);
}

}  // namespace

void write_template_xlsx(const Workbook& book, const std::string& path) {
  write_atomically(path, [&](const std::filesystem::path& partial) {
    lxw_workbook_options options{};
    std::string tmpdir = partial.parent_path().string();
    options.tmpdir = tmpdir.data();
    lxw_workbook* wb = workbook_new_opt(partial.c_str(), &options);
    if (wb == nullptr) throw std::runtime_error("cannot create the workbook");
    try {
      Formats f;
      f.header = workbook_add_format(wb);
      format_set_bold(f.header);
      format_set_bottom(f.header, LXW_BORDER_THIN);
      f.text = workbook_add_format(wb);
      format_set_num_format(f.text, "@");
      f.title = workbook_add_format(wb);
      format_set_bold(f.title);
      format_set_font_size(f.title, 14);
      f.wrap = workbook_add_format(wb);
      format_set_text_wrap(f.wrap);
      readme(wb, book, f);
      for (const WorkbookSheet& s : book.sheets) sheet(wb, s, f);
      layout(wb, book, f);
    } catch (...) {
      lxw_workbook_free(wb);
      throw;
    }
    check(workbook_close(wb), "cannot write the workbook");
  });
}

}  // namespace coachsim::report
