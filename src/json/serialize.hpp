// JSON text for the API and bundles. Like boost::json::serialize, but numbers are written the way people
// read them: 1200000.5 and 0.6 rather than 1.2000005E6 and 6E-1 (shortest form that reads back exactly).
#pragma once

#include <string>

#include <boost/json.hpp>

namespace brm::json {

std::string Serialize(const boost::json::value& value);
void SerializeTo(std::string& out, const boost::json::value& value);

}  // namespace brm::json
