/* Test plugin, written in C against the bare ABI: a good plugin for the fictional municipality
 * GM9998 with an effective-dated table and two pure native functions. The unit tests load it and
 * call its functions; it shows that a plugin needs nothing but billijk/plugin_abi.h. */
#include "billijk/plugin_abi.h"

#include <string.h>

/* first_of_month(date) -> date: "2016-03-17" -> "2016-03-01". */
static int first_of_month(const billijk_host_api* host, billijk_host_context* ctx,
                          const billijk_value* const* args, size_t arg_count,
                          billijk_result* result) {
    const char* date = args[0]->text;
    if (arg_count != 1 || date == NULL || strlen(date) != 10) {
        host->set_error(ctx, "first_of_month expects one date");
        return BILLIJK_FAILED;
    }
    memcpy(result->text, date, 8);
    memcpy(result->text + 8, "01", 3); /* with the terminating NUL */
    result->type = BILLIJK_TYPE_DATE;
    return BILLIJK_OK;
}

/* is_informal(text) -> bool */
static int is_informal(const billijk_host_api* host, billijk_host_context* ctx,
                       const billijk_value* const* args, size_t arg_count, billijk_result* result) {
    (void)host;
    (void)ctx;
    (void)arg_count;
    result->type = BILLIJK_TYPE_BOOL;
    result->boolean = strcmp(args[0]->text, "informal") == 0 ? 1 : 0;
    return BILLIJK_OK;
}

static const billijk_tariff_row zone_fare_rows[] = {
    {sizeof(billijk_tariff_row), "ov_taxi", "2023-01-01", "2023-12-31", "1.20", NULL},
    {sizeof(billijk_tariff_row), "ov_taxi", "2024-01-01", NULL, "1.25", "tariefbesluit 2024"},
};

static const billijk_tariff_table tables[] = {
    {sizeof(billijk_tariff_table), "zone_fare", "eur/zone", zone_fare_rows, 2,
     "Testverordening art. 1", "Tarief per zone", "Fare per zone"},
};

static const char* const one_date[] = {"date"};
static const char* const one_text[] = {"text"};

static const billijk_native_function functions[] = {
    {sizeof(billijk_native_function), "first_of_month", one_date, 1, "date", first_of_month,
     "Rekenconventie", "Eerste dag van de maand", NULL},
    {sizeof(billijk_native_function), "is_informal", one_text, 1, "bool", is_informal,
     "Testverordening art. 2", "Informele zorgverlener", "Informal provider"},
};

static const billijk_plugin_info info = {
    sizeof(billijk_plugin_info),
    BILLIJK_PLUGIN_ABI_MAJOR,
    BILLIJK_PLUGIN_ABI_MINOR,
    "GM9998",
    "C-testgemeente",
    "1.0",
    NULL,
    0,
    tables,
    1,
    functions,
    2,
    NULL,
};

BILLIJK_PLUGIN_EXPORT const billijk_plugin_info*
billijk_plugin_entry(const billijk_host_api* host) {
    (void)host;
    return &info;
}
