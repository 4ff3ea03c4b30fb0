#include "diag/render.hpp"
#include "syntax/parse.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

TEST_CASE("smoke") {
    char const* path = std::getenv("SMOKE");
    if (!path) return;
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    billijk::SourceSet sources;
    auto id = sources.add(path, ss.str());
    auto r = billijk::syntax::parse(sources, id);
    if (!r) std::cout << billijk::render_all(r.diagnostics(), sources);
    else std::cout << "ok: " << r.value().declarations.size() << " declarations\n";
}
