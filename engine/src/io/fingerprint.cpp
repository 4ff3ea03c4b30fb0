#include "io/fingerprint.hpp"

#include "billijk/version.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace billijk::io {

std::string sha256_hex(std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1 ||
        length != 32) {
        // Only a broken OpenSSL installation gets here: an emergency, caught at the boundary.
        throw std::runtime_error("sha256: OpenSSL EVP_Digest failed");
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4U];
        out += hex[digest[i] & 0xFU];
    }
    return out;
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
