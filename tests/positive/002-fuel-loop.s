# A counted loop storing into a sandbox array, with a fuel point per iteration.
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
        call __ktal_helper_fuel
        mov byte ptr [rdx + rcx], cl
        inc rcx
        cmp rcx, 100
        jb loop
        ret
        .size main, .-main
        .bss
buf:    .zero 100
