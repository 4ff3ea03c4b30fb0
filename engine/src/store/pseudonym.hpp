// The BSN pseudonym: a keyed hash (HMAC-SHA256) whose key lives outside the database.
//
// A case is stored with every member named "bsn" (client.bsn, and any under "extra") replaced
// by "hmac-sha256:<64 hex digits>" of its value. Without the key nobody can turn a pseudonym
// back into a BSN by trying all 10^9 candidates; with it, the same BSN always gives the same
// pseudonym, so the cases of one client can still be found together. Before anything is
// written the stored text is searched for the BSN in clear (e.g. typed into case_id or an
// "extra" note) and storing is refused (S0106) if it is there.
//
//   auto key = store::make_pseudonym_key(text_of_key_file, "key.txt");      // S0104 if short
//   auto stored = store::pseudonymise_case(case_text, key.value());
//   stored.value().json;            // the case, compact, sorted keys, no BSN in clear
#pragma once

#include "billijk/result.hpp"
#include "io/json_tree.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace billijk::store {

/// The shortest key accepted, in bytes.
inline constexpr std::size_t min_pseudonym_key_bytes = 16;

struct PseudonymKey {
    std::string bytes;
    std::string origin; ///< where it came from, for messages: "BILLIJK_PSEUDONYM_KEY", a path
};

/// A key from the bytes of the variable or key file (trailing newlines and spaces removed, so
/// that `echo KEY > file` works). S0104 when shorter than min_pseudonym_key_bytes.
Result<PseudonymKey> make_pseudonym_key(std::string bytes, std::string origin);

/// HMAC-SHA256 of `data` under `key`, 64 lowercase hex digits (OpenSSL).
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

/// "hmac-sha256:" + hmac_sha256_hex(key, bsn).
std::string pseudonym(PseudonymKey const& key, std::string_view bsn);

/// A value that identifies the key without revealing it (the HMAC of a fixed text): the
/// database keeps it, so that a second key (whose pseudonyms would not match) is refused.
std::string key_check(PseudonymKey const& key);

struct PseudonymisedCase {
    std::string json;          ///< compact, keys sorted, numbers as written, BSNs pseudonymised
    std::string case_id;       ///< the case's case_id
    std::string bsn_pseudonym; ///< of client.bsn
    /// The values that were replaced, kept only to check that no other text to be stored
    /// contains them; never written anywhere.
    std::vector<std::string> clear;
};

/// Pseudonymises a case that read_case accepted. S0106 when the BSN still occurs in clear in
/// the result (the message names the field, never the BSN).
Result<PseudonymisedCase> pseudonymise_case(std::string_view case_text, PseudonymKey const& key);

/// The same on the case's parsed tree (taken, since its BSNs are replaced in place).
Result<PseudonymisedCase> pseudonymise_case(io::JsonNode tree, PseudonymKey const& key);

/// The BSN a replay puts in place of the pseudonym. It passes the elfproef; the engine only
/// validates a BSN and never lets it influence the indication or its fingerprint.
inline constexpr std::string_view replay_bsn = "999999990";

/// A stored case as text the engine accepts again: client.bsn set to replay_bsn.
std::string case_for_replay(std::string_view stored_json);

/// True for 9 digits passing the elfproef (weights 9..2, -1; sum divisible by 11).
bool passes_elfproef(std::string_view digits);

/// Whether `text` contains a run of exactly 9 digits that passes the elfproef: such a run may
/// be a BSN, and free text (a committee's reason) that holds one is refused.
bool contains_bsn_like(std::string_view text);

} // namespace billijk::store
