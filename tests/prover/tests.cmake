# The offline prover's tests (included from tests/CMakeLists.txt): the
# verifier's typing rules proved sound (`ktal prove --rules`, in shards so two
# cores share them), planted wrong rules refuted, the interval templates equal
# to the code they replaced, and the verifier and the prover on the same images.
set(prover_dir ${CMAKE_CURRENT_LIST_DIR})
ktal_unit_test(prover_planted_test SOURCES ${prover_dir}/planted_test.cpp LIBS ktal_prover)
ktal_unit_test(prover_interval_test SOURCES ${prover_dir}/interval_test.cpp LIBS ktal_verifier)
ktal_unit_test(prover_cache_test SOURCES ${prover_dir}/cache_test.cpp LIBS ktal_prover ktal_case_builder)
ktal_unit_test(prover_differential_test SOURCES ${prover_dir}/differential_test.cpp LIBS ktal_prover ktal_case_builder)
set(KTAL_PROVER_SHARDS 6)
math(EXPR last "${KTAL_PROVER_SHARDS} - 1")
foreach(i RANGE 0 ${last})
  add_test(NAME prover.rules.${i} COMMAND ktal-prove --rules --shard ${i}/${KTAL_PROVER_SHARDS} --timeout-ms 60000)
  set_tests_properties(prover.rules.${i} PROPERTIES LABELS prover TIMEOUT 900)
endforeach()
ktal_unit_test(prover_domains_test SOURCES ${prover_dir}/domains_test.cpp LIBS ktal_prover)
ktal_unit_test(prover_sums_test SOURCES ${prover_dir}/sums_test.cpp LIBS ktal_prover)
# Corpus programs, compiled by ktal-cc, accepted by the verifier and by the
# prover (prove-corpus.sh), functions proved before taken from the cache in
# the build tree (verifier/z3/cache.hpp; its keys hold the prover's own
# executable, so a rebuilt prover proves everything again). Every corpus
# image is proved whole by this prover (per-byte data bits, stand-ins for
# hard arithmetic, sums pushed into merges for rbtree), at 17-100 s of CPU
# each (ARCHITECTURE.md, the
# prover's cost); `make test` proves the 23 that take at most about 70 s,
# about 800 s of CPU beside the rule shards' 330, and the rest only with
# -DKTAL_PROVE_CORPUS=ON (label prover-corpus).
# Per-query limit 60 s: ctest shares two cores, and a query out of time
# would be "unknown", a failure here.
set(prover_corpus_cache ${CMAKE_BINARY_DIR}/prover-cache)
set(prover_corpus_fast base64 brainfuck bwt_rle calc crc32 dijkstra forth hashtable http json kmp
    lru lzhuff matmul minivm nqueens printf_fmt rbtree regex sha256 sieve strlib sudoku)
foreach(name IN LISTS prover_corpus_fast)
  add_test(NAME prover.corpus.${name}
           COMMAND ${prover_dir}/prove-corpus.sh ${CMAKE_BINARY_DIR}/bin ${CMAKE_BINARY_DIR}/prover-corpus ${name} 60000 ${prover_corpus_cache})
  # COST: started first (the longest prover tests), so -j2 packs the rest beside them.
  set_tests_properties(prover.corpus.${name} PROPERTIES LABELS prover TIMEOUT 900 COST 1000)
endforeach()
option(KTAL_PROVE_CORPUS "ctest: prove every corpus image (slow)" OFF)
if(KTAL_PROVE_CORPUS)
  file(GLOB corpus_mains RELATIVE ${CMAKE_SOURCE_DIR}/corpus CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/corpus/*/main.c)
  foreach(main IN LISTS corpus_mains)
    get_filename_component(name ${main} DIRECTORY)
    if(name IN_LIST prover_corpus_fast)
      continue()
    endif()
    add_test(NAME prover.corpus.${name}
             COMMAND ${prover_dir}/prove-corpus.sh ${CMAKE_BINARY_DIR}/bin ${CMAKE_BINARY_DIR}/prover-corpus ${name} 60000 ${prover_corpus_cache})
    set_tests_properties(prover.corpus.${name} PROPERTIES LABELS prover-corpus TIMEOUT 3600)
  endforeach()
endif()
