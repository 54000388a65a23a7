# A local array that never escapes stays on the safe stack: zeroed with rep
# stosq (exact pointer and count: each of the 16 stores is typed), two elements
# written, then summed by a loop whose index [0,15] reads the slots through
# rsp + 8*rcx. The caller reserves its alignment slot with push rax.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry stack_arr
#| function pick frame=128 bound=136
#|   args int
#|   result int
#|   block @sum: rsp=stack[-128] saved rax=int rcx=int[0,15] [-128]=int [-120]=int [-112]=int [-104]=int [-96]=int [-88]=int [-80]=int [-72]=int [-64]=int [-56]=int [-48]=int [-40]=int [-32]=int [-24]=int [-16]=int [-8]=int
#| function stack_arr frame=8 bound=152
#|   args int
#|   result int
        .text
        .globl pick
        .type pick,@function
pick:
        sub     rsp, 128
        mov     rdx, rdi
        mov     rdi, rsp
        xor     eax, eax
        mov     ecx, 16
        rep     stosq
        mov     qword ptr [rsp + 24], rdx
        add     rdx, rdx
        mov     qword ptr [rsp + 56], rdx
        xor     ecx, ecx
        xor     eax, eax
sum:
        call    __ktal_helper_fuel
        add     rax, qword ptr [rsp + 8*rcx]
        inc     rcx
        cmp     rcx, 16
        jne     sum
        add     rsp, 128
        ret
        .size pick, .-pick
        .text
        .globl stack_arr
        .type stack_arr,@function
stack_arr:
        call __ktal_helper_fuel
        push    rax
        call    pick
        pop     rcx
        ret
        .size stack_arr, .-stack_arr
