// How output CSV files are written: by default RFC 4180 (',' and decimal points, no byte-order
// mark), the form scripts read. For Excel: `--csv-bom` adds a UTF-8 byte-order mark, without
// which Excel on Windows reads the files as ANSI and garbles Áncash or Huánuco; `--csv-sep ';'`
// writes ';'-separated files with decimal commas, what Excel expects in a Spanish locale.
#pragma once

#include <string>
#include <string_view>

namespace coachsim::report {

struct CsvOutput {
  bool bom = false;
  char separator = ',';  // ',' or ';' (then numbers get decimal commas)
  bool plain() const { return !bom && separator == ','; }
};

// Set once by the command line before anything is written; every CSV a command writes follows it.
void set_csv_output(const CsvOutput& output);
const CsvOutput& csv_output();

// `csv` (as the writers make it: ',' and decimal points) in `output`'s convention: with ';', each
// separator becomes ';', each unquoted number's decimal point a comma, and a field holding ';'
// is quoted; quoted fields and line breaks inside them are kept as they are.
std::string convert_csv(std::string_view csv, const CsvOutput& output);

}  // namespace coachsim::report
