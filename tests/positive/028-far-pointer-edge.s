# A sandbox pointer moved by an unbounded amount is "far" (offsets beyond
# +-2^48 mean nothing): the verifier keeps it as sandbox[-2^48,2^48] and
# never reads its offsets, so it may cross an edge into a certified block
# that says so, and be stored as data (kmp's main does this). The prover
# takes a far pointer as any value (it used to refute this edge).
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   args int int
#|   block @join: rsp=stack[0] saved rax=sandbox[-281474976710656,281474976710656]
        .text
        .globl main
        .type main,@function
main:
        lea rax, [rip + buf]
        shl rdi, 7
        add rax, rdi
        jmp join
join:
        mov qword ptr [rip + buf], rax
        xor eax, eax
        ret
        .size main, .-main
        .bss
buf:    .zero 16
