# attack: overwrite the return address through a copy of rsp
# expect: stack.return-address
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov rax, rsp
        mov dword ptr [rax + 4], 0
        ret
        .size main, .-main
