// Amounts as published tables write them: "5.323,87" (Dutch), "5,323.87" (international),
// "5323.87", "5323,87", "€ 87,71", "-0,50". Returns the exact decimal or a message saying why not.
//
//   auto a = tables::parse_amount("€ 5.323,87");   // a.value: 5323.87 (scale 2)
//   auto b = tables::parse_amount("5.323");        // b.error: ambiguous (5323 or 5.323?)
//
// Policy (docs/tables-verify.md, "Amounts"): spaces, no-break spaces and one € sign are ignored;
// a leading - or + is the sign. When both '.' and ',' occur, the last one is the decimal
// separator and the other groups thousands (groups of exactly three digits). When one of them
// occurs more than once it groups thousands. A single separator is the decimal separator, except
// when exactly three digits follow it and a non-zero integer part of one to three digits precedes
// it ("5.323", "32,015"): that could be either, so it is refused as ambiguous.
#pragma once

#include "billijk/decimal.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace billijk::tables {

struct ParsedAmount {
    std::optional<Decimal> value;
    std::string error; ///< when !value: "ambiguous amount '5.323': …"
};

ParsedAmount parse_amount(std::string_view text);

} // namespace billijk::tables
