#include "store/pseudonym.hpp"

#include "io/fingerprint.hpp"
#include "io/json_tree.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>
#include <vector>

namespace billijk::store {

Result<PseudonymKey> make_pseudonym_key(std::string bytes, std::string origin) {
    while (!bytes.empty() && (bytes.back() == '\n' || bytes.back() == '\r' || bytes.back() == ' ' ||
                              bytes.back() == '\t'))
        bytes.pop_back();
    if (bytes.size() < min_pseudonym_key_bytes)
        return fail("S0104", std::nullopt,
                    origin + ": the pseudonym key is " + std::to_string(bytes.size()) +
                        " bytes; at least " + std::to_string(min_pseudonym_key_bytes) +
                        " are needed (e.g. head -c 32 /dev/urandom | base64)");
    return PseudonymKey{std::move(bytes), std::move(origin)};
}

namespace {

struct MacContextDeleter {
    void operator()(EVP_MAC_CTX* context) const { EVP_MAC_CTX_free(context); }
};

/// A context for HMAC-SHA256, with its digest set. HMAC() looks up HMAC and SHA-256 in
/// OpenSSL's provider registry on every call, which was most of a pseudonym's cost (perf on
/// batch --store); the looked-up MAC is immutable and shared, the context is per thread.
std::unique_ptr<EVP_MAC_CTX, MacContextDeleter> hmac_sha256_context() {
    static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (mac == nullptr)
        return nullptr;
    std::unique_ptr<EVP_MAC_CTX, MacContextDeleter> context(EVP_MAC_CTX_new(mac));
    char digest[] = "SHA2-256";
    OSSL_PARAM const params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_END};
    if (!context || EVP_MAC_CTX_set_params(context.get(), params) != 1)
        return nullptr;
    return context;
}

} // namespace

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
    thread_local auto const context = hmac_sha256_context();
    // The key the context was last initialised with. EVP_MAC_init with a key hashes its two
    // padded blocks, half the work of a pseudonym; with no key it starts again from the state
    // after them. A batch pseudonymises every case with one key. Empty: not initialised yet, or
    // a failure left the state unknown.
    thread_local std::string keyed_with;
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    std::size_t length = 0;
    bool const same_key = !keyed_with.empty() && key == keyed_with;
    auto const* key_bytes = same_key ? nullptr : reinterpret_cast<unsigned char const*>(key.data());
    if (!same_key)
        keyed_with.clear();
    if (!context ||
        EVP_MAC_init(context.get(), key_bytes, same_key ? 0 : key.size(), nullptr) != 1 ||
        EVP_MAC_update(context.get(), reinterpret_cast<unsigned char const*>(data.data()),
                       data.size()) != 1 ||
        EVP_MAC_final(context.get(), digest.data(), &length, digest.size()) != 1 || length != 32) {
        keyed_with.clear();
        // Only a broken OpenSSL installation gets here: an emergency, caught at the boundary.
        throw std::runtime_error("hmac-sha256: OpenSSL HMAC failed");
    }
    if (!same_key)
        keyed_with.assign(key);
    return io::hex_digits(digest.data(), length);
}

std::string pseudonym(PseudonymKey const& key, std::string_view bsn) {
    return "hmac-sha256:" + hmac_sha256_hex(key.bytes, bsn);
}

std::string key_check(PseudonymKey const& key) {
    return "hmac-sha256:" + hmac_sha256_hex(key.bytes, "billijk pseudonym key check/1");
}

