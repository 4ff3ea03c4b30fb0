// One function per verb of `billijk`; main.cpp dispatches to them. Each returns an exit code
// from exit_codes.hpp and writes results to stdout, problems to stderr.
#pragma once

namespace billijk::cli {

int cmd_indicate(int argc, char** argv);
int cmd_check(int argc, char** argv);
int cmd_plugins(int argc, char** argv);

} // namespace billijk::cli
