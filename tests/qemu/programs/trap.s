# ring 0: traps (as a failed bounds guard would), with value 0x1234.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        # rsp is not 16-byte aligned at the call: the user runner's helpers realign
        mov edi, 1
        mov esi, 0x1234
        call __ktal_helper_trap
        .size main, .-main