namespace {

using io::JsonNode;

/// Replaces every member named "bsn" by its pseudonym; collects the clear values.
void replace_bsns(JsonNode& node, PseudonymKey const& key, std::vector<std::string>& clear) {
    if (node.kind == JsonNode::Kind::array) {
        for (auto& item : node.items)
            replace_bsns(item, key, clear);
        return;
    }
    if (node.kind != JsonNode::Kind::object)
        return;
    for (std::size_t i = 0; i < node.keys.size(); ++i) {
        JsonNode& value = node.items[i];
        if (node.keys[i] != "bsn") {
            replace_bsns(value, key, clear);
            continue;
        }
        bool const scalar =
            value.kind == JsonNode::Kind::string || value.kind == JsonNode::Kind::number;
        std::string const text = scalar ? value.text : io::write_canonical(value);
        clear.push_back(text);
        value = JsonNode{};
        value.kind = JsonNode::Kind::string;
        value.text = pseudonym(key, text);
    }
}

/// Whether a member name or string/number value under `node` contains `needle`: the check every
/// stored case goes through, so it builds no path (find_in does, for the error).
bool contains(JsonNode const& node, std::string_view needle) {
    switch (node.kind) {
    case JsonNode::Kind::string:
    case JsonNode::Kind::number:
        return node.text.find(needle) != std::string::npos;
    case JsonNode::Kind::array:
        return std::any_of(node.items.begin(), node.items.end(),
                           [&](JsonNode const& item) { return contains(item, needle); });
    case JsonNode::Kind::object:
        for (std::size_t i = 0; i < node.items.size(); ++i)
            if (node.keys[i].find(needle) != std::string::npos || contains(node.items[i], needle))
                return true;
        return false;
    default:
        return false;
    }
}

/// The JSON path of the first member name or string/number value that contains `needle`.
std::optional<std::string> find_in(JsonNode const& node, std::string const& path,
                                   std::string_view needle) {
    switch (node.kind) {
    case JsonNode::Kind::string:
    case JsonNode::Kind::number:
        if (node.text.find(needle) != std::string::npos)
            return path.empty() ? "(root)" : path;
        return std::nullopt;
    case JsonNode::Kind::array:
        for (std::size_t i = 0; i < node.items.size(); ++i)
            if (auto p = find_in(node.items[i], io::json_path_index(path, i), needle))
                return p;
        return std::nullopt;
    case JsonNode::Kind::object:
        for (std::size_t i = 0; i < node.items.size(); ++i) {
            auto member = io::json_path_member(path, node.keys[i]);
            if (node.keys[i].find(needle) != std::string::npos)
                return member;
            if (auto p = find_in(node.items[i], member, needle))
                return p;
        }
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

// Values this short cannot be a BSN (8 or 9 digits) and would match by accident.
constexpr std::size_t min_clear_length = 8;

} // namespace

Result<PseudonymisedCase> pseudonymise_case(std::string_view case_text, PseudonymKey const& key) {
    auto parsed = io::parse_json_tree(case_text);
    if (!parsed.root)
        return fail("S0106", std::nullopt, "the case is not a JSON object; nothing was stored");
    return pseudonymise_case(std::move(*parsed.root), key);
}

Result<PseudonymisedCase> pseudonymise_case(JsonNode tree, PseudonymKey const& key) {
    if (tree.kind != JsonNode::Kind::object)
        return fail("S0106", std::nullopt, "the case is not a JSON object; nothing was stored");
    PseudonymisedCase out;
    if (auto const* id = tree.find("case_id"); id && id->kind == JsonNode::Kind::string)
        out.case_id = id->text;
    std::string client_bsn;
    if (auto const* client = tree.find("client"))
        if (auto const* bsn = client->find("bsn"); bsn && bsn->kind == JsonNode::Kind::string)
            client_bsn = bsn->text;
    if (client_bsn.empty())
        return fail("S0106", std::nullopt, "client.bsn: missing; nothing was stored");
    std::vector<std::string> clear;
    replace_bsns(tree, key, clear);
    for (auto const& value : clear) {
        if (value.size() < min_clear_length)
            continue;
        if (contains(tree, value))
            return fail("S0106", std::nullopt,
                        find_in(tree, "", value).value_or("(root)") +
                            ": contains a BSN in clear outside a \"bsn\" field; remove it "
                            "from the case before storing (nothing was stored)");
    }
    // replace_bsns has put the client's pseudonym in its place: not computed a second time.
    out.bsn_pseudonym = tree.find("client")->find("bsn")->text;
    out.clear = std::move(clear);
    out.json = io::write_canonical(tree);
    return out;
}

std::string case_for_replay(std::string_view stored_json) {
    auto parsed = io::parse_json_tree(stored_json);
    if (!parsed.root)
        return std::string(stored_json);
    JsonNode tree = std::move(*parsed.root);
    for (std::size_t i = 0; i < tree.keys.size(); ++i) {
        if (tree.keys[i] != "client")
            continue;
        JsonNode& client = tree.items[i];
        for (std::size_t j = 0; j < client.keys.size(); ++j)
            if (client.keys[j] == "bsn") {
                client.items[j] = JsonNode{};
                client.items[j].kind = JsonNode::Kind::string;
                client.items[j].text = std::string(replay_bsn);
            }
    }
    return io::write_canonical(tree);
}

bool passes_elfproef(std::string_view digits) {
    if (digits.size() != 9)
        return false;
    int sum = 0;
    for (std::size_t i = 0; i < 9; ++i) {
        if (digits[i] < '0' || digits[i] > '9')
            return false;
        int const weight = i == 8 ? -1 : static_cast<int>(9 - i);
        sum += weight * (digits[i] - '0');
    }
    return sum % 11 == 0;
}

bool contains_bsn_like(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] < '0' || text[i] > '9') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9')
            ++j;
        if (j - i == 9 && passes_elfproef(text.substr(i, 9)))
            return true;
        i = j;
    }
    return false;
}

} // namespace billijk::store
