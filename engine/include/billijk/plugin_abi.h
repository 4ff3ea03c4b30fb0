/* The Billijk plugin ABI: the only thing that crosses the boundary between the engine and a
 * municipality plugin. Plain C (C99 and later, and C++), no C++ types, no allocation across the
 * boundary. docs/plugin-abi.md is the full description; this header is the contract.
 *
 * A plugin is a shared library that exports exactly one symbol, `billijk_plugin_entry`. The host
 * calls it once; it returns a pointer to a description that lives as long as the library (a
 * static object), and the host checks that description's ABI version before reading anything
 * else:
 *
 *     #include "billijk/plugin_abi.h"
 *
 *     static const billijk_tariff_row rows[] = {
 *         {sizeof(billijk_tariff_row), "begeleiding_individueel", "2015-01-01", "2017-12-31",
 *          "45.00", NULL},
 *     };
 *     static const billijk_tariff_table tables[] = {
 *         {sizeof(billijk_tariff_table), "in_kind_cost", "eur/hour", rows, 1,
 *          "Rekenkamer Barendrecht 2017", "Kostprijs in natura", NULL},
 *     };
 *     static const billijk_plugin_info info = {
 *         sizeof(billijk_plugin_info), BILLIJK_PLUGIN_ABI_MAJOR, BILLIJK_PLUGIN_ABI_MINOR,
 *         "GM0489", "Barendrecht", "2015.1", NULL, 0, tables, 1, NULL, 0, NULL};
 *
 *     BILLIJK_PLUGIN_EXPORT const billijk_plugin_info*
 *     billijk_plugin_entry(const billijk_host_api* host) { (void)host; return &info; }
 *
 * (C++ plugins use plugins/sdk/billijk_plugin.hpp, which fills these structs for you.)
 *
 * Versioning rules (the host enforces them, in this order):
 *   - `struct_size` is the first member of every struct and holds sizeof() of that struct as the
 *     plugin was compiled; the host reads only what it knows and walks every array the plugin
 *     supplies by the struct_size of its elements (so a plugin built against an older minor,
 *     with shorter structs, still loads).
 *   - `abi_major` must equal the host's BILLIJK_PLUGIN_ABI_MAJOR; `abi_minor` must be at most
 *     the host's BILLIJK_PLUGIN_ABI_MINOR.
 *   - Within one major version structs only grow at the end (append-only); a new member is
 *     optional (NULL or 0 means "not supplied"), and the minor version goes up by one.
 *     Anything else (removing, reordering or retyping a member) is a new major version.
 *
 * What a plugin may do: return static data and compute pure functions of their arguments. The
 * host API deliberately offers no clock, no environment, no files and no allocator: a native
 * function that reads the clock or the environment breaks the promise that the same case, rules
 * and plugins always give the same indication.
 */
#ifndef BILLIJK_PLUGIN_ABI_H
#define BILLIJK_PLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** ABI version of this header. A host accepts a plugin whose major is equal and whose minor is
 *  at most the host's minor. */
#define BILLIJK_PLUGIN_ABI_MAJOR 1
#define BILLIJK_PLUGIN_ABI_MINOR 0

/** Name of the one exported symbol, for dlsym. */
#define BILLIJK_PLUGIN_ENTRY_NAME "billijk_plugin_entry"

/** Marks the entry point as the library's only exported symbol; build plugins with hidden
 *  visibility (-fvisibility=hidden, which billijk_add_plugin() sets). */
#if defined(_WIN32)
#define BILLIJK_PLUGIN_EXPORT __declspec(dllexport)
#else
#define BILLIJK_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/** Return values of init hooks and native functions. */
#define BILLIJK_OK 0
#define BILLIJK_FAILED 1

/** Value type tags (billijk_value.type, billijk_result.type). A declared type string maps to a
 *  tag: a unit expression ("eur/hour", "count", "percent") to DECIMAL, "date" to DATE, "text" to
 *  TEXT, "bool" to BOOL. */
#define BILLIJK_TYPE_DECIMAL 1u
#define BILLIJK_TYPE_DATE 2u
#define BILLIJK_TYPE_TEXT 3u
#define BILLIJK_TYPE_BOOL 4u

/** Guaranteed minimum capacity of billijk_result.text, terminating NUL included. */
#define BILLIJK_RESULT_TEXT_CAPACITY 256u

/** Opaque: the host's bookkeeping for one init or function call; pass it back to set_error. */
typedef struct billijk_host_context billijk_host_context;

/** What the host offers a plugin, and nothing else. Valid for the lifetime of the process. */
typedef struct billijk_host_api {
    uint32_t struct_size;
    uint32_t abi_major; /**< the host's BILLIJK_PLUGIN_ABI_MAJOR */
    uint32_t abi_minor; /**< the host's BILLIJK_PLUGIN_ABI_MINOR */
    /** Report why an init hook or native function failed (UTF-8; the host copies it). Call it
     *  before returning BILLIJK_FAILED; a later call replaces an earlier message. */
    void (*set_error)(billijk_host_context* ctx, const char* message);
} billijk_host_api;

