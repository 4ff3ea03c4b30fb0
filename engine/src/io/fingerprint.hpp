// Hashes for reproducibility: SHA-256 of texts, and the fingerprint of an indication.
//
// An indication's fingerprint is "sha256:" + SHA-256 over a stable text naming everything that
// determined it: the engine, the rule-language version, every rule package (name, version,
// hash of its sources), every plugin they are bound to (name, municipality, version, ABI,
// SHA-256 of the library file), the reference date and the canonical case (io/case_json.hpp,
// without the BSN). Equal fingerprints mean: same engine, same rules, same input, so the same
// output.
//
//   io::sha256_hex("abc");   // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
//   ind.fingerprint = io::fingerprint(ind, io::canonical_case_json(case_text));
#pragma once

#include "billijk/indication.hpp"

#include <string>
#include <string_view>

namespace billijk::io {

/// SHA-256 of `data` as 64 lowercase hex digits (OpenSSL EVP).
std::string sha256_hex(std::string_view data);

/// `size` bytes as lowercase hexadecimal digits, two per byte.
std::string hex_digits(unsigned char const* bytes, std::size_t size);

/// Appends "name=<byte length>:<value>\n" to `out`: the line of every text Billijk hashes (the
/// fingerprint, audit entries, rule sets). The length makes it unambiguous whatever the value
/// contains: no value can imitate the next field.
void append_field(std::string& out, std::string_view name, std::string_view value);

/// The text that fingerprint() hashes, exposed for tests and for `billijk replay` to show what
/// differs. One "field=length:value" line per item, so no value can imitate another field.
std::string fingerprint_text(Indication const& indication, std::string_view canonical_case);

/// "sha256:" + sha256_hex(fingerprint_text(indication, canonical_case)). Reads only the rules
/// and plugins lists and the reference date of `indication` (never its fingerprint or results).
std::string fingerprint(Indication const& indication, std::string_view canonical_case);

} // namespace billijk::io
