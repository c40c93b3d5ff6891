# Precompiled standard and Boost.Units headers for clean builds (CI, a fresh checkout).
#
# Every translation unit parses most of the standard library and, through
# coachsim/units/quantities.hpp, Boost.Units: about 165,000 header lines a file, a quarter of a
# Release compile and more of a sanitizer one. A precompiled header per target parses them once.
# Only third-party headers go in it, never a coachsim header, so the layering (each module sees
# only its own and its dependencies' headers) stays what the include directories make it.
#
# Off by default. With it, GCC 12 reports false -Wstringop-overflow and -Warray-bounds errors in
# std::string code inlined from the precompiled headers: 44 errors in 23 files of a Release
# build (session 10), which -Wno-stringop-overflow on the command line did not silence. ccache
# does not cache a compile that uses a precompiled header unless its sloppiness settings allow it.
option(COACHSIM_PCH "Precompile the standard library and Boost.Units headers per target" OFF)

# The headers more than three quarters of the translation units include (measured with
# g++ -H over compile_commands.json, session 9).
set(coachsim_pch_headers
    <algorithm> <array> <chrono> <cmath> <cstdint> <cstdio> <cstdlib> <functional> <limits>
    <map> <memory> <optional> <sstream> <stdexcept> <string> <string_view> <tuple>
    <unordered_map> <utility> <vector> <boost/units/quantity.hpp>)

function(coachsim_precompile target)
  if(COACHSIM_PCH)
    target_precompile_headers(${target} PRIVATE ${coachsim_pch_headers})
  endif()
endfunction()
