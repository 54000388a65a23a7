# The verifier's rule tests: one accepted and one rejected program per rule
# name and per instruction form (included from tests/CMakeLists.txt).
ktal_unit_test(verifier_rules_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/rules_encoding_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/rules_data_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/rules_control_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/rules_calls_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/rules_memory_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/rules_cert_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/rules_pointer_compare_test.cpp
  LIBS ktal_case_builder)
ktal_unit_test(verifier_cert_fuzz_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/cert_fuzz_test.cpp
  LIBS ktal_case_builder)
