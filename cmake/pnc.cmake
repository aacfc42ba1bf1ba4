# pnc.cmake: compile privacy notices (.pn files) with pnc at build time.
#
#   include(path/to/pnc/cmake/pnc.cmake)
#
#   pnc_add_catalog(<target>
#                   FILES <file.pn>...
#                   [PREFIX <name>]          # C name of the catalog array
#                                            # (default: pn_catalog)
#                   [OUTPUT_DIR <dir>]       # where <name>.c and <name>.h go
#                                            # (default: pnc-generated/
#                                            # <target> in the binary dir)
#                   [OPTIONS <pnc-option>...]) # more pnc options, e.g. -Werror
#
# At build time it runs
#
#   pnc -o <dir>/<name>.c --header <dir>/<name>.h --prefix <name> \
#       <options> <files>
#
# whenever one of the .pn files or pnc itself is newer than its last run,
# adds <name>.c to <target>'s sources and <dir> to its include directories,
# so the target's code can `#include "<name>.h"` and use the array <name>
# and its size <NAME>_SIZE. The target still has to link libpn (runtime/*.c
# or the installed libpn.a). Relative FILES are relative to the current
# source directory. Call it in the directory that creates <target>; call it
# once per catalog, with a different PREFIX for each catalog of a target.
#
# pnc is ${PNC_EXECUTABLE} if that is set, otherwise the executable target
# named `pnc` if the project builds one, otherwise `pnc` found on the PATH.
#
# pnc leaves an output untouched when its content would not change. A
# stamp file records each run, so an edit that changes no output does not
# make pnc run again on every build; with Ninja (which re-checks outputs
# after a command) it recompiles nothing either.

cmake_minimum_required(VERSION 3.13)

function(pnc_add_catalog target)
    cmake_parse_arguments(PARSE_ARGV 1 PNC "" "PREFIX;OUTPUT_DIR" "FILES;OPTIONS")
    if(PNC_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR
            "pnc_add_catalog: unknown arguments: ${PNC_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT TARGET "${target}")
        message(FATAL_ERROR "pnc_add_catalog: no target named '${target}'")
    endif()
    if(NOT PNC_FILES)
        message(FATAL_ERROR "pnc_add_catalog(${target}): no FILES given")
    endif()
    if(NOT PNC_PREFIX)
        set(PNC_PREFIX pn_catalog)
    endif()
    if(NOT PNC_PREFIX MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
        message(FATAL_ERROR
            "pnc_add_catalog(${target}): PREFIX must be a C identifier, "
            "got '${PNC_PREFIX}'")
    endif()
    if(NOT PNC_OUTPUT_DIR)
        set(PNC_OUTPUT_DIR
            "${CMAKE_CURRENT_BINARY_DIR}/pnc-generated/${target}")
    endif()

    # The generator: a path (and a file dependency) or a target.
    if(PNC_EXECUTABLE)
        set(pnc_command "${PNC_EXECUTABLE}")
        set(pnc_depends "${PNC_EXECUTABLE}")
    elseif(TARGET pnc)
        set(pnc_command "$<TARGET_FILE:pnc>")
        set(pnc_depends pnc)
    else()
        find_program(PNC_EXECUTABLE pnc)
        if(NOT PNC_EXECUTABLE)
            message(FATAL_ERROR
                "pnc_add_catalog(${target}): pnc not found; set "
                "PNC_EXECUTABLE or build a target named pnc")
        endif()
        set(pnc_command "${PNC_EXECUTABLE}")
        set(pnc_depends "${PNC_EXECUTABLE}")
    endif()

    set(sources "")
    foreach(file IN LISTS PNC_FILES)
        get_filename_component(file "${file}" ABSOLUTE
            BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
        list(APPEND sources "${file}")
    endforeach()
    list(LENGTH sources count)

    set(out_c "${PNC_OUTPUT_DIR}/${PNC_PREFIX}.c")
    set(out_h "${PNC_OUTPUT_DIR}/${PNC_PREFIX}.h")
    set(stamp "${PNC_OUTPUT_DIR}/${PNC_PREFIX}.stamp")
    file(MAKE_DIRECTORY "${PNC_OUTPUT_DIR}")

    # The stamp comes first: the Makefile generator checks the first output
    # against the dependencies, and pnc may leave the others as they were.
    add_custom_command(
        OUTPUT "${stamp}" "${out_c}" "${out_h}"
        COMMAND "${pnc_command}" -o "${out_c}" --header "${out_h}"
                --prefix "${PNC_PREFIX}" ${PNC_OPTIONS} ${sources}
        COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
        DEPENDS ${sources} ${pnc_depends}
        COMMENT "pnc: compiling ${count} notice(s) into ${PNC_PREFIX}.c"
        VERBATIM)

    target_sources("${target}" PRIVATE "${out_c}" "${out_h}")
    target_include_directories("${target}" PRIVATE "${PNC_OUTPUT_DIR}")
endfunction()
