# attack: the divisor is checked non-zero as 64 bits (test rcx) but divided as 32 bits, and ecx may still be 0
# expect: divide.zero
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov rax, qword ptr [rip + buf]
        mov rcx, qword ptr [rip + buf + 8]
        test rcx, rcx
        je out
        xor edx, edx
        div ecx
        mov dword ptr [rip + buf], eax
out:
        ret
        .size main, .-main
        .bss
buf: .zero 16
