# Insertion sort of 16 ints in the sandbox (clang-19 -O2): nested loops whose
# blocks clang lays out out of order, so three blocks are backward-jump
# targets; the inner loop exits on data (jle) or when j reaches 0 (dec/jne), and
# every index stays in [0, 15].
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry isort
#| function isort bound=8
#|   block @isort_low: rsp=stack[0] saved rax=int[1,15] rcx=sandbox[0] rdx=u[0,4294967295]
#|   block @isort_put: rsp=stack[0] saved rax=int[1,15] rcx=sandbox[0] rdx=u[0,4294967295] rsi=int[0,15]
#|   block @isort_shift: rsp=stack[0] saved rax=int[1,15] rcx=sandbox[0] rdx=u[0,4294967295] rsi=int[1,15]
        .text
        .globl isort
        .type isort,@function
isort:
        mov     eax, 1
        lea     rcx, [rip + arr]
        jmp     isort_next
isort_low:
        xor     esi, esi
isort_put:
        mov     dword ptr [rcx + 4*rsi], edx
        inc     rax
        cmp     rax, 16
        je      isort_done
isort_next:
        mov     edx, dword ptr [rcx + 4*rax]
        mov     rsi, rax
isort_shift:
        call    __ktal_helper_fuel
        mov     edi, dword ptr [rcx + 4*rsi - 4]
        cmp     edi, edx
        jle     isort_put
        mov     dword ptr [rcx + 4*rsi], edi
        dec     rsi
        jne     isort_shift
        jmp     isort_low
isort_done:
        ret
        .size isort, .-isort

        .data
        .p2align 4
arr:    .long   9, 3, 7, 1, 15, 2, 8, 4, 11, 6, 13, 5, 10, 12, 0, 14
