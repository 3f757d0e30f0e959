// Bundle export: the whole tenant, array by array, in recording order (SPEC.md §10).
#include <ostream>

#include "domain/schema.hpp"
#include "json/record_json.hpp"
#include "json/serialize.hpp"
#include "service/bundle.hpp"

namespace brm {
namespace {

// Writes `{"format": …, "version": 1, "<array>": [ one object per line ], …}`; `each` feeds one array.
void WriteDocument(std::ostream& out,
                   const std::function<void(std::string_view array, const std::function<void(const std::string&)>&)>& each) {
  out << "{\"format\": \"brm-bundle\", \"version\": 1";
  auto write_array = [&](std::string_view array) {
    out << ",\n\"" << array << "\": [";
    bool first = true;
    each(array, [&](const std::string& line) {
      out << (first ? "\n" : ",\n") << line;
      first = false;
    });
    out << (first ? "]" : "\n]");
  };
  for (const EntitySpec* spec : AllSpecs()) write_array(spec->bundle);
  out << "\n}\n";
}

}  // namespace

void ExportBundle(Store& store, std::ostream& out) {
  WriteDocument(out, [&](std::string_view array, const std::function<void(const std::string&)>& line) {
    const EntitySpec* spec = FindBundleArray(array);
    store.ForEach(spec->kind, [&](Record&& record) { line(json::Serialize(json::EncodeRecord(record))); });
  });
}

void WriteBundle(const MemoryBundle& bundle, std::ostream& out) {
  WriteDocument(out, [&](std::string_view array, const std::function<void(const std::string&)>& line) {
    const EntitySpec* spec = FindBundleArray(array);
    if (!spec) return;
    for (const BundleItem& item : bundle.of(spec->kind)) {
      boost::json::object object = json::EncodeRecord(item.record);
      if (item.password) object["password"] = *item.password;
      line(json::Serialize(object));
    }
  });
}

}  // namespace brm
