# ring 0: helpers that must fail, and with which -errno. Writes twelve 8-byte
# results: close(999) -EBADF, openat of a missing file -ENOENT, read into
# rodata -EFAULT, lseek(0, 0, 7) -EINVAL, fstat(-1) -EBADF,
# socket(12345, 1, 0) -EAFNOSUPPORT, getrandom with flag 0x100 -EINVAL,
# nanosleep of 2e9 ns -EINVAL, clock_gettime(99) -EINVAL, accept4 on a file
# (a file) -ENOTSOCK, bind of a socket to a 200-byte address -EINVAL, openat of a path running off the image's end -EFAULT.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=16
        .text
        .globl main
        .type main,@function
main:
        push rbx
        mov edi, 999
        call __ktal_helper_close
        mov qword ptr [rip + res], rax
        mov edi, -100
        lea rsi, [rip + missing]
        xor edx, edx
        xor ecx, ecx
        call __ktal_helper_openat
        mov qword ptr [rip + res + 8], rax
        xor edi, edi
        lea rsi, [rip + missing]
        mov edx, 4
        call __ktal_helper_read
        mov qword ptr [rip + res + 16], rax
        xor edi, edi
        xor esi, esi
        mov edx, 7
        call __ktal_helper_lseek
        mov qword ptr [rip + res + 24], rax
        mov edi, -1
        lea rsi, [rip + statbuf]
        call __ktal_helper_fstat
        mov qword ptr [rip + res + 32], rax
        mov edi, 12345
        mov esi, 1
        xor edx, edx
        call __ktal_helper_socket
        mov qword ptr [rip + res + 40], rax
        lea rdi, [rip + statbuf]
        mov esi, 16
        mov edx, 0x100
        call __ktal_helper_getrandom
        mov qword ptr [rip + res + 48], rax
        lea rdi, [rip + toolong]
        xor esi, esi
        call __ktal_helper_nanosleep
        mov qword ptr [rip + res + 56], rax
        mov edi, 99
        lea rsi, [rip + statbuf]
        call __ktal_helper_clock_gettime
        mov qword ptr [rip + res + 64], rax
        mov edi, -100
        lea rsi, [rip + self]
        xor edx, edx
        xor ecx, ecx
        call __ktal_helper_openat
        mov rbx, rax
        mov rdi, rbx
        xor esi, esi
        xor edx, edx
        xor ecx, ecx
        call __ktal_helper_accept4
        mov qword ptr [rip + res + 72], rax
        mov rdi, rbx
        call __ktal_helper_close
        mov edi, 2                      # AF_INET
        mov esi, 1                      # SOCK_STREAM
        xor edx, edx
        call __ktal_helper_socket
        mov rbx, rax
        mov rdi, rbx
        lea rsi, [rip + statbuf]
        mov edx, 200
        call __ktal_helper_bind
        mov qword ptr [rip + res + 80], rax
        mov rdi, rbx
        call __ktal_helper_close
        mov edi, -100
        lea rsi, [rip + __ktal_image_end - 1]
        mov byte ptr [rsi], 0x41        # the last byte of the image, not NUL
        xor edx, edx
        xor ecx, ecx
        call __ktal_helper_openat
        mov qword ptr [rip + res + 88], rax
        mov edi, 1
        lea rsi, [rip + res]
        mov edx, 96
        call __ktal_helper_write
        xor edi, edi
        call __ktal_helper_exit
        .size main, .-main
        .section .rodata
        .balign 8
toolong: .quad 0, 2000000000
missing: .asciz "/tmp/no-such-file"
self:   .asciz "/tmp/ktal-file.txt"
        .bss
        .balign 8
res:    .zero 96
statbuf: .zero 256
