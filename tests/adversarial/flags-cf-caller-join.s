# attack: two paths meet, one where inc after a helper call left the helper's CF, one where add set it; the join keeps "CF is ours" and setb copies the kernel's CF into the sandbox
# expect: leak.flags
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        mov eax, dword ptr [rip + buf]
        cmp eax, 2
        jne other
        call __ktal_helper_fuel
        inc eax
        jmp join
other:
        add eax, 1
join:
        setb cl
        mov byte ptr [rip + buf], cl
        ret
        .size main, .-main
        .bss
buf: .zero 128
