# attack: the outer loop passes a fuel point but the inner loop does not
# expect: fuel.backward-jump
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   block @outer: rsp=stack[0] saved
#|   block @inner: rsp=stack[0] saved rcx=int[1,5]
        .text
        .globl main
        .type main,@function
main:
outer:
        call __ktal_helper_fuel
        mov ecx, 5
inner:
        dec ecx
        jne inner
        jmp outer
        .size main, .-main
