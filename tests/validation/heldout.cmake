# Blind held-out years (VALIDATION.md): scripts/heldout_peru.py recalibrates on the published
# spending of years <= Y (and checks scenarios/calibration/peru-upto-Y.yaml holds that fit),
# predicts year Z from its structure, and compares with Table 1 and the naive benchmarks.
# `fail` cases are expected failures: the script exits 77 with the reason (ctest: not run,
# label validation-expected-failure) and fails if the aim is met after all.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
foreach(heldout_case "2011;2010;fail" "2012;2010;fail" "2012;2011;fail" "2013;2011;pass"
                     "2013;2012;pass")
  list(GET heldout_case 0 heldout_year)
  list(GET heldout_case 1 heldout_upto)
  list(GET heldout_case 2 heldout_expect)
  set(heldout_name heldout.predict_${heldout_year}_calibrated_to_${heldout_upto})
  add_test(NAME ${heldout_name}
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/heldout_peru.py
                   --coachsim $<TARGET_FILE:coachsim> check ${heldout_year} ${heldout_upto}
                   --expect ${heldout_expect})
  if(heldout_expect STREQUAL "fail")
    set(heldout_label validation-expected-failure)
  else()
    set(heldout_label validation)
  endif()
  set_tests_properties(${heldout_name} PROPERTIES SKIP_RETURN_CODE 77 LABELS ${heldout_label}
                       ENVIRONMENT ${test_env})
endforeach()
