# attack: branch on flags after a certified call
# expect: leak.flags
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#| function main bound=8 order=1
        .text
        .type f,@function
f:
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
        call f
        jne out
        mov byte ptr [rip + buf], 1
out:
        ret
        .size main, .-main
        .bss
buf: .zero 16
