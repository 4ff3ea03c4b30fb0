#include "indicate_store.hpp"

#include "exit_codes.hpp"
#include "store_options.hpp"

#include "io/indication_json.hpp"
#include "store/capture.hpp"
#include "store/records.hpp"

#include <iostream>

namespace billijk::cli {

int store_indication_of_run(IndicationToStore const& run, store::PseudonymKey const& key) {
    constexpr char const* command = "billijk indicate";
    store::IndicationRecord record;
    auto rule_files = store::capture_rule_files(run.rules_root, *run.indication, *run.plugins);
    if (!rule_files) {
        print_store_errors(command, rule_files.diagnostics());
        return exit_store_error;
    }
    auto plugin_files = store::capture_plugins(*run.plugins, *run.indication);
    if (!plugin_files) {
        print_store_errors(command, plugin_files.diagnostics());
        return exit_store_error;
    }
    record.case_text = *run.case_text;
    record.rule_files = std::move(rule_files).value();
    record.plugins = std::move(plugin_files).value();
    record.date_option = run.date_option;
    record.reference_date = run.indication->reference_date.to_string();
    record.engine = run.indication->engine;
    record.fingerprint = run.indication->fingerprint;
    // Always the JSON bytes, whatever --format shows: replay compares these.
    record.output = io::write_indication_json(*run.indication);

    auto db = open_database(run.db_flag, command, /*create=*/true);
    if (!db)
        return exit_store_error;
    auto id = store::store_indication(*db, record, key, now_utc());
    if (!id) {
        print_store_errors(command, id.diagnostics());
        return exit_store_error;
    }
    std::cerr << command << ": stored as indication " << id.value() << " in " << db->path().string()
              << "\n";
    return exit_ok;
}

} // namespace billijk::cli
