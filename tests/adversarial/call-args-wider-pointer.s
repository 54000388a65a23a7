# attack: pass a pointer whose range is wider than the callee's certified argument type
# expect: call.arguments
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#|   args sandbox[0,63]
#| function main bound=8 order=1
        .text
        .type f,@function
f:
        mov byte ptr [rdi], 0
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
        lea rdi, [rip + buf]
        mov eax, dword ptr [rip + buf]
        and eax, 127
        add rdi, rax
        call f
        ret
        .size main, .-main
        .bss
buf: .zero 64
