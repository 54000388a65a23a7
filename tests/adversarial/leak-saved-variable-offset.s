# attack: store the caller's rbx (kernel data) at a variable stack offset over
# data slots, then read one of them back as data into the sandbox
# expect: leak.opaque
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
        mov qword ptr [rsp + rcx*8], rbx
        xor edx, edx
        add rdx, qword ptr [rsp]
        mov qword ptr [rip + buf], rdx
        add rsp, 24
        ret
        .size main, .-main
        .bss
buf: .zero 16
