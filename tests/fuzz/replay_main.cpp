// A plain main() for the fuzz targets, so that builds without libFuzzer (g++) compile the same
// targets into replay programs: each runs LLVMFuzzerTestOneInput once on every file named on
// the command line, and on every file under a named directory, in sorted order; `--suffix S`
// keeps only names ending in S in the directories named after it, `--any` drops that filter. CTest
// runs them over the seed corpora and tests/fuzz/regressions, so every crash ever found stays a
// regression test. A crash aborts the program; otherwise it prints how many inputs ran and exits 0
// (2 on a usage error or an unreadable path).
//
//   fuzz_parse_replay --suffix .rules rules plugins --any tests/fuzz/regressions/parse
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    std::string suffix;
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        std::string const arg = argv[i];
        if (arg == "--suffix" && i + 1 < argc) {
            suffix = argv[++i];
            continue;
        }
        if (arg == "--any") {
            suffix.clear();
            continue;
        }
        fs::path const path(arg);
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            std::vector<fs::path> found;
            for (auto const& entry : fs::recursive_directory_iterator(path)) {
                std::string const name = entry.path().filename().string();
                bool const wanted = suffix.empty() || (name.size() >= suffix.size() &&
                                                       name.compare(name.size() - suffix.size(),
                                                                    suffix.size(), suffix) == 0);
                if (entry.is_regular_file() && wanted && name != "README.md" && name[0] != '.') {
                    found.push_back(entry.path());
                }
            }
            std::sort(found.begin(), found.end());
            inputs.insert(inputs.end(), found.begin(), found.end());
        } else if (fs::is_regular_file(path, ec)) {
            inputs.push_back(path);
        } else {
            std::cerr << argv[0] << ": no such file or directory: " << arg << "\n";
            return 2;
        }
    }
    // No inputs means wrong seed directories or suffix: a replay that runs nothing must not pass.
    if (inputs.empty()) {
        std::cerr << argv[0] << ": nothing to replay (no file with the suffix given)\n";
        return 2;
    }
    for (auto const& input : inputs) {
        std::ifstream in(input, std::ios::binary);
        std::string const bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof()) {
            std::cerr << argv[0] << ": cannot read " << input.string() << "\n";
            return 2;
        }
        LLVMFuzzerTestOneInput(reinterpret_cast<std::uint8_t const*>(bytes.data()), bytes.size());
    }
    std::cout << argv[0] << ": " << inputs.size() << " inputs ran without a crash\n";
    return 0;
}
