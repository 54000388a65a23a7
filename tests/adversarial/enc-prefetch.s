# attack: prefetch a kernel address (cache side channel; not in the allow-list)
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
        prefetcht0 [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 64