/** One rule file of the municipality's package, embedded as text. */
typedef struct billijk_rule_source {
    uint32_t struct_size;
    const char* path; /**< relative, '/'-separated, ends in ".rules": "barendrecht/jeugd.rules" */
    const char* text; /**< the file's UTF-8 text */
} billijk_rule_source;

/** One effective-dated row of a tariff table. */
typedef struct billijk_tariff_row {
    uint32_t struct_size;
    const char* key;        /**< identifier [a-z_][a-z0-9_]*: "begeleiding_individueel" */
    const char* valid_from; /**< "YYYY-MM-DD", first day the amount applies */
    const char* valid_to;   /**< "YYYY-MM-DD", last day (inclusive); NULL: open-ended */
    const char* amount;     /**< decimal string, '.' as separator, no exponent: "45.00" */
    const char* cites;      /**< optional source of this amount; NULL: the table's */
} billijk_tariff_row;

/** A table of amounts by key and date, in one unit. Rows of one key must not overlap in time. */
typedef struct billijk_tariff_table {
    uint32_t struct_size;
    const char* name; /**< identifier: "in_kind_cost" */
    const char* unit; /**< unit expression: "eur/hour", "eur/year", "eur/zone" */
    const billijk_tariff_row* rows;
    size_t row_count;
    const char* cites;    /**< required: the article or document the amounts come from */
    const char* label_nl; /**< required: Dutch label, quoted in explanations */
    const char* label_en; /**< optional English label */
} billijk_tariff_table;

/** An argument of a native function. `text` is valid only during the call. */
typedef struct billijk_value {
    uint32_t struct_size;
    uint32_t type;    /**< BILLIJK_TYPE_* */
    const char* text; /**< DECIMAL "45.00", DATE "2017-06-01", TEXT (UTF-8); NULL for BOOL */
    int32_t boolean;  /**< BOOL: 0 or 1; 0 otherwise */
} billijk_value;

/** Where a native function writes its result. The host sets struct_size, text and
 *  text_capacity; the plugin sets type and either boolean or the NUL-terminated text. */
typedef struct billijk_result {
    uint32_t struct_size;
    uint32_t type;        /**< must be the tag of the declared return type */
    int32_t boolean;      /**< BOOL result: 0 or 1 */
    char* text;           /**< DECIMAL, DATE or TEXT result, written into the host's buffer */
    size_t text_capacity; /**< bytes available in text, at least BILLIJK_RESULT_TEXT_CAPACITY */
} billijk_result;

/** A pure native function: the result depends on the arguments only. The host has checked the
 *  argument count and types against the declaration before the call. Returns BILLIJK_OK after
 *  writing `result`, or calls host->set_error(ctx, ...) and returns BILLIJK_FAILED. Must not
 *  throw, longjmp or keep pointers to its arguments. May be called from several threads. */
typedef int (*billijk_native_fn)(const billijk_host_api* host, billijk_host_context* ctx,
                                 const billijk_value* const* args, size_t arg_count,
                                 billijk_result* result);

/** Declaration of a native function, typed like a built-in so that calls are checked when the
 *  rules are loaded. Types are "text", "date", "bool" or a unit expression ("eur/hour"). */
typedef struct billijk_native_function {
    uint32_t struct_size;
    const char* name; /**< identifier, distinct from the plugin's table names */
    const char* const* parameter_types;
    size_t parameter_count;
    const char* return_type;
    billijk_native_fn fn;
    const char* cites;    /**< required */
    const char* label_nl; /**< required */
    const char* label_en; /**< optional */
} billijk_native_function;

/** Optional one-time initialisation, called after the version check and before the description
 *  is read any further. Returns BILLIJK_OK, or calls host->set_error and returns
 *  BILLIJK_FAILED; the plugin is then refused with that message. */
typedef int (*billijk_init_fn)(const billijk_host_api* host, billijk_host_context* ctx);

/** The plugin's description: static, owned by the plugin, never freed. The first three members
 *  are frozen for every ABI version so that the host can always read the version. */
typedef struct billijk_plugin_info {
    uint32_t struct_size;
    uint32_t abi_major;            /**< BILLIJK_PLUGIN_ABI_MAJOR the plugin was compiled against */
    uint32_t abi_minor;            /**< BILLIJK_PLUGIN_ABI_MINOR the plugin was compiled against */
    const char* municipality_code; /**< CBS code: "GM" and four digits, "GM0489" */
    const char* name;              /**< "Barendrecht" */
    const char* version;           /**< the plugin's own version: "2015.1" */
    const billijk_rule_source* rule_sources;
    size_t rule_source_count;
    const billijk_tariff_table* tables;
    size_t table_count;
    const billijk_native_function* functions;
    size_t function_count;
    billijk_init_fn init; /**< NULL: nothing to initialise */
} billijk_plugin_info;

/** The entry point. `host` stays valid for the life of the process; the plugin may keep it.
 *  Returns the plugin's description (never NULL for a working plugin). Called once per load;
 *  must have no side effects beyond returning the description. */
typedef const billijk_plugin_info* (*billijk_plugin_entry_fn)(const billijk_host_api* host);

BILLIJK_PLUGIN_EXPORT const billijk_plugin_info* billijk_plugin_entry(const billijk_host_api* host);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* BILLIJK_PLUGIN_ABI_H */
