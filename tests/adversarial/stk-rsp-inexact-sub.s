# attack: sub rsp, rax with rax in [0, 8]: rsp is no longer a known offset
# expect: stack.rsp
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=16 bound=16
        .text
        .globl main
        .type main,@function
main:
        mov eax, dword ptr [rip + buf]
        and eax, 8
        sub rsp, rax
        ret
        .size main, .-main
        .bss
buf: .zero 8
