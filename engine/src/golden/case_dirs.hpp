// Finding golden cases: each argument is a case directory (it holds case.json), a case file (its
// directory holds the expectations), or a directory with case directories below it at any depth.
//
//   auto cases = golden::discover_cases({"tests/golden/barendrecht"});
//   for (auto const& c : cases.value()) ... c.dir / c.case_file
#pragma once

#include "billijk/result.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace billijk::golden {

struct CaseDir {
    std::filesystem::path dir;           ///< as reached from the argument, lexically normal
    std::string case_file = "case.json"; ///< the case file's name inside `dir`
    std::string name;                    ///< shown in reports: `dir` with '/' separators
};

/// The cases under `arguments`, sorted by name, each once. An argument that does not exist, or
/// a directory without any case below it, is an error naming it (G0001, G0002).
Result<std::vector<CaseDir>> discover_cases(std::vector<std::filesystem::path> const& arguments);

} // namespace billijk::golden
