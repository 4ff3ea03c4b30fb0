#include "golden/case_dirs.hpp"

#include <algorithm>
#include <system_error>

namespace billijk::golden {

namespace fs = std::filesystem;

namespace {

CaseDir make_case(fs::path dir, std::string file) {
    dir = dir.lexically_normal();
    std::string name = dir.generic_string();
    while (name.size() > 1 && name.back() == '/')
        name.pop_back();
    return {fs::path(name), std::move(file), name};
}

/// Every directory at or below `dir` that holds case.json; directories are visited in sorted
/// order and a case directory is not searched further (its own subdirectories are not cases).
void collect(fs::path const& dir, std::vector<CaseDir>& out) {
    std::error_code ec;
    if (fs::is_regular_file(dir / "case.json", ec)) {
        out.push_back(make_case(dir, "case.json"));
        return;
    }
    std::vector<fs::path> children;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec))
        if (it->is_directory(ec))
            children.push_back(it->path());
    std::sort(children.begin(), children.end());
    for (auto const& child : children)
        collect(child, out);
}

} // namespace

Result<std::vector<CaseDir>> discover_cases(std::vector<fs::path> const& arguments) {
    std::vector<CaseDir> out;
    Diagnostics errors;
    for (auto const& arg : arguments) {
        std::error_code ec;
        if (fs::is_regular_file(arg, ec)) {
            fs::path parent = arg.parent_path();
            out.push_back(
                make_case(parent.empty() ? fs::path(".") : parent, arg.filename().string()));
            continue;
        }
        if (!fs::is_directory(arg, ec)) {
            errors.error("G0001", std::nullopt,
                         arg.generic_string() + ": no such case file or directory");
            continue;
        }
        std::size_t const before = out.size();
        collect(arg, out);
        if (out.size() == before)
            errors.error("G0002", std::nullopt,
                         arg.generic_string() +
                             ": no golden case here (a case directory holds case.json)");
    }
    if (errors.has_errors())
        return errors;
    std::sort(out.begin(), out.end(), [](CaseDir const& a, CaseDir const& b) {
        return a.name != b.name ? a.name < b.name : a.case_file < b.case_file;
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [](CaseDir const& a, CaseDir const& b) {
                              return a.name == b.name && a.case_file == b.case_file;
                          }),
              out.end());
    return out;
}

} // namespace billijk::golden
