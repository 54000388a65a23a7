# attack: SSE register use (movaps): the kernel does not save SIMD state for kernel code
# expect: encoding.forbidden-opcode
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        movaps xmm0, xmmword ptr [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 64
