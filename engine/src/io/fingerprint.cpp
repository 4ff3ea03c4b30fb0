#include "io/fingerprint.hpp"

#include "billijk/version.hpp"

#include <openssl/evp.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace billijk::io {

namespace {

/// SHA-256 as OpenSSL implements it, looked up once. With EVP_sha256(), OpenSSL 3 looks the
/// implementation up in its provider registry on every call: half the time of hashing a 1.6 KB
/// output (perf on batch --store). The fetched implementation is immutable and may be shared by
/// threads; it is kept for the life of the process.
EVP_MD const* sha256_implementation() {
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
    return md;
}

struct DigestContextDeleter {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

} // namespace

std::string hex_digits(unsigned char const* bytes, std::size_t size) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(2 * size, '0');
    for (std::size_t i = 0; i < size; ++i) {
        out[2 * i] = hex[bytes[i] >> 4U];
        out[2 * i + 1] = hex[bytes[i] & 0xFU];
    }
    return out;
}

std::string sha256_hex(std::string_view data) {
    // One context per thread, reused: EVP_DigestInit_ex2 resets it for each digest.
    thread_local std::unique_ptr<EVP_MD_CTX, DigestContextDeleter> context(EVP_MD_CTX_new());
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_MD const* md = sha256_implementation();
    if (md == nullptr || !context || EVP_DigestInit_ex2(context.get(), md, nullptr) != 1 ||
        EVP_DigestUpdate(context.get(), data.data(), data.size()) != 1 ||
        EVP_DigestFinal_ex(context.get(), digest.data(), &length) != 1 || length != 32) {
        // Only a broken OpenSSL installation gets here: an emergency, caught at the boundary.
        throw std::runtime_error("sha256: OpenSSL digest failed");
    }
    return hex_digits(digest.data(), length);
}

void append_field(std::string& out, std::string_view name, std::string_view value) {
    out += name;
    out += '=';
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}

namespace {

/// The fields before the reference date: the engine, the rule packages and their plugins. Every
/// indication under the same rules and plugins shares them.
void append_engine_rules_and_plugins(std::string& out, Indication const& indication) {
    append_field(out, "fingerprint", "billijk.fingerprint/1");
    append_field(out, "engine", engine_name);
    append_field(out, "rule_language", std::to_string(rule_language_version));
    append_field(out, "rules", std::to_string(indication.rules.size()));
    for (RulePackageRef const& rules : indication.rules) {
        append_field(out, "package", rules.package);
        append_field(out, "version", rules.version);
        append_field(out, "hash", rules.hash);
    }
    // Plugins the rule packages are bound to, sorted by municipality code. Absent without
    // plugins, so that a fingerprint without plugins is what it was before they existed.
    if (!indication.plugins.empty()) {
        append_field(out, "plugins", std::to_string(indication.plugins.size()));
        for (PluginRef const& p : indication.plugins) {
            append_field(out, "plugin", p.name);
            append_field(out, "plugin_municipality", p.municipality);
            append_field(out, "plugin_version", p.version);
            append_field(out, "plugin_abi", p.abi);
            append_field(out, "plugin_hash", p.sha256);
        }
    }
}

[[noreturn]] void fingerprint_digest_failed() {
    // Only a broken OpenSSL installation gets here: an emergency, caught at the boundary.
    throw std::runtime_error("fingerprint: OpenSSL digest failed");
}

void digest_update(EVP_MD_CTX* context, std::string_view data) {
    if (EVP_DigestUpdate(context, data.data(), data.size()) != 1)
        fingerprint_digest_failed();
}

/// The SHA-256 state after a prefix of a fingerprint text, and that prefix.
struct PrefixDigest {
    std::string text; ///< empty while `state` is not the state after it
    std::unique_ptr<EVP_MD_CTX, DigestContextDeleter> state{EVP_MD_CTX_new()};
};

} // namespace

std::string fingerprint_text(Indication const& indication, std::string_view canonical_case) {
    std::string out;
    append_engine_rules_and_plugins(out, indication);
    append_field(out, "reference_date", indication.reference_date.to_string());
    append_field(out, "case", canonical_case);
    return out;
}

std::string fingerprint(Indication const& indication, std::string_view canonical_case) {
    // SHA-256 of fingerprint_text(), without hashing its shared prefix again for every case. A
    // batch fingerprints every case under the same rules and plugins, and that prefix (about a
    // kilobyte with 13 plugins) was about 4% of storing a case on a CPU without SHA
    // instructions (callgrind, docs/performance.md, session 12). The state after it is kept
    // per thread and reused only for the very same prefix text, so the digest is the same
    // either way.
    thread_local std::string prefix;
    thread_local PrefixDigest after_prefix;
    thread_local std::unique_ptr<EVP_MD_CTX, DigestContextDeleter> context(EVP_MD_CTX_new());
    EVP_MD const* md = sha256_implementation();
    if (md == nullptr || !context || !after_prefix.state)
        fingerprint_digest_failed();
    prefix.clear();
    append_engine_rules_and_plugins(prefix, indication);
    if (after_prefix.text != prefix) {
        after_prefix.text.clear();
        if (EVP_DigestInit_ex2(after_prefix.state.get(), md, nullptr) != 1)
            fingerprint_digest_failed();
        digest_update(after_prefix.state.get(), prefix);
        after_prefix.text = prefix;
    }
    if (EVP_MD_CTX_copy_ex(context.get(), after_prefix.state.get()) != 1)
        fingerprint_digest_failed();
    std::string rest;
    append_field(rest, "reference_date", indication.reference_date.to_string());
    rest += "case=";
    rest += std::to_string(canonical_case.size());
    rest += ':';
    digest_update(context.get(), rest);
    digest_update(context.get(), canonical_case); // not copied into a text first
    digest_update(context.get(), "\n");
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context.get(), digest.data(), &length) != 1 || length != 32)
        fingerprint_digest_failed();
    return "sha256:" + hex_digits(digest.data(), length);
}

} // namespace billijk::io
