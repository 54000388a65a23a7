# The offline prover's tests (included from tests/CMakeLists.txt): the
# verifier's typing rules proved sound (`ktal prove --rules`, in shards so two
# cores share them), planted wrong rules refuted, the interval templates equal
# to the code they replaced, and the verifier and the prover on the same images.
set(prover_dir ${CMAKE_CURRENT_LIST_DIR})
ktal_unit_test(prover_planted_test SOURCES ${prover_dir}/planted_test.cpp LIBS ktal_prover)
ktal_unit_test(prover_interval_test SOURCES ${prover_dir}/interval_test.cpp LIBS ktal_verifier)
ktal_unit_test(prover_cache_test SOURCES ${prover_dir}/cache_test.cpp LIBS ktal_prover ktal_case_builder)
# (434 cases of 10-2,000 ms: in 4 processes rather than 434)
ktal_unit_test(prover_differential_test SOURCES ${prover_dir}/differential_test.cpp LIBS ktal_prover ktal_case_builder SHARDS 4)
add_test(NAME prover.progress COMMAND ${prover_dir}/progress.sh ${CMAKE_BINARY_DIR}/bin
                                       ${CMAKE_SOURCE_DIR}/tests/positive/024-call-chain.s)
set_tests_properties(prover.progress PROPERTIES LABELS prover TIMEOUT 300)
set(KTAL_PROVER_SHARDS 6)
math(EXPR last "${KTAL_PROVER_SHARDS} - 1")
foreach(i RANGE 0 ${last})
  add_test(NAME prover.rules.${i} COMMAND ktal-prove --rules --shard ${i}/${KTAL_PROVER_SHARDS} --timeout-ms 60000)
  set_tests_properties(prover.rules.${i} PROPERTIES LABELS prover TIMEOUT 900 COST 1000)
endforeach()
# Random programs: what the verifier accepts, the prover must prove.
ktal_unit_test(prover_random_test SOURCES ${prover_dir}/random_test.cpp ${prover_dir}/random_programs.cpp
               LIBS ktal_prover ktal_case_builder SHARDS 2)
ktal_unit_test(prover_domains_test SOURCES ${prover_dir}/domains_test.cpp LIBS ktal_prover)
ktal_unit_test(prover_sums_test SOURCES ${prover_dir}/sums_test.cpp LIBS ktal_prover)
# Every corpus program's image (the one corpus.user.NAME compiled with ktal-cc
# and ran: its fixture), accepted by the verifier and proved whole by the
# prover (prove-corpus.sh). Functions proved before are taken from the cache
# in the build tree (verifier/z3/cache.hpp; its keys hold the prover's own
# executable, so a rebuilt prover proves everything again). 13-72 s of CPU
# per image, about 930 s for all 29 (ARCHITECTURE.md, the prover's cost).
# Per-query limit 60 s: ctest shares two cores, and a query out of time
# would be "unknown", a failure here.
set(prover_corpus_cache ${CMAKE_BINARY_DIR}/prover-cache)
get_property(corpus_programs GLOBAL PROPERTY KTAL_CORPUS_PROGRAMS)
get_property(corpus_images GLOBAL PROPERTY KTAL_CORPUS_IMAGE_DIR)
foreach(name IN LISTS corpus_programs)
  add_test(NAME prover.corpus.${name}
           COMMAND ${prover_dir}/prove-corpus.sh --image ${corpus_images}/${name}.ktal
                   ${CMAKE_BINARY_DIR}/bin ${CMAKE_BINARY_DIR}/prover-corpus ${name} 60000 ${prover_corpus_cache})
  # COST: started first (the longest tests), so -j2 packs the rest beside them.
  set_tests_properties(prover.corpus.${name} PROPERTIES LABELS prover TIMEOUT 900 COST 1000
                       FIXTURES_REQUIRED corpus.image.${name})
endforeach()
