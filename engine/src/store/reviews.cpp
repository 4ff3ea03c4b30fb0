#include "store/reviews.hpp"

#include "io/fingerprint.hpp"
#include "store/audit.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

namespace billijk::store {

using nlohmann::json;

Result<std::int64_t> store_review(Database& db, ReviewRecord const& record,
                                  std::string const& recorded_at) {
    // The report never holds a BSN (it names cases by case_id); check, never assume.
    for (auto const& bsn : record.clear_bsns)
        if (!bsn.empty() && (record.report.find(bsn) != std::string::npos ||
                             record.decisions_name.find(bsn) != std::string::npos))
            return fail("S0106", std::nullopt,
                        "the review report or the decisions file name contains a BSN in clear "
                        "(nothing was stored)");
    auto& sql = db.sql();
    try {
        // IMMEDIATE: take the write lock before reading the chain's last entry (audit.hpp).
        SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement add(sql, "INSERT INTO reviews(decisions_name, decisions_sha256, engine, "
                                   "options, decisions, findings, report, report_sha256) "
                                   "VALUES (?,?,?,?,?,?,?,?)");
        add.bind(1, record.decisions_name);
        add.bind(2, io::sha256_hex(record.decisions_bytes));
        add.bind(3, record.engine);
        add.bind(4, record.options);
        add.bind(5, record.decisions);
        add.bind(6, record.findings);
        add.bind(7, record.report.data(), static_cast<int>(record.report.size()));
        add.bind(8, io::sha256_hex(record.report));
        add.exec();
        std::int64_t const id = sql.getLastInsertRowid();
        std::optional<json> content;
        {
            RecordReader reader(sql); // finalised here, before the commit
            content = review_audit_content(reader, id);
        }
        append_audit(sql, {"review", "review " + std::to_string(id), recorded_at,
                           content ? content->dump() : std::string("{}")});
        tx.commit();
        return id;
    } catch (std::exception const& e) {
        return store_failure(db.path(), "storing the review", e.what());
    }
}

Result<StoredReview> load_review(Database& db, std::int64_t id) {
    try {
        SQLite::Statement query(db.sql(),
                                "SELECT decisions_name, decisions_sha256, engine, options, "
                                "decisions, findings, report, report_sha256 FROM reviews "
                                "WHERE id = ?");
        query.bind(1, id);
        if (!query.executeStep())
            return fail("S0113", std::nullopt,
                        db.path().string() + ": there is no review " + std::to_string(id));
        StoredReview out;
        out.id = id;
        out.decisions_name = query.getColumn(0).getString();
        out.decisions_sha256 = query.getColumn(1).getString();
        out.engine = query.getColumn(2).getString();
        out.options = query.getColumn(3).getString();
        out.decisions = query.getColumn(4).getInt64();
        out.findings = query.getColumn(5).getInt64();
        auto const report = query.getColumn(6);
        out.report.assign(static_cast<char const*>(report.getBlob()),
                          static_cast<std::size_t>(report.getBytes()));
        if (io::sha256_hex(out.report) != query.getColumn(7).getString())
            return fail("S0114", std::nullopt,
                        db.path().string() + ": the report of review " + std::to_string(id) +
                            " is not the one recorded (its hash differs); `billijk audit "
                            "verify` names the entry");
        // The time is the audit entry's: the reviews table has no column of its own for it.
        SQLite::Statement when(db.sql(), "SELECT recorded_at FROM audit_log WHERE kind = "
                                         "'review' AND subject = ? ORDER BY seq LIMIT 1");
        when.bind(1, "review " + std::to_string(id));
        if (when.executeStep())
            out.recorded_at = when.getColumn(0).getString();
        return out;
    } catch (std::exception const& e) {
        return store_failure(db.path(), "reading review " + std::to_string(id), e.what());
    }
}

std::optional<json> review_audit_content(RecordReader& reader, std::int64_t id) {
    auto& query = reader.statement("SELECT decisions_name, decisions_sha256, engine, options, "
                                   "decisions, findings, report FROM reviews WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep())
        return std::nullopt;
    auto const report = query.getColumn(6);
    std::string const bytes(static_cast<char const*>(report.getBlob()),
                            static_cast<std::size_t>(report.getBytes()));
    json content;
    content["review"] = id;
    content["decisions_name"] = query.getColumn(0).getString();
    content["decisions_sha256"] = query.getColumn(1).getString();
    content["engine"] = query.getColumn(2).getString();
    content["options"] = query.getColumn(3).getString();
    content["decisions"] = query.getColumn(4).getInt64();
    content["findings"] = query.getColumn(5).getInt64();
    // The hash of the bytes as they are now, not the stored report_sha256 column: an edited
    // report must change the content even if its hash column was edited to match.
    content["report_sha256"] = io::sha256_hex(bytes);
    return content;
}

} // namespace billijk::store
