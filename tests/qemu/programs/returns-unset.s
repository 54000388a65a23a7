# ring 0: the entry function certifies no result and returns with its own
# return address in rax (a kernel address): the exit status must be 0, not rax.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov rax, qword ptr [rsp]
        ret
        .size main, .-main
