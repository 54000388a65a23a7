# attack: a fuel point on only one path through the loop body
# expect: fuel.backward-jump
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   block @top: rsp=stack[0] saved
        .text
        .globl main
        .type main,@function
main:
top:
        mov eax, dword ptr [rip + buf]
        test eax, eax
        je skip
        call __ktal_helper_fuel
skip:
        jmp top
        .size main, .-main
        .bss
buf: .zero 8
