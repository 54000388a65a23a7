# A counted loop with an inline fuel point at its end, as ktal-cc emits them:
# the fuel helper runs only when ktal.ko has set the fuel word.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   block @loop: rsp=stack[0] saved rcx=int[0,99] rdx=sandbox[0]
        .text
        .globl main
        .type main,@function
main:
        xor ecx, ecx
        lea rdx, [rip + buf]
loop:
        mov byte ptr [rdx + rcx], cl
        inc rcx
        cmp qword ptr [rip + __ktal_fuel_word], 0
        je 1f
        call __ktal_helper_fuel
1:
        cmp rcx, 100
        jb loop
        ret
        .size main, .-main
        .bss
buf:    .zero 100
