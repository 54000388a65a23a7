# attack: overlapping instructions: one path runs movabs rax, imm64, the taken branch runs the imm64 bytes as `mov dword ptr [rdi], 0; ret`
# expect: control.target-mid-instruction
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov eax, dword ptr [rip + buf]
        test eax, eax
        jne inner + 2
inner:
        movabs rax, 0xc300000000078948
        ret
        .size main, .-main
        .bss
buf: .zero 8
