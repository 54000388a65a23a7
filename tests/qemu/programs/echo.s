# ring 0: writes argv[1..argc-1], one per line (as echo does, with newlines).
# argv is a plain integer to the verifier: every load through it is guarded
# (offset from the sandbox's base, unsigned compare, trap) as ktal-cc does.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=32 bound=40
#|   args int int
#|   block @loop: rsp=stack[-32] rbp=saved:rbp r15=saved:r15 [-32]=saved:r14 [-24]=saved:r13 [-16]=saved:r12 [-8]=saved:rbx rbx=int r12=int r13=int
#|   block @inner: rsp=stack[-32] rbp=saved:rbp r15=saved:r15 [-32]=saved:r14 [-24]=saved:r13 [-16]=saved:r12 [-8]=saved:rbx rbx=int r12=int r13=int r14=int rdx=int rcx=sandbox[0]
#|   block @line: fuel rsp=stack[-32] rbp=saved:rbp r15=saved:r15 [-32]=saved:r14 [-24]=saved:r13 [-16]=saved:r12 [-8]=saved:rbx rbx=int r12=int r13=int r14=int rdx=int
#|   block @done: rsp=stack[-32] rbp=saved:rbp r15=saved:r15 [-32]=saved:r14 [-24]=saved:r13 [-16]=saved:r12 [-8]=saved:rbx
#|   block @bad: rsp=stack[-32] rax=int
        .text
        .globl main
        .type main,@function
main:
        push rbx
        push r12
        push r13
        push r14
        mov r12, rdi                    # argc
        mov r13, rsi                    # argv
        mov ebx, 1                      # i
loop:
        call __ktal_helper_fuel
        cmp rbx, r12
        jge done
        lea rcx, [rip + __ktal_sandbox_start]
        lea rax, [r13 + 8*rbx]          # &argv[i], guarded
        sub rax, rcx
        cmp rax, offset __ktal_sandbox_size - 8
        ja bad
        mov r14, qword ptr [rcx + rax]  # argv[i]
        xor edx, edx                    # its length
inner:
        call __ktal_helper_fuel
        lea rax, [r14 + rdx]            # &argv[i][len], guarded
        sub rax, rcx
        cmp rax, offset __ktal_sandbox_size - 1
        ja bad
        cmp byte ptr [rcx + rax], 0
        je line
        inc rdx
        jmp inner
line:
        mov edi, 1
        mov rsi, r14
        call __ktal_helper_write
        mov edi, 1
        lea rsi, [rip + newline]
        mov edx, 1
        call __ktal_helper_write
        inc rbx
        jmp loop
done:
        xor edi, edi
        call __ktal_helper_exit
bad:
        mov edi, 1
        mov rsi, rax
        call __ktal_helper_trap
        .size main, .-main
        .section .rodata
newline: .ascii "\n"
