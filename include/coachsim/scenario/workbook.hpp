// The input workbook: a scenario as sheets a finance officer edits in Excel, and back.
//
// workbook_template() turns a scenario (its resolved YAML tree and its schools CSVs) into plain
// tables; report::write_template_xlsx() writes them with libxlsxwriter. load_document_file()
// reads a path ending in .xlsx back (workbook_document.cpp): the sheets are turned into the
// same YAML tree the loader reads, one cell per line, so every check of the YAML loader applies
// unchanged and errors name the sheet and cell ("inputs.xlsx: Regions!D14: ...").
//
// Layout (docs/input-workbook.md): "Settings" sheets have one value per row (Field, Value,
// Unit); "Table" sheets have one item per row and one field per column ("coach_fee (PEN/month)":
// the unit in the header, the number in the cell); a "Child" table belongs to the rows of
// another sheet through its first column (the Schools by type of each region); "Schools" holds
// the rows of a region's schools CSV; "Sources" maps fields to where their values come from. A
// hidden sheet "_layout" records which sheet holds which part of the scenario.
#pragma once

#include <string>
#include <vector>

#include "coachsim/scenario/document.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim::scenario {

struct WorkbookCell {
  enum class Kind { kEmpty, kNumber, kText, kBool };
  Kind kind = Kind::kEmpty;
  double number = 0;
  std::string text;   // kText
  bool flag = false;  // kBool
};

// Data validation of a column (or of a settings row's value).
struct WorkbookCheck {
  enum class Kind { kNone, kList, kWhole, kDecimal };
  Kind kind = Kind::kNone;
  std::vector<std::string> choices;  // kList
  double min = 0, max = 0;           // kWhole, kDecimal
  std::string message;               // shown when the check fails
};

struct WorkbookColumn {
  std::string key;   // the field: "coach_fee", "gia.count"
  std::string unit;  // "" or the unit numbers in this column carry ("PEN/month")
  WorkbookCheck check;
  std::string header() const { return unit.empty() ? key : key + " (" + unit + ")"; }
};

struct WorkbookSheet {
  enum class Kind { kSettings, kTable, kChild, kSchools, kSources };
  Kind kind = Kind::kTable;
  std::string name;    // sheet name
  std::string path;    // scenario path it holds: "regions", "regions.schools"; "" for settings
  std::string parent;  // kChild/kSchools: the sheet whose rows the first column names
  std::string note;    // one line above nothing: shown in the Léame sheet
  std::vector<WorkbookColumn> columns;
  std::vector<std::vector<WorkbookCell>> rows;
  std::vector<WorkbookCheck> row_checks;  // kSettings: per row, for the Value cell
};

struct Workbook {
  std::string scenario_name;  // the `name:` of the scenario
  std::string source;         // the file it was made from
  std::vector<WorkbookSheet> sheets;
};

struct WorkbookResult {
  Workbook book;
  std::vector<LoadError> errors;  // the scenario's problems: no workbook is made of a bad one
  bool ok() const { return errors.empty(); }
};

// The workbook of the scenario at `path` ("builtin:default" for the built-in default; an .xlsx
// path is read and written again). The scenario must load without errors.
WorkbookResult workbook_template(const std::string& path, const LoadOptions& options = {});

// True when `path` names a workbook (ends in .xlsx, any case).
bool is_workbook_path(const std::string& path);

// Loads a workbook as a scenario document (load_document_file calls this for .xlsx paths).
DocumentResult load_workbook_document(const std::string& path, const LoadOptions& options);

}  // namespace coachsim::scenario
