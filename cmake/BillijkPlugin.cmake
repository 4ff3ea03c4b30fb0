# billijk_add_plugin(NAME SOURCES src... [RULES file.rules... [PACKAGE_DIR dir]]
#                    [OUTPUT_DIRECTORY dir] [C])
#
# Builds one Billijk plugin: a MODULE library named NAME.so (no "lib" prefix) in
# ${CMAKE_BINARY_DIR}/plugins by default — the directory `billijk` searches when neither
# --plugin-path nor $BILLIJK_PLUGIN_PATH is given (build/cli/billijk → build/plugins). The
# target is billijk_plugin_NAME.
#
# Everything is compiled with hidden visibility (C and C++, inline functions too) and linked with
# a version script (billijk_plugin.map) that keeps billijk_plugin_entry the only exported symbol:
# libstdc++ gives namespace std default visibility, so hidden visibility alone would still export
# template instantiations. -z defs makes a plugin that needs a symbol of the host fail to link
# instead of failing to load. A plugin sees only the C ABI header and the C++ SDK (target
# billijk::plugin_sdk), never the engine. Global compile options (BILLIJK_SANITIZE) apply as to
# every target. C++ plugins get the project's warning flags; pass C for a plugin written in C
# (the C language must be enabled in the calling directory).
#
# RULES embeds the municipality's rule package in the plugin: at build time the files are written
# into a generated header "billijk_embedded_rules.hpp" (array billijk_embedded::rule_sources, each
# file under the path PACKAGE_DIR/<file name>, PACKAGE_DIR defaulting to NAME), which the plugin
# passes to .with_rule_sources(). Editing a rule file rebuilds the plugin.

if(NOT TARGET billijk_plugin_sdk)
  add_library(billijk_plugin_sdk INTERFACE)
  add_library(billijk::plugin_sdk ALIAS billijk_plugin_sdk)
  target_include_directories(billijk_plugin_sdk INTERFACE
    ${PROJECT_SOURCE_DIR}/engine/include ${PROJECT_SOURCE_DIR}/plugins/sdk)
endif()

set(BILLIJK_PLUGIN_VERSION_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/billijk_plugin.map)

function(billijk_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "C" "OUTPUT_DIRECTORY;PACKAGE_DIR" "SOURCES;RULES")
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "billijk_add_plugin(${name}): SOURCES is required")
  endif()
  if(NOT arg_OUTPUT_DIRECTORY)
    set(arg_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/plugins)
  endif()
  set(target billijk_plugin_${name})
  add_library(${target} MODULE ${arg_SOURCES})
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME ${name}
    PREFIX ""
    SUFFIX ".so"
    LIBRARY_OUTPUT_DIRECTORY ${arg_OUTPUT_DIRECTORY}
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_link_libraries(${target} PRIVATE billijk::plugin_sdk)
  target_link_options(${target} PRIVATE LINKER:-z,defs
    LINKER:--version-script=${BILLIJK_PLUGIN_VERSION_SCRIPT})
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${BILLIJK_PLUGIN_VERSION_SCRIPT})
  if(arg_RULES)
    billijk_embed_rules(${target} ${name} "${arg_PACKAGE_DIR}" ${arg_RULES})
  endif()
  if(arg_C)
    set_target_properties(${target} PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
    if(BILLIJK_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  else()
    target_link_libraries(${target} PRIVATE billijk::warnings)
  endif()
endfunction()

# The generated header of RULES (see above), added to the target's include path.
set(BILLIJK_EMBED_RULES_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_rules.cmake)
function(billijk_embed_rules target name package_dir)
  if(NOT package_dir)
    set(package_dir ${name})
  endif()
  set(files "")
  foreach(file IN LISTS ARGN)
    get_filename_component(absolute ${file} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    list(APPEND files ${absolute})
  endforeach()
  string(REPLACE ";" "|" joined "${files}")
  set(dir ${CMAKE_CURRENT_BINARY_DIR}/${target}_generated)
  set(header ${dir}/billijk_embedded_rules.hpp)
  add_custom_command(OUTPUT ${header}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${header} -DPACKAGE_DIR=${package_dir} -DFILES=${joined}
            -P ${BILLIJK_EMBED_RULES_SCRIPT}
    DEPENDS ${files} ${BILLIJK_EMBED_RULES_SCRIPT}
    COMMENT "Embedding the rule package of plugin ${name}"
    VERBATIM)
  target_sources(${target} PRIVATE ${header})
  target_include_directories(${target} PRIVATE ${dir})
endfunction()
