# attack: rep stos on the safe stack with a count that is bounded but not exact
# expect: memory.rep-count
# prover: safe: at most 31 bytes at rsp in its 32-byte frame (exact counts let the verifier type the slots written)
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=32 bound=32
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 32
        mov rdi, rsp
        mov ecx, dword ptr [rip + buf]
        and ecx, 31
        xor eax, eax
        rep stosb
        add rsp, 32
        ret
        .size main, .-main
        .bss
buf: .zero 64
