# ring 0: file helpers on the caller's descriptors. Opens /tmp/ktal-file.txt,
# reads it and writes it to stdout, seeks back and sendfile()s it to stdout,
# writes its st_size (8 bytes) from fstat, closes it.
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
        mov edi, -100                   # AT_FDCWD
        lea rsi, [rip + path]
        xor edx, edx                    # O_RDONLY
        xor ecx, ecx
        call __ktal_helper_openat
        mov rbx, rax
        mov rdi, rbx
        lea rsi, [rip + buf]
        mov edx, 4096
        call __ktal_helper_read
        mov rdx, rax
        mov edi, 1
        lea rsi, [rip + buf]
        call __ktal_helper_write
        mov rdi, rbx
        xor esi, esi
        xor edx, edx                    # SEEK_SET
        call __ktal_helper_lseek
        mov edi, 1
        mov rsi, rbx
        xor edx, edx
        mov ecx, 4096
        call __ktal_helper_sendfile
        mov rdi, rbx
        lea rsi, [rip + statbuf]
        call __ktal_helper_fstat
        mov edi, 1
        lea rsi, [rip + statbuf + 48]        # st_size
        mov edx, 8
        call __ktal_helper_write
        mov rdi, rbx
        call __ktal_helper_close
        xor edi, edi
        call __ktal_helper_exit
        .size main, .-main
        .section .rodata
path:   .asciz "/tmp/ktal-file.txt"
        .bss
        .balign 8
statbuf: .zero 144
buf:    .zero 4096
