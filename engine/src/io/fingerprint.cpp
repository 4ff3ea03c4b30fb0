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

std::string fingerprint_text(Indication const& indication, std::string_view canonical_case) {
    std::string out;
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
    append_field(out, "reference_date", indication.reference_date.to_string());
    append_field(out, "case", canonical_case);
    return out;
}

std::string fingerprint(Indication const& indication, std::string_view canonical_case) {
    return "sha256:" + sha256_hex(fingerprint_text(indication, canonical_case));
}

} // namespace billijk::io
