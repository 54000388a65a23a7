# The compiler's guard: a pointer loaded from memory is only an integer; its
# offset from the sandbox base is checked unsigned, then used from the base.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function store bound=8
#|   args int int
#| function main bound=16
        .text
        .type store,@function
store:                                  # *(int *)rdi = esi
        lea rcx, [rip + __ktal_sandbox_start]
        mov rax, rdi
        sub rax, rcx
        cmp rax, offset __ktal_sandbox_size - 4
        ja trap
        mov dword ptr [rcx + rax], esi
        ret
trap:
        mov edi, 1
        mov rsi, rax
        call __ktal_helper_trap
        .size store, .-store
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
        lea rdi, [rip + cell]
        mov esi, 42
        call store
        ret
        .size main, .-main
        .data
cell:   .long 0
