# attack: a lock prefix on a sandbox add
# expect: encoding.forbidden-prefix
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lock add dword ptr [rip + buf], 1
        ret
        .size main, .-main
        .bss
buf: .zero 64
