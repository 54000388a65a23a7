# attack: a RIP-relative load in the gap between rodata and the sandbox
# expect: memory.bounds
# prover: safe: the gap is rodata's padding, mapped read-only up to the sandbox (kernel and user runner); the verifier takes RIP-relative addresses only inside rodata itself
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        movzx eax, byte ptr [rip + ro + 0x800]
        ret
        .size main, .-main
        .section .rodata
ro: .zero 16
