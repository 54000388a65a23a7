# Unit tests of the typed assembly language: abstract values, states, the
# certificate reader and the text form (included from tests/CMakeLists.txt).
ktal_unit_test(tal_value_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/value_test.cpp
  LIBS ktal_cert_tools)
ktal_unit_test(tal_state_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/state_test.cpp
  LIBS ktal_cert_tools)
ktal_unit_test(tal_cert_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/cert_test.cpp
  LIBS ktal_cert_tools)
