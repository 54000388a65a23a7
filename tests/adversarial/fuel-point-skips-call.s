# attack: the bytes of an inline fuel point whose call is a program function's: were they one fuel point, the verifier would assume the function's certified result in rax, though the call is skipped while the fuel word is clear and rax keeps an unbounded index. They are no fuel point (decode takes the form only with the fuel word and the fuel helper) but a compare, a je and a call, and on the path that skips the call rax is -4096
# expect: memory.bounds
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function small bound=0
#|   result int[0,7]
#| function main bound=8
        .text
        .globl small
        .type small,@function
small:
        xor eax, eax
        ret
        .size small, .-small
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
        mov rax, -4096
        cmp qword ptr [rip + __ktal_fuel_word], 0
        je 1f
        call small
1:
        lea rcx, [rip + buf]
        mov byte ptr [rcx + rax], 1
        ret
        .size main, .-main
        .bss
buf:    .zero 8
