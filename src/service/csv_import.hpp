// CSV import (SPEC.md §10, docs/csv.md): organizations, people, opportunities or ratings from a spreadsheet
// another CRM exported. The file's encoding and delimiter are found (csv_text.hpp), its columns mapped to
// fields (a preset, chosen or the best fitting one, and the caller's own choices), each row converted (Chinese
// labels, dates as Excel writes them, amounts with separators, references by id or by name) and checked; a
// preview lists every row's errors by row and column. A commit writes all rows or none, as a bundle import
// (bundle.hpp): an id column upserts; without one, a record is found by its name (an organization; a person
// in their organization; an opportunity at its customer) or gets an id made from it, so importing the same
// file twice changes nothing the second time. An empty cell never clears a stored value.
// Administrators only (Access::MayExchangeBundles), like bundles.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "domain/result.hpp"
#include "engine/engine.hpp"
#include "service/actor.hpp"
#include "service/csv_columns.hpp"
#include "service/entities.hpp"
#include "store/store.hpp"

namespace brm {

struct CsvRequest {
  Kind kind = Kind::kPerson;
  std::string preset;                             // "" for the best fitting
  std::map<std::string, std::string> columns;     // field → header the caller chose ("" for none)
  bool commit = false;
};

struct CsvError {
  size_t row = 0;       // as a spreadsheet numbers it (the header is 1)
  std::string column;   // the header, "" when the error is about no one column
  std::string field;
  std::string message;
};

struct CsvReport {
  Kind kind = Kind::kPerson;
  std::string encoding;
  char delimiter = ',';
  std::vector<std::string> headers;
  size_t rows = 0;
  std::string preset;
  std::map<std::string, std::string> mapping;  // field → header used
  std::vector<std::string> unmapped;            // headers no field uses
  struct Sample {
    size_t row = 0;
    boost::json::object values;
  };
  std::vector<Sample> sample;                   // the first rows without errors, as they will be stored
  size_t create = 0, update = 0, unchanged = 0;
  std::vector<CsvError> errors;                 // the first kMaxErrors
  size_t error_count = 0;
  bool committed = false;

  static constexpr size_t kMaxErrors = 1000;
  static constexpr size_t kSampleRows = 20;
};

boost::json::object EncodeCsvReport(const CsvReport& report);
boost::json::object EncodeCsvPreset(const csv::Preset& preset);

class CsvImportService {
 public:
  CsvImportService(Store& store, engine::Engine& engine, EntityService& entities)
      : store_(store), engine_(engine), entities_(entities) {}

  // Previews or (request.commit) imports `bytes`. kInvalid naming "file" for what is not a CSV file, naming
  // "preset" for an unknown preset, naming "map.<field>" for a header the file lacks. A commit with errors
  // is kUnprocessable (the first error: its message names the row and column, its field is the record's
  // field) and `report_out` gets the report with all of them. The sample holds the first rows without errors.
  Result<CsvReport> Import(const Actor& actor, const CsvRequest& request, std::string_view bytes, CsvReport* report_out = nullptr);

  // The ready presets and the ones saved by administrators.
  Result<std::vector<csv::Preset>> Presets(const Actor& actor);
  // Saves the mapping of `kind` in the saved preset `name` (created when new), audited.
  Result<csv::Preset> SavePreset(const Actor& actor, std::string_view name, const boost::json::object& body);
  Status DeletePreset(const Actor& actor, std::string_view name);

  // Whether the actor may import CSV files: administrators (Access::MayExchangeBundles).
  Status MayImport(const Actor& actor);

  // A template: the headers of `kind` in `language` ("zh" or "en") and one example row, UTF-8 with a BOM.
  static Result<std::string> Template(Kind kind, std::string_view language);

 private:
  std::vector<csv::Preset> Saved();

  Store& store_;
  engine::Engine& engine_;
  EntityService& entities_;
};

}  // namespace brm
