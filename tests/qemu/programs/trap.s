# ring 0: traps (as a failed bounds guard would), with value 0x1234.
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
        push rbx                        # keeps the SysV call alignment the user runner's helpers need
        mov edi, 1
        mov esi, 0x1234
        call __ktal_helper_trap
        .size main, .-main
