# attack: store a safe-stack address at a variable stack offset over data
# slots (a weak update), then read one of them back as data and store it in
# the sandbox: a kernel stack address (KASLR) leaked
# expect: leak.stack-pointer
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=24 bound=24
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 24
        mov qword ptr [rsp], 0
        mov qword ptr [rsp + 8], 0
        mov ecx, dword ptr [rip + buf + 8]
        and ecx, 1
        lea rax, [rsp + 16]
        mov qword ptr [rsp + rcx*8], rax
        xor edx, edx
        add rdx, qword ptr [rsp]
        mov qword ptr [rip + buf], rdx
        add rsp, 24
        ret
        .size main, .-main
        .bss
buf: .zero 16
