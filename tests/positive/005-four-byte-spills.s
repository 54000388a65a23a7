# int values live across calls (clang-19 -O2): 4-byte spill slots written with
# mov dword ptr [rsp+N], r32 and read back by imul/mov with a 4-byte memory
# operand, beside an 8-byte spill.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry ints
#| function h bound=0
#|   args int
#|   result int
#| function ints frame=88 bound=96
#|   args int int int int int int
#|   result int
        .text
        .globl h
        .type h,@function
h:
        mov     eax, edi
        xor     eax, 23130
        ret
        .size h, .-h
        .text
        .globl ints
        .type ints,@function
ints:
        call __ktal_helper_fuel
        push    rbp
        push    r15
        push    r14
        push    r13
        push    r12
        push    rbx
        sub     rsp, 40
        mov     ebx, r9d
        mov     r12d, r8d
        mov     dword ptr [rsp + 16], r8d       # 4-byte Spill
        mov     ebp, ecx
        mov     r14d, edx
        mov     dword ptr [rsp + 24], edx       # 4-byte Spill
        mov     r15d, esi
        mov     dword ptr [rsp + 20], esi       # 4-byte Spill
        mov     dword ptr [rsp + 28], edi       # 4-byte Spill
        call    h
        mov     qword ptr [rsp + 32], rax       # 8-byte Spill
        mov     edi, r15d
        call    h
        mov     r13d, eax
        mov     edi, r14d
        call    h
        mov     dword ptr [rsp + 12], eax       # 4-byte Spill
        mov     edi, ebp
        call    h
        mov     r14d, eax
        mov     edi, r12d
        call    h
        mov     dword ptr [rsp + 8], eax        # 4-byte Spill
        mov     edi, ebx
        call    h
        mov     r12d, eax
        mov     r15, qword ptr [rsp + 32]       # 8-byte Reload
        lea     edi, [r15 + r13]
        call    h
        imul    r13d, r15d
        imul    r14d, dword ptr [rsp + 12]      # 4-byte Folded Reload
        add     r14d, r13d
        imul    r12d, dword ptr [rsp + 8]       # 4-byte Folded Reload
        mov     ecx, dword ptr [rsp + 20]       # 4-byte Reload
        imul    ecx, dword ptr [rsp + 28]       # 4-byte Folded Reload
        imul    ebp, dword ptr [rsp + 24]       # 4-byte Folded Reload
        add     ebp, ecx
        imul    ebx, dword ptr [rsp + 16]       # 4-byte Folded Reload
        add     ebx, ebp
        add     ebx, r14d
        add     eax, r12d
        add     eax, ebx
        add     rsp, 40
        pop     rbx
        pop     r12
        pop     r13
        pop     r14
        pop     r15
        pop     rbp
        ret
        .size ints, .-ints
