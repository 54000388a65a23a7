# ring 0: socket helpers over loopback. A listening TCP socket on
# 127.0.0.1:5555 (SO_REUSEADDR), a client that connects, accept4, send
# "ping\n" from the client, recv it on the accepted socket and write it to
# stdout, shutdown and close all three.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=24 bound=32
        .text
        .globl main
        .type main,@function
main:
        push rbx
        push r12
        push r13
        mov edi, 2                      # AF_INET
        mov esi, 1                      # SOCK_STREAM
        xor edx, edx
        call __ktal_helper_socket
        mov rbx, rax                    # listener
        mov rdi, rbx
        mov esi, 1                      # SOL_SOCKET
        mov edx, 2                      # SO_REUSEADDR
        lea rcx, [rip + one]
        mov r8d, 4
        call __ktal_helper_setsockopt
        mov rdi, rbx
        lea rsi, [rip + addr]
        mov edx, 16
        call __ktal_helper_bind
        mov rdi, rbx
        mov esi, 4
        call __ktal_helper_listen
        mov edi, 2
        mov esi, 1
        xor edx, edx
        call __ktal_helper_socket
        mov r12, rax                    # client
        mov rdi, r12
        lea rsi, [rip + addr]
        mov edx, 16
        call __ktal_helper_connect
        mov rdi, rbx
        lea rsi, [rip + peer]
        lea rdx, [rip + peerlen]
        xor ecx, ecx
        call __ktal_helper_accept4
        mov r13, rax                    # accepted
        mov rdi, r12
        lea rsi, [rip + ping]
        mov edx, 5
        xor ecx, ecx
        call __ktal_helper_send
        mov rdi, r13
        lea rsi, [rip + buf]
        mov edx, 64
        xor ecx, ecx
        call __ktal_helper_recv
        mov rdx, rax
        mov edi, 1
        lea rsi, [rip + buf]
        call __ktal_helper_write
        mov rdi, r12
        mov esi, 2                      # SHUT_RDWR
        call __ktal_helper_shutdown
        mov qword ptr [rip + res], rax
        mov eax, dword ptr [rip + peerlen]
        mov qword ptr [rip + res + 8], rax  # 16: a sockaddr_in came back
        movzx eax, word ptr [rip + peer]
        mov qword ptr [rip + res + 16], rax # AF_INET
        mov edi, 1
        lea rsi, [rip + res]
        mov edx, 24
        call __ktal_helper_write
        mov rdi, r13
        call __ktal_helper_close
        mov rdi, r12
        call __ktal_helper_close
        mov rdi, rbx
        call __ktal_helper_close
        xor edi, edi
        call __ktal_helper_exit
        .size main, .-main
        .section .rodata
        .balign 8
addr:   .short 2                        # sockaddr_in: AF_INET, port 5555, 127.0.0.1
        .byte 0x15, 0xb3
        .byte 127, 0, 0, 1
        .quad 0
one:    .long 1
ping:   .ascii "ping\n"
        .data
        .balign 8
peerlen: .long 16
        .bss
        .balign 8
peer:   .zero 16
res:    .zero 24
buf:    .zero 64
