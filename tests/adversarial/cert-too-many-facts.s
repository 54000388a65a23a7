# attack: nine facts (the state holds eight)
# expect: cert.malformed
# problem: state lists too many facts
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @main: rsp=stack[0] saved rax=int rcx=int rax<=rcx rcx<=rax rdx<=rax rax<=rdx rsi<=rax rax<=rsi rdi<=rax rax<=rdi r8<=rax
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
