#include "report_output.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>

namespace billijk::cli {

bool write_output(std::string const& path, std::string const& text) {
    std::string const tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out || !(out << text) || !(out.flush()))
            return false;
    }
    return std::rename(tmp.c_str(), path.c_str()) == 0;
}

bool emit_report(Args const& args, std::string const& text) {
    if (auto target = args.option("output")) {
        if (!write_output(*target, text)) {
            std::cerr << *target << ": error: cannot write the report\n";
            return false;
        }
    } else {
        std::cout << text;
    }
    return true;
}

} // namespace billijk::cli
